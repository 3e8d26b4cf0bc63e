{{%AUTOESCAPE context="HTML"}}
{{! post.tpl: one news post; the body is HTML rendered by cmark in safe mode at save time. }}
<article class="post">
<header class="post-header">
<h1>{{TITLE}}</h1>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE_SV}}</time> · {{AUTHOR}}{{#CATEGORY}} · <a href="{{HREF}}">{{NAME}}</a>{{/CATEGORY}}</p>
</header>
{{#FEATURED}}<figure class="featured-image"><img src="{{SRC}}" alt="{{ALT}}"></figure>
{{/FEATURED}}<div class="post-body">
{{SAFE_BODY_HTML:none}}
</div>
</article>
<p class="back"><a href="/nyheter">← Alla nyheter</a></p>
