{{%AUTOESCAPE context="HTML"}}
{{! news_list.tpl: a page of news, all of them (/nyheter) or one category's (/kategori/<slug>). }}
<h1>{{HEADING}}</h1>
{{#INTRO}}<p class="lead">{{TEXT}}</p>
{{/INTRO}}{{#POST}}<article class="post-summary">
{{#FEATURED}}<img class="post-thumb" src="{{SRC}}" alt="{{ALT}}" loading="lazy">
{{/FEATURED}}<h2><a href="{{HREF}}">{{TITLE}}</a></h2>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE_SV}}</time>{{#CATEGORY}} · <a href="{{HREF}}">{{NAME}}</a>{{/CATEGORY}}</p>
<p>{{EXCERPT}}</p>
</article>
{{/POST}}{{#EMPTY}}<p class="notice">Det finns inga nyheter här ännu.</p>
{{/EMPTY}}{{>PAGER}}
