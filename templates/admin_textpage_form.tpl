{{%AUTOESCAPE context="HTML"}}
{{! admin_textpage_form.tpl: a text page (/om, /bli-medlem): title and Markdown text, as typed. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/sidor">← Alla sidor</a></p>
<h1>Redigera sidan {{PUBLIC}}</h1>
{{#SAVED}}<p class="notice" role="status">{{TEXT}}</p>
{{/SAVED}}{{#FORM_ERRORS}}<p class="error-summary" role="alert">Formuläret har {{COUNT}} fel. Rätta de markerade fälten och spara igen.</p>
{{/FORM_ERRORS}}{{#CONFLICT}}<p class="error-summary" role="alert">{{MESSAGE}}</p>
{{/CONFLICT}}<p class="meta"><a href="{{PUBLIC}}">Visa sidan på webbplatsen</a></p>
<form class="admin-form" method="post" action="{{ACTION}}"{{#AUTOSAVE}} data-autosave-type="{{TYPE}}" data-autosave-id="{{ID}}"{{/AUTOSAVE}}>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#VERSION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VERSION_ERROR}}
<div class="form-field"><label for="title">Rubrik</label>
{{#TITLE_ERROR}}<p class="field-error" id="title-fel">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<input id="title" name="title" type="text" value="{{TITLE}}" required maxlength="200"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-fel"{{/TITLE_ERROR}}></div>
<div class="form-field"><label for="body">Text</label>
{{#BODY_ERROR}}<p class="field-error" id="body-fel">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="body" name="body" rows="20" data-md{{#BODY_ERROR}} aria-invalid="true" aria-describedby="body-fel"{{/BODY_ERROR}}>{{BODY:p}}</textarea></div>
<details class="md-help">
<summary>Hjälp med formatering (Markdown)</summary>
<table>
<tr><th scope="col">Skriv</th><th scope="col">Blir</th></tr>
<tr><td><code>**fet**</code></td><td><strong>fet</strong></td></tr>
<tr><td><code>*kursiv*</code></td><td><em>kursiv</em></td></tr>
<tr><td><code>## Mellanrubrik</code></td><td>en mellanrubrik</td></tr>
<tr><td><code>[länktext](https://exempel.se)</code></td><td>en länk</td></tr>
<tr><td><code>- punkt</code></td><td>en punktlista</td></tr>
<tr><td><code>1. punkt</code></td><td>en numrerad lista</td></tr>
<tr><td><code>![alt-text](/uploads/bild.jpg)</code></td><td>en bild</td></tr>
</table>
<p>En tom rad mellan stycken. HTML-kod visas inte.</p>
</details>
<p class="form-buttons"><button class="btn" type="submit">Spara</button></p>
</form>
{{#REVISIONS}}<p class="admin-revisions"><a href="{{HREF}}">Tidigare versioner</a></p>
{{/REVISIONS}}<script src="/static/desk.js" defer></script>
</div>
