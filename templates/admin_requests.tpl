{{%AUTOESCAPE context="HTML"}}
{{! admin_requests.tpl: the membership-interest requests sent from /bli-medlem, newest first. }}
<div class="admin-page">
<h1>Intresseanmälningar</h1>
{{#EMPTY}}<p>Inga intresseanmälningar ännu.</p>
{{/EMPTY}}{{#HAS_ANY}}<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">Organisation</th><th scope="col">Typ</th><th scope="col">Kontaktperson</th><th scope="col">Inkom</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="{{HREF}}">{{ORG}}</a></td><td>{{KIND}}</td><td>{{CONTACT}}</td><td>{{AT}}</td><td>{{STATUS}}</td></tr>
{{/ROW}}</tbody>
</table></div>
{{/HAS_ANY}}</div>
