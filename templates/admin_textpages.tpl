{{%AUTOESCAPE context="HTML"}}
{{! admin_textpages.tpl: the text pages the coordinator can edit. }}
<div class="admin-page">
<h1>Sidor</h1>
<p>Texterna på de här sidorna kan du ändra här. Sidorna kan inte raderas.</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="Sidor"><table class="list">
<thead><tr><th scope="col">Sida</th><th scope="col">Adress</th><th scope="col">Ändrad</th></tr></thead>
<tbody>
{{#PAGE}}<tr><td><a href="{{HREF}}">{{TITLE}}</a></td><td><a href="{{PUBLIC}}">{{PUBLIC}}</a></td><td>{{UPDATED}}</td></tr>
{{/PAGE}}</tbody>
</table></div>
</div>
