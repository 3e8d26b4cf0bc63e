{{%AUTOESCAPE context="HTML"}}
{{! public_message.tpl: the answer to a public form: a heading, some paragraphs and a way back. }}
<article class="post">
<h1>{{HEADING}}</h1>
{{#PARA}}<p>{{TEXT}}</p>
{{/PARA}}{{#BACK}}<p class="back"><a href="{{HREF}}">{{LABEL}}</a></p>
{{/BACK}}</article>
