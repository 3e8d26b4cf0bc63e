{{%AUTOESCAPE context="HTML"}}
{{! admin_request.tpl: one membership-interest request: what was sent, status and note, and making the member organisation from it. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/intresse">← Alla intresseanmälningar</a></p>
<h1>{{ORG}}</h1>
{{>FORM_STATUS}}
<dl class="event-facts">
<dt>Typ</dt><dd>{{KIND}}</dd>
<dt>Kontaktperson</dt><dd>{{CONTACT}}, {{ROLE}}</dd>
<dt>E-post</dt><dd><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>
<dt>Telefon</dt><dd>{{PHONE}}</dd>
<dt>Inkom</dt><dd>{{AT}}</dd>
</dl>
<h2>Meddelande</h2>
<p class="pre-wrap">{{MESSAGE_TEXT}}</p>
<h2>Hantering</h2>
{{#FORM_ERRORS}}<p class="error-summary" role="alert">Formuläret har {{COUNT}} fel. Rätta de markerade fälten och spara igen.</p>
{{/FORM_ERRORS}}{{#CONFLICT}}<p class="error-summary" role="alert">{{MESSAGE}}</p>
{{/CONFLICT}}<form class="admin-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="form-field"><label for="status">Status</label>
{{#STATUS_ERROR}}<p class="field-error" id="status-fel">{{MESSAGE}}</p>{{/STATUS_ERROR}}
<select id="status" name="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="status-fel"{{/STATUS_ERROR}}>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select></div>
<div class="form-field"><label for="note">Anteckning</label>
{{#NOTE_ERROR}}<p class="field-error" id="note-fel">{{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea id="note" name="note" rows="4" maxlength="4000"{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="note-fel"{{/NOTE_ERROR}}>{{NOTE}}</textarea></div>
<p class="form-buttons"><button class="btn" type="submit">Spara</button></p>
</form>
{{#MEMBER}}<p>Medlemmen är skapad: <a href="{{HREF}}">{{NAME}}</a>.</p>
{{/MEMBER}}{{#CREATE}}<h2>Skapa medlemmen</h2>
<p>Lägger till organisationen bland medlemmarna och sätter status till Blivit medlem.</p>
{{#CREATE_ERRORS}}<p class="error-summary" role="alert">Medlemmen har {{COUNT}} fel. Rätta de markerade fälten och försök igen.</p>
{{/CREATE_ERRORS}}<form class="admin-form" method="post" action="{{CREATE_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field"><label for="m-name">Namn</label>
{{#M_NAME_ERROR}}<p class="field-error" id="m-name-fel">{{MESSAGE}}</p>{{/M_NAME_ERROR}}
<input id="m-name" name="name" type="text" required maxlength="200" value="{{M_NAME}}"{{#M_NAME_ERROR}} aria-invalid="true" aria-describedby="m-name-fel"{{/M_NAME_ERROR}}></div>
<div class="form-field"><label for="m-kind">Typ</label>
<select id="m-kind" name="kind">
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select></div>
<div class="form-field"><label for="m-county">Län</label>
{{#M_COUNTY_ERROR}}<p class="field-error" id="m-county-fel">{{MESSAGE}}</p>{{/M_COUNTY_ERROR}}
<input id="m-county" name="county" type="text" required maxlength="100" value="{{M_COUNTY}}"{{#M_COUNTY_ERROR}} aria-invalid="true" aria-describedby="m-county-fel"{{/M_COUNTY_ERROR}}></div>
<div class="form-field"><label for="m-year">Med i nätverket sedan (år)</label>
{{#M_YEAR_ERROR}}<p class="field-error" id="m-year-fel">{{MESSAGE}}</p>{{/M_YEAR_ERROR}}
<input id="m-year" name="joined_year" type="text" inputmode="numeric" required maxlength="4" value="{{M_YEAR}}"{{#M_YEAR_ERROR}} aria-invalid="true" aria-describedby="m-year-fel"{{/M_YEAR_ERROR}}></div>
<p class="form-buttons"><button class="btn" type="submit">Skapa medlemmen</button></p>
</form>
{{/CREATE}}</div>
