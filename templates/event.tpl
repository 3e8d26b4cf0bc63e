{{%AUTOESCAPE context="HTML"}}
{{! event.tpl: one event; the description is HTML rendered by cmark in safe mode at save time. }}
<article class="event">
<header class="post-header">
<h1>{{TITLE}}</h1>
{{#CANCELLED}}<p class="event-cancelled"><strong>Inställt.</strong> Evenemanget blir inte av.</p>
{{/CANCELLED}}{{#PAST}}<p class="notice">Evenemanget har redan ägt rum.</p>
{{/PAST}}</header>
<dl class="event-facts">
<dt>När</dt>
<dd><time datetime="{{DATE_ISO}}">{{DATE_SV}}</time></dd>
<dt>Var</dt>
<dd>{{PLACE}}{{#ONLINE}}{{#JOIN}} – <a href="{{HREF}}">anslut till mötet</a>{{/JOIN}}{{/ONLINE}}</dd>
<dt>Typ</dt>
<dd>{{KIND}}</dd>
{{#REGISTRATION}}<dt>Anmälan</dt>
<dd><a href="{{HREF}}">Anmäl dig här</a>{{#UNTIL}}, senast {{DATE_SV}}{{/UNTIL}}</dd>
{{/REGISTRATION}}{{#PROGRAMME}}<dt>Program</dt>
<dd><a href="{{HREF}}">Läs programmet</a></dd>
{{/PROGRAMME}}</dl>
<div class="post-body">
{{SAFE_DESCRIPTION_HTML:none}}
</div>
{{>SIGNUP}}
<p class="calendar-link"><a href="{{ICS_HREF}}">Lägg till i kalendern</a></p>
</article>
<p class="back"><a href="/evenemang">← Alla evenemang</a></p>
