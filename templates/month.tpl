{{%AUTOESCAPE context="HTML"}}
{{! month.tpl: one month of events as a table, Monday first, with ISO week numbers; a list of days on a narrow screen. }}
<h1>Evenemang i {{MONTH_LABEL}}</h1>
<p class="lead"><a href="/evenemang">Kommande evenemang som lista</a> · <a href="/evenemang/tidigare">Tidigare evenemang</a></p>
<nav class="month-nav" aria-label="Andra månader">
{{#PREV}}<a href="{{HREF}}" rel="prev">← {{LABEL}}</a>
{{/PREV}}{{#NEXT}}<a href="{{HREF}}" rel="next">{{LABEL}} →</a>
{{/NEXT}}</nav>
{{#NONE}}<p class="notice">Inga evenemang i {{MONTH_LABEL}}.</p>
{{/NONE}}<table class="month">
<caption>Evenemang i {{MONTH_LABEL}}, en rad per vecka</caption>
<thead>
<tr><th scope="col">Vecka</th><th scope="col"><abbr title="måndag">mån</abbr></th><th scope="col"><abbr title="tisdag">tis</abbr></th><th scope="col"><abbr title="onsdag">ons</abbr></th><th scope="col"><abbr title="torsdag">tor</abbr></th><th scope="col"><abbr title="fredag">fre</abbr></th><th scope="col"><abbr title="lördag">lör</abbr></th><th scope="col"><abbr title="söndag">sön</abbr></th></tr>
</thead>
<tbody>
{{#WEEK}}<tr>
<th scope="row" class="week">{{NUMBER}}</th>
{{#DAY}}<td class="{{CLASS}}">{{#DATE}}<time class="day" datetime="{{ISO}}">{{NUM}}<span class="day-long"> {{LONG}}</span></time>
{{#EVENTS}}<ul>
{{#EVENT}}<li><a href="{{HREF}}">{{TITLE}}</a>{{#TIME}} <span class="meta">{{T}}</span>{{/TIME}}{{#CANCELLED}} <span class="tag cancelled">Inställt</span>{{/CANCELLED}}</li>
{{/EVENT}}</ul>
{{/EVENTS}}{{/DATE}}</td>
{{/DAY}}</tr>
{{/WEEK}}</tbody>
</table>
