{{%AUTOESCAPE context="HTML"}}
{{! members.tpl: the current member organisations, regions and municipalities apart, in Swedish order. }}
<h1>Medlemmar</h1>
<p class="lead">Nätverket har {{TOTAL}} medlemmar: {{REGIONS}} regioner och {{KOMMUNER}} kommuner. <a href="/bli-medlem">Så blir ni medlem</a>.</p>
<section aria-labelledby="regioner-rubrik">
<h2 id="regioner-rubrik">Regioner ({{REGIONS}})</h2>
<ul class="member-list">
{{#REGION}}<li>{{#WEBSITE}}<a href="{{HREF}}">{{/WEBSITE}}{{NAME}}{{#WEBSITE}}</a>{{/WEBSITE}} <span class="meta">{{COUNTY}} · medlem sedan {{JOINED}}</span></li>
{{/REGION}}</ul>
</section>
<section aria-labelledby="kommuner-rubrik">
<h2 id="kommuner-rubrik">Kommuner ({{KOMMUNER}})</h2>
<ul class="member-list">
{{#KOMMUN}}<li>{{#WEBSITE}}<a href="{{HREF}}">{{/WEBSITE}}{{NAME}}{{#WEBSITE}}</a>{{/WEBSITE}} <span class="meta">{{COUNTY}} · medlem sedan {{JOINED}}</span></li>
{{/KOMMUN}}</ul>
</section>
