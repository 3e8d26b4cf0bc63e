{{%AUTOESCAPE context="HTML"}}
{{! admin_log.tpl: the audit log, newest first, for admins. }}
<div class="admin-page">
<h1>Logg</h1>
<p>Alla ändringar, nyast först.</p>
{{#EMPTY}}<p>Loggen är tom.</p>{{/EMPTY}}{{#HAS_ROWS}}<div class="table-wrap" tabindex="0" role="region" aria-label="Loggen"><table class="list">
<thead><tr><th scope="col">När</th><th scope="col">Vem</th><th scope="col">Vad</th><th scope="col">Id</th><th scope="col">Beskrivning</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{WHEN}}</td><td>{{WHO}}</td><td>{{WHAT}}</td><td>{{ITEM_ID}}</td><td>{{SUMMARY}}</td></tr>
{{/ROW}}</tbody></table></div>
{{/HAS_ROWS}}{{>PAGER}}</div>
