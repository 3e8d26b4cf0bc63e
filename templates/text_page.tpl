{{%AUTOESCAPE context="HTML"}}
{{! text_page.tpl: a page whose text lives in the database; the body is HTML rendered by cmark in safe mode at save time. }}
<article class="post">
<h1>{{TITLE}}</h1>
<div class="post-body">
{{SAFE_BODY_HTML:none}}
</div>
{{>FORM}}
</article>
