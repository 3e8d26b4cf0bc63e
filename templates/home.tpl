{{%AUTOESCAPE context="HTML"}}
{{! home.tpl: the start page; the latest news and, beside them, coming events. }}
<div class="intro">
<h1>Nätverket för jämlik hälsa och social hållbarhet</h1>
<p class="lead">Healthy Cities Sverige är ett nätverk av svenska kommuner och regioner som arbetar för god och jämlik hälsa och en socialt hållbar utveckling. Vi är en del av WHO:s europeiska Healthy Cities-rörelse och delar kunskap, erfarenheter och goda exempel mellan medlemmarna.</p>
</div>
<div class="home-columns">
<section class="home-news" aria-labelledby="senaste-rubrik">
<h2 id="senaste-rubrik">Senaste nytt</h2>
{{#LATEST}}<article class="post-summary">
<h3><a href="{{HREF}}">{{TITLE}}</a></h3>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE_SV}}</time>{{#CATEGORY}} · <a href="{{HREF}}">{{NAME}}</a>{{/CATEGORY}}</p>
<p>{{EXCERPT}}</p>
</article>
{{/LATEST}}<p class="more"><a href="/nyheter">Alla nyheter</a></p>
</section>
{{! Coming events, filled later: EVENTS is shown once with its EVENT items,
    or NO_EVENTS when there are none; with neither, the news take the full width. }}
{{#EVENTS}}<aside class="home-events" aria-labelledby="evenemang-rubrik">
<h2 id="evenemang-rubrik">Kommande evenemang</h2>
<ul class="event-list">
{{#EVENT}}<li>
<a href="{{HREF}}">{{TITLE}}</a>
<span class="meta">{{DATE_SV}} · {{PLACE}}</span>
<span class="tag">{{KIND}}</span>{{#CANCELLED}} <span class="tag cancelled">Inställt</span>{{/CANCELLED}}
</li>
{{/EVENT}}</ul>
<p class="more"><a href="/evenemang">Alla evenemang</a></p>
</aside>
{{/EVENTS}}{{#NO_EVENTS}}<aside class="home-events" aria-labelledby="evenemang-rubrik">
<h2 id="evenemang-rubrik">Kommande evenemang</h2>
<p>Inga kommande evenemang just nu.</p>
<p class="more"><a href="/evenemang">Alla evenemang</a></p>
</aside>
{{/NO_EVENTS}}</div>
