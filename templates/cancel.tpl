{{%AUTOESCAPE context="HTML"}}
{{! cancel.tpl: the page of a personal cancel link: what is cancelled and the button that does it (a POST). }}
<article class="post">
<h1>Avanmälan</h1>
{{#NOTICE}}<div class="error-summary" role="alert"><p>{{TEXT}}</p></div>
{{/NOTICE}}<p>Vill du avanmäla <strong>{{NAME}}</strong> från <a href="{{EVENT_HREF}}">{{EVENT_TITLE}}</a> ({{DATE_SV}})?</p>
{{#WAITING}}<p>Du står på väntelistan.</p>
{{/WAITING}}<form class="public-form" method="post" action="{{ACTION}}">
<p class="form-buttons"><button class="btn" type="submit">Ja, avanmäl mig</button></p>
</form>
<p class="back"><a href="{{EVENT_HREF}}">Nej, tillbaka till evenemanget</a></p>
</article>
