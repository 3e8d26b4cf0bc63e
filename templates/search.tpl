{{%AUTOESCAPE context="HTML"}}
{{! search.tpl: /sok, the search form and its hits; matched words are marked. }}
<h1>Sök</h1>
<form class="search-form" method="get" action="/sok" role="search">
<label for="sok-sida">Sök bland nyheter, evenemang och sidor</label>
<input id="sok-sida" type="search" name="q" value="{{Q}}" maxlength="200">
<button type="submit">Sök</button>
</form>
{{#ASK}}<p class="notice">Skriv ett eller flera ord. Ord med å, ä och ö hittas också utan prickar (”halsa” hittar ”hälsa”), och början av ett ord räcker (”folkhäls”).</p>
{{/ASK}}{{#NONE}}<p class="notice" role="status">Inga träffar på ”{{Q}}”. Pröva färre eller kortare ord, eller bläddra bland <a href="/nyheter">alla nyheter</a> och <a href="/evenemang">evenemang</a>.</p>
{{/NONE}}{{#FOUND}}<p role="status">{{TOTAL}} på ”{{Q}}”.</p>
{{/FOUND}}{{#RESULT}}<article class="search-hit">
<h2><a href="{{HREF}}">{{#TITLE}}{{#MARK}}<mark>{{/MARK}}{{TEXT}}{{#MARK}}</mark>{{/MARK}}{{/TITLE}}</a></h2>
<p class="meta"><span class="tag">{{KIND}}</span>{{#DATE}} · {{DATE_SV}}{{/DATE}}</p>
<p>{{#SNIPPET}}{{#MARK}}<mark>{{/MARK}}{{TEXT}}{{#MARK}}</mark>{{/MARK}}{{/SNIPPET}}</p>
</article>
{{/RESULT}}{{>PAGER}}
