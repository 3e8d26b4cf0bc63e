{{%AUTOESCAPE context="HTML"}}
{{! admin_media.tpl: the media library: upload an image or a PDF, list the files with where they are used and the Markdown to paste. }}
<div class="admin-page">
<h1>Media</h1>
{{#UPLOADED}}<div class="notice" role="status"><p>Filen {{NAME}} är uppladdad. Klistra in den här raden i en text för att visa den:</p>
<p><code class="markdown">{{MARKDOWN}}</code></p></div>
{{/UPLOADED}}{{>FORM_STATUS}}
<form class="admin-form" method="post" action="/admin/media/upload" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>Ladda upp en fil</h2>
<p class="hint">Bilder (JPEG, PNG, WebP, GIF) och PDF-filer, högst 20 MB.</p>
<div class="form-field"><label for="file">Fil</label>
{{#FILE_ERROR}}<p class="field-error" id="file-fel">{{MESSAGE}}</p>{{/FILE_ERROR}}
<input id="file" name="file" type="file" required accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"{{#FILE_ERROR}} aria-invalid="true" aria-describedby="file-fel"{{/FILE_ERROR}}></div>
<div class="form-field"><label for="alt">Alternativtext <span class="hint-inline">(krävs för bilder: beskriv bilden för den som inte ser den)</span></label>
{{#ALT_ERROR}}<p class="field-error" id="alt-fel">{{MESSAGE}}</p>{{/ALT_ERROR}}
<input id="alt" name="alt" type="text" value="{{ALT}}" maxlength="{{ALT_MAX}}"{{#ALT_ERROR}} aria-invalid="true" aria-describedby="alt-fel"{{/ALT_ERROR}}></div>
<div class="form-field"><label for="title">Länktext <span class="hint-inline">(för PDF-filer; valfri)</span></label>
{{#TITLE_ERROR}}<p class="field-error" id="title-fel">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<input id="title" name="title" type="text" value="{{TITLE}}" maxlength="{{TITLE_MAX}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-fel"{{/TITLE_ERROR}}></div>
<p class="form-buttons"><button type="submit">Ladda upp</button></p>
</form>
<h2>Filer</h2>
{{#EMPTY}}<p>Det finns inga filer ännu.</p>
{{/EMPTY}}<ul class="media-list">
{{#FILE}}<li class="media-item{{#IS_NEW}} media-new{{/IS_NEW}}" id="fil-{{ID}}">
{{#IMAGE}}<img class="media-thumb" src="{{SRC}}" alt="{{ALT}}" width="120" loading="lazy">
{{/IMAGE}}{{#DOCUMENT}}<span class="media-doc" aria-hidden="true">PDF</span>
{{/DOCUMENT}}<div class="media-info">
<p><a href="{{SRC}}">{{NAME}}</a> · {{TYPE}} · {{SIZE}} · {{DATE}}</p>
{{#IMAGE}}<p>Alternativtext: {{ALT}}</p>
{{/IMAGE}}<p><label>Markdown <input class="markdown" type="text" readonly value="{{MARKDOWN}}"></label></p>
<p>Används i: {{#USE}}<a href="{{HREF}}">{{KIND}}: {{TITLE}}</a>{{#USE_separator}}, {{/USE_separator}}{{/USE}}{{#UNUSED}}ingenting{{/UNUSED}}</p>
<p><a href="/admin/media/radera/{{ID}}">Radera…</a></p>
</div>
</li>
{{/FILE}}</ul>
</div>
