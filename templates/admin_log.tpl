{{%AUTOESCAPE context="HTML"}}
{{! admin_log.tpl: the audit log, newest first, for admins. }}
<div class="admin-page">
<h1>Logg</h1>
<p>Alla ändringar, nyast först.</p>
{{#EMPTY}}<p>Loggen är tom.</p>{{/EMPTY}}{{#HAS_ROWS}}<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">När</th><th scope="col">Vem</th><th scope="col">Vad</th><th scope="col">Id</th><th scope="col">Beskrivning</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><td>{{WHAT}}</td><td>{{ITEM_ID}}</td><td>{{SUMMARY}}</td></tr>
{{/ROW}}</tbody></table></div>
{{/HAS_ROWS}}{{#PAGER}}<nav class="pager" aria-label="Sidor">
{{#NEWER}}<a href="{{HREF}}">← Nyare</a>{{/NEWER}}
<span>Sida {{PAGE}} av {{PAGES}}</span>
{{#OLDER}}<a href="{{HREF}}">Äldre →</a>{{/OLDER}}
</nav>
{{/PAGER}}</div>
