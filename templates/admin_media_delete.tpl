{{%AUTOESCAPE context="HTML"}}
{{! admin_media_delete.tpl: the confirmation before a file of the media library is deleted; a file in use cannot be. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/media">← Alla filer</a></p>
<h1>Radera fil</h1>
<p><strong>{{NAME}}</strong> · {{TYPE}} · {{SIZE}} · {{DATE}}</p>
{{#IMAGE}}<p><img class="media-thumb" src="{{SRC}}" alt="{{ALT}}" width="240"></p>
{{/IMAGE}}{{#IN_USE}}<p class="error-summary" role="alert">Filen används och kan inte raderas. Ta först bort den här:</p>
<ul>{{#USE}}<li><a href="{{HREF}}">{{KIND}}: {{TITLE}}</a></li>{{/USE}}</ul>
{{/IN_USE}}{{#CAN_DELETE}}<p>Vill du radera filen? Den går inte att få tillbaka.</p>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="form-buttons"><button type="submit" class="danger">Ja, radera</button>
<a href="/admin/media">Nej, tillbaka</a></p>
</form>
{{/CAN_DELETE}}</div>
