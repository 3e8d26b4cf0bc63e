{{%AUTOESCAPE context="HTML"}}
{{! admin_home.tpl: the dashboard: drafts, scheduled posts, coming events, latest changes. }}
<div class="admin-page">
<h1>Översikt</h1>
<p>Inloggad som {{USER_NAME}}. <a class="btn" href="/admin/nyheter/ny">Skriv en ny nyhet</a>
<a class="btn-secondary" href="/admin/evenemang/ny">Nytt evenemang</a></p>
<p>Redigera också: <a href="/admin/evenemang">evenemang</a> · <a href="/admin/medlemmar">medlemmar</a> ·
<a href="/admin/styrelse">styrelsen</a> · <a href="/admin/sidor">sidorna Om nätverket och Bli medlem</a></p>
<div class="admin-grid">
<section><h2>Utkast</h2>
{{#NO_DRAFTS}}<p>Inga utkast.</p>{{/NO_DRAFTS}}{{#DRAFTS}}<ul>
{{#DRAFT}}<li><a href="{{HREF}}">{{TITLE}}</a> <span class="meta">ändrad {{WHEN}}</span></li>
{{/DRAFT}}</ul>{{/DRAFTS}}</section>
<section><h2>Schemalagda nyheter</h2>
{{#NO_SCHEDULED}}<p>Inga schemalagda nyheter.</p>{{/NO_SCHEDULED}}{{#SCHEDULED_LIST}}<ul>
{{#SCHEDULED}}<li><a href="{{HREF}}">{{TITLE}}</a> <span class="meta">publiceras {{WHEN}}</span></li>
{{/SCHEDULED}}</ul>{{/SCHEDULED_LIST}}</section>
<section><h2>Kommande evenemang</h2>
{{#NO_EVENTS}}<p>Inga kommande evenemang.</p>{{/NO_EVENTS}}{{#EVENTS}}<ul>
{{#EVENT}}<li><a href="{{HREF}}">{{TITLE}}</a> <span class="meta">{{WHEN}}</span></li>
{{/EVENT}}</ul>{{/EVENTS}}</section>
<section><h2>Senaste ändringar</h2>
{{#NO_CHANGES}}<p>Inga ändringar ännu.</p>{{/NO_CHANGES}}{{#CHANGES}}<ul>
{{#CHANGE}}<li>{{WHEN}}: {{WHO}} – {{WHAT}} {{SUMMARY}}</li>
{{/CHANGE}}</ul>{{/CHANGES}}{{#LOG_LINK}}<p><a href="/admin/logg">Hela loggen</a></p>{{/LOG_LINK}}</section>
</div>
</div>
