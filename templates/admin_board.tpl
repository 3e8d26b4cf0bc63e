{{%AUTOESCAPE context="HTML"}}
{{! admin_board.tpl: the admin list of board seats, latest term first. }}
<div class="admin-page">
<h1>Styrelsen</h1>
{{>FORM_STATUS}}
<p><a class="btn" href="/admin/styrelse/ny">Lägg till en styrelseplats</a></p>
{{#EMPTY}}<p>Inga styrelseplatser ännu.</p>
{{/EMPTY}}{{#HAS_SEATS}}<div class="table-wrap" tabindex="0" role="region" aria-label="Styrelseplatser"><table class="list">
<thead><tr><th scope="col">Namn</th><th scope="col">Roll</th><th scope="col">Parti</th><th scope="col">Organisation</th><th scope="col">Mandatperiod</th></tr></thead>
<tbody>
{{#SEAT}}<tr><td><a href="{{HREF}}">{{NAME}}</a></td><td>{{ROLE}}</td><td>{{PARTY}}</td><td>{{MEMBER}}</td><td>{{TERM}}</td></tr>
{{/SEAT}}</tbody>
</table></div>
{{/HAS_SEATS}}</div>
