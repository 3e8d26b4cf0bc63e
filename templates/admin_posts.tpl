{{%AUTOESCAPE context="HTML"}}
{{! admin_posts.tpl: the admin list of news posts, with search by title and a status filter. }}
<div class="admin-page">
<h1>Nyheter</h1>
{{>FORM_STATUS}}
<p><a class="btn" href="/admin/nyheter/ny">Skriv en ny nyhet</a></p>
<form class="admin-search" method="get" action="/admin/nyheter">
<div><label for="q">Sök på rubrik</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="200"></div>
<div><label for="status">Status</label>
<select id="status" name="status">
<option value="">Alla</option>
{{#FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FILTER}}</select></div>
<div><button class="btn-secondary" type="submit">Visa</button></div>
</form>
{{#EMPTY}}<p>Inga nyheter hittades.</p>
{{/EMPTY}}{{#HAS_POSTS}}<div class="table-wrap" tabindex="0" role="region" aria-label="Nyheter"><table class="list">
<thead><tr><th scope="col">Rubrik</th><th scope="col">Status</th><th scope="col">Publiceras</th><th scope="col" class="col-wide">Ändrad</th></tr></thead>
<tbody>
{{#POST}}<tr><td><a href="{{HREF}}">{{TITLE}}</a></td><td>{{STATE}}</td><td>{{PUBLISHED}}</td><td class="col-wide">{{UPDATED}}</td></tr>
{{/POST}}</tbody>
</table></div>
{{/HAS_POSTS}}{{>PAGER}}</div>
