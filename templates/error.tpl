{{%AUTOESCAPE context="HTML"}}
{{! error.tpl: the one error page hcweb answers with; STATUS is the HTTP status number. }}
<div class="error-page">
<p class="error-status">Fel {{STATUS}}</p>
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">Till startsidan</a></p>
</div>
