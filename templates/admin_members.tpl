{{%AUTOESCAPE context="HTML"}}
{{! admin_members.tpl: the admin list of member organisations, current and former. }}
<div class="admin-page">
<h1>Medlemmar</h1>
{{>FORM_STATUS}}
<p><a class="btn" href="/admin/medlemmar/ny">Lägg till en medlem</a></p>
{{#EMPTY}}<p>Inga medlemmar ännu.</p>
{{/EMPTY}}{{#HAS_MEMBERS}}<div class="table-wrap" tabindex="0" role="region" aria-label="Medlemmar"><table class="list">
<thead><tr><th scope="col">Namn</th><th scope="col">Typ</th><th scope="col">Län</th><th scope="col">Med sedan</th><th scope="col">Medlem</th></tr></thead>
<tbody>
{{#MEMBER}}<tr><td><a href="{{HREF}}">{{NAME}}</a></td><td>{{KIND}}</td><td>{{COUNTY}}</td><td>{{JOINED}}</td><td>{{ACTIVE}}</td></tr>
{{/MEMBER}}</tbody>
</table></div>
{{/HAS_MEMBERS}}</div>
