{{%AUTOESCAPE context="HTML"}}
{{! admin_post_form.tpl: writing a news post: new, edit, preview; every field comes back as typed. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/nyheter">← Alla nyheter</a></p>
<h1>{{HEADING}}</h1>
{{#SAVED}}<p class="notice" role="status">{{TEXT}}</p>
{{/SAVED}}{{#FORM_ERRORS}}<p class="error-summary" role="alert">Formuläret har {{COUNT}} fel. Rätta de markerade fälten och spara igen.</p>
{{/FORM_ERRORS}}{{#CONFLICT}}<p class="error-summary" role="alert">{{MESSAGE}}</p>
{{/CONFLICT}}{{#STATE}}<p class="meta">Status: <strong>{{LABEL}}</strong>{{#PUBLIC}} · <a href="{{HREF}}">Visa på webbplatsen</a>{{/PUBLIC}}</p>
{{/STATE}}{{#PREVIEW}}<section class="preview" aria-label="Förhandsgranskning">
<p class="preview-label">Förhandsgranskning – så här ser inlägget ut för besökarna. Det är inte sparat.</p>
<article class="post">
<header class="post-header">
<h1>{{P_TITLE}}</h1>
<p class="meta">{{P_DATE}}{{#P_AUTHOR}} · {{NAME}}{{/P_AUTHOR}}{{#P_CATEGORY}} · {{NAME}}{{/P_CATEGORY}}</p>
</header>
{{#P_FEATURED}}<figure class="featured-image"><img src="{{SRC}}" alt="{{ALT}}"></figure>
{{/P_FEATURED}}<div class="post-body">
{{SAFE_P_BODY_HTML:none}}
</div>
</article>
</section>
{{/PREVIEW}}<form class="admin-form" method="post" action="{{FORM_URL}}"{{#AUTOSAVE}} data-autosave-type="{{TYPE}}" data-autosave-id="{{ID}}"{{/AUTOSAVE}}>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="form-field"><label for="title">Rubrik</label>
{{#TITLE_ERROR}}<p class="field-error" id="title-fel">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<input id="title" name="title" type="text" value="{{TITLE}}" required maxlength="200"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-fel"{{/TITLE_ERROR}}></div>
<div class="form-field"><label for="author">Författare</label>
{{#AUTHOR_ERROR}}<p class="field-error" id="author-fel">{{MESSAGE}}</p>{{/AUTHOR_ERROR}}
<input id="author" name="author" type="text" value="{{AUTHOR}}" maxlength="100"{{#AUTHOR_ERROR}} aria-invalid="true" aria-describedby="author-fel"{{/AUTHOR_ERROR}}></div>
<div class="form-field"><label for="category">Kategori</label>
{{#CATEGORY_ERROR}}<p class="field-error" id="category-fel">{{MESSAGE}}</p>{{/CATEGORY_ERROR}}
<select id="category" name="category">
<option value="0">Ingen kategori</option>
{{#OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</select></div>
<div class="form-field"><label for="featured">Bild överst <span class="hint-inline">(valfri; ladda upp bilder under Media)</span></label>
{{#FEATURED_ERROR}}<p class="field-error" id="featured-fel">{{MESSAGE}}</p>{{/FEATURED_ERROR}}
<select id="featured" name="featured"{{#FEATURED_ERROR}} aria-invalid="true" aria-describedby="featured-fel"{{/FEATURED_ERROR}}>
<option value="0">Ingen bild</option>
{{#FEATURED_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/FEATURED_OPTION}}</select></div>
<div class="form-field"><label for="excerpt">Ingress <span class="hint-inline">(valfri; lämna tom för att använda första stycket)</span></label>
{{#EXCERPT_ERROR}}<p class="field-error" id="excerpt-fel">{{MESSAGE}}</p>{{/EXCERPT_ERROR}}
<input id="excerpt" name="excerpt" type="text" value="{{EXCERPT}}" maxlength="300"{{#EXCERPT_ERROR}} aria-invalid="true" aria-describedby="excerpt-fel"{{/EXCERPT_ERROR}}></div>
<div class="form-field"><label for="body">Text</label>
{{#BODY_ERROR}}<p class="field-error" id="body-fel">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="body" name="body" rows="18" data-md{{#BODY_ERROR}} aria-invalid="true" aria-describedby="body-fel"{{/BODY_ERROR}}>{{BODY:p}}</textarea></div>
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
<tr><td><code>&gt; citat</code></td><td>ett citat</td></tr>
<tr><td><code>![alt-text](/uploads/bild.jpg)</code></td><td>en bild</td></tr>
</table>
<p>En tom rad mellan stycken. HTML-kod visas inte.</p>
</details>
<fieldset class="form-group"><legend>Publicering <span class="hint-inline">(svensk tid; en dag framåt schemalägger, en dag bakåt ger ett tidigare datum)</span></legend>
<div class="date-time">
<div class="form-field"><label for="publish_date">Dag</label>
{{#PUBLISH_DATE_ERROR}}<p class="field-error" id="publish_date-fel">{{MESSAGE}}</p>{{/PUBLISH_DATE_ERROR}}
<input id="publish_date" name="publish_date" type="date" value="{{PUBLISH_DATE}}"{{#PUBLISH_DATE_ERROR}} aria-invalid="true" aria-describedby="publish_date-fel"{{/PUBLISH_DATE_ERROR}}></div>
<div class="form-field"><label for="publish_time">Klockslag</label>
{{#PUBLISH_TIME_ERROR}}<p class="field-error" id="publish_time-fel">{{MESSAGE}}</p>{{/PUBLISH_TIME_ERROR}}
<input id="publish_time" name="publish_time" type="time" value="{{PUBLISH_TIME}}"{{#PUBLISH_TIME_ERROR}} aria-invalid="true" aria-describedby="publish_time-fel"{{/PUBLISH_TIME_ERROR}}></div>
</div>
</fieldset>
{{#BUTTON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BUTTON_ERROR}}
{{#DRAFT_BUTTONS}}<p class="form-buttons">
<button class="btn-secondary" type="submit" name="action" value="draft">Spara som utkast</button>
<button class="btn" type="submit" name="action" value="publish">Publicera nu</button>
<button class="btn-secondary" type="submit" name="action" value="schedule">Publicera med angiven tid</button>
<button class="btn-secondary" type="submit" name="action" value="preview">Förhandsgranska</button>
</p>
{{/DRAFT_BUTTONS}}{{#PUBLIC_BUTTONS}}<p class="form-buttons">
<button class="btn" type="submit" name="action" value="update">Uppdatera</button>
<button class="btn-secondary" type="submit" name="action" value="preview">Förhandsgranska</button>
</p>
<p class="form-buttons unpublish">
<button class="btn-secondary" type="submit" name="action" value="unpublish">Avpublicera – gör till utkast</button>
<span class="hint-inline">Nyheten tas bort från webbplatsen men finns kvar här.</span>
</p>
{{/PUBLIC_BUTTONS}}
</form>
{{#REVISIONS}}<p class="admin-revisions"><a href="{{HREF}}">Tidigare versioner</a></p>
{{/REVISIONS}}{{#DELETE}}<p class="admin-delete"><a href="{{HREF}}">Radera inlägget…</a></p>
{{/DELETE}}<script src="/static/desk.js" defer></script>
</div>
