{{%AUTOESCAPE context="HTML"}}
{{! admin_events.tpl: the admin list of events, with search by title. }}
<div class="admin-page">
<h1>Evenemang</h1>
{{>FORM_STATUS}}
<p><a class="btn" href="/admin/evenemang/ny">Lägg till ett evenemang</a></p>
<form class="admin-search" method="get" action="/admin/evenemang">
<div><label for="q">Sök på rubrik</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="200"></div>
<div><button class="btn-secondary" type="submit">Visa</button></div>
</form>
{{#EMPTY}}<p>Inga evenemang hittades.</p>
{{/EMPTY}}{{#HAS_EVENTS}}<div class="table-wrap" tabindex="0" role="region" aria-label="Evenemang"><table class="list">
<thead><tr><th scope="col">Rubrik</th><th scope="col">När</th><th scope="col">Typ</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td><a href="{{HREF}}">{{TITLE}}</a></td><td>{{WHEN}}</td><td>{{KIND}}</td><td>{{STATUS}}</td></tr>
{{/EVENT}}</tbody>
</table></div>
{{/HAS_EVENTS}}</div>
