{{%AUTOESCAPE context="HTML"}}
{{! admin_event_form.tpl: an event: new or edit; every field comes back as typed. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/evenemang">← Alla evenemang</a></p>
<h1>{{HEADING}}</h1>
{{#SAVED}}<p class="notice" role="status">{{TEXT}}</p>
{{/SAVED}}{{#FORM_ERRORS}}<p class="error-summary" role="alert">Formuläret har {{COUNT}} fel. Rätta de markerade fälten och spara igen.</p>
{{/FORM_ERRORS}}{{#CONFLICT}}<p class="error-summary" role="alert">{{MESSAGE}}</p>
{{/CONFLICT}}{{#STATE}}<p class="meta">Status: <strong>{{LABEL}}</strong>{{#PUBLIC}} · <a href="{{HREF}}">Visa på webbplatsen</a>{{/PUBLIC}}</p>
{{/STATE}}{{#CANCELLED_SIGNUPS}}<p class="notice" role="status"><strong>Evenemanget är inställt.</strong> Anmälda på webbplatsen (med väntelistan): {{COUNT}}. <a href="{{HREF}}">Skicka ett meddelande till alla anmälda</a>.</p>
{{/CANCELLED_SIGNUPS}}{{#SIGNUPS}}<p class="meta"><a href="{{HREF}}">Anmälan på webbplatsen och anmälningar →</a></p>
{{/SIGNUPS}}<form class="admin-form" method="post" action="{{ACTION}}"{{#AUTOSAVE}} data-autosave-type="{{TYPE}}" data-autosave-id="{{ID}}"{{/AUTOSAVE}}>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#VERSION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VERSION_ERROR}}
<div class="form-field"><label for="title">Rubrik</label>
{{#TITLE_ERROR}}<p class="field-error" id="title-fel">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<input id="title" name="title" type="text" value="{{TITLE}}" required maxlength="200"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-fel"{{/TITLE_ERROR}}></div>
<div class="form-field"><label for="kind">Typ</label>
{{#KIND_ERROR}}<p class="field-error" id="kind-fel">{{MESSAGE}}</p>{{/KIND_ERROR}}
<select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="kind-fel"{{/KIND_ERROR}}>
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select></div>
<div class="form-field"><label for="status">Status <span class="hint-inline">(ett inställt evenemang syns kvar, märkt Inställt)</span></label>
{{#STATUS_ERROR}}<p class="field-error" id="status-fel">{{MESSAGE}}</p>{{/STATUS_ERROR}}
<select id="status" name="status"{{#STATUS_ERROR}} aria-invalid="true" aria-describedby="status-fel"{{/STATUS_ERROR}}>
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</select></div>
<div class="form-field"><fieldset class="form-group"><legend>Tid</legend>
<div class="form-field"><label><input type="checkbox" name="all_day" value="1"{{#ALL_DAY_CHECKED}} checked{{/ALL_DAY_CHECKED}}> Heldag <span class="hint-inline">(då behövs inga klockslag; flera dagar: ange slutdatum)</span></label></div>
<div class="date-time">
<div class="form-field"><label for="start_date">Startdatum</label>
{{#START_DATE_ERROR}}<p class="field-error" id="start_date-fel">{{MESSAGE}}</p>{{/START_DATE_ERROR}}
<input id="start_date" name="start_date" type="date" value="{{START_DATE}}" required{{#START_DATE_ERROR}} aria-invalid="true" aria-describedby="start_date-fel"{{/START_DATE_ERROR}}></div>
<div class="form-field"><label for="start_time">Starttid <span class="hint-inline">(inte vid heldag)</span></label>
{{#START_TIME_ERROR}}<p class="field-error" id="start_time-fel">{{MESSAGE}}</p>{{/START_TIME_ERROR}}
<input id="start_time" name="start_time" type="time" value="{{START_TIME}}"{{#START_TIME_ERROR}} aria-invalid="true" aria-describedby="start_time-fel"{{/START_TIME_ERROR}}></div>
</div>
<div class="date-time">
<div class="form-field"><label for="end_date">Slutdatum <span class="hint-inline">(tomt: samma dag)</span></label>
{{#END_DATE_ERROR}}<p class="field-error" id="end_date-fel">{{MESSAGE}}</p>{{/END_DATE_ERROR}}
<input id="end_date" name="end_date" type="date" value="{{END_DATE}}"{{#END_DATE_ERROR}} aria-invalid="true" aria-describedby="end_date-fel"{{/END_DATE_ERROR}}></div>
<div class="form-field"><label for="end_time">Sluttid <span class="hint-inline">(inte vid heldag)</span></label>
{{#END_TIME_ERROR}}<p class="field-error" id="end_time-fel">{{MESSAGE}}</p>{{/END_TIME_ERROR}}
<input id="end_time" name="end_time" type="time" value="{{END_TIME}}"{{#END_TIME_ERROR}} aria-invalid="true" aria-describedby="end_time-fel"{{/END_TIME_ERROR}}></div>
</div>
</fieldset></div>
<div class="form-field"><fieldset class="form-group"><legend>Plats</legend>
<div class="form-field"><label><input type="checkbox" name="online" value="1"{{#ONLINE_CHECKED}} checked{{/ONLINE_CHECKED}}> Digitalt <span class="hint-inline">(då behövs ingen lokal eller ort)</span></label></div>
<div class="form-field"><label for="venue">Lokal</label>
{{#VENUE_ERROR}}<p class="field-error" id="venue-fel">{{MESSAGE}}</p>{{/VENUE_ERROR}}
<input id="venue" name="venue" type="text" value="{{VENUE}}" maxlength="200" placeholder="Stadshuset"{{#VENUE_ERROR}} aria-invalid="true" aria-describedby="venue-fel"{{/VENUE_ERROR}}></div>
<div class="form-field"><label for="town">Ort</label>
{{#TOWN_ERROR}}<p class="field-error" id="town-fel">{{MESSAGE}}</p>{{/TOWN_ERROR}}
<input id="town" name="town" type="text" value="{{TOWN}}" maxlength="100" placeholder="Malmö"{{#TOWN_ERROR}} aria-invalid="true" aria-describedby="town-fel"{{/TOWN_ERROR}}></div>
<div class="form-field"><label for="join_url">Länk för att delta digitalt</label>
{{#JOIN_URL_ERROR}}<p class="field-error" id="join_url-fel">{{MESSAGE}}</p>{{/JOIN_URL_ERROR}}
<input id="join_url" name="join_url" type="url" value="{{JOIN_URL}}" maxlength="2000" placeholder="https://"{{#JOIN_URL_ERROR}} aria-invalid="true" aria-describedby="join_url-fel"{{/JOIN_URL_ERROR}}></div>
</fieldset></div>
<div class="form-field"><label for="description">Beskrivning</label>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="description-fel">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<textarea id="description" name="description" rows="14" data-md{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="description-fel"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION:p}}</textarea></div>
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
</table>
<p>En tom rad mellan stycken. HTML-kod visas inte.</p>
</details>
<div class="form-field"><fieldset class="form-group"><legend>Anmälan</legend>
<div class="form-field"><label for="registration_url">Anmälningslänk <span class="hint-inline">(anmälan någon annanstans; för anmälan här på webbplatsen, se Anmälan på webbplatsen ovan)</span></label>
{{#REG_URL_ERROR}}<p class="field-error" id="registration_url-fel">{{MESSAGE}}</p>{{/REG_URL_ERROR}}
<input id="registration_url" name="registration_url" type="url" value="{{REG_URL}}" maxlength="2000" placeholder="https://"{{#REG_URL_ERROR}} aria-invalid="true" aria-describedby="registration_url-fel"{{/REG_URL_ERROR}}></div>
<div class="form-field"><label for="registration_until">Sista anmälningsdag <span class="hint-inline">(valfri)</span></label>
{{#REG_UNTIL_ERROR}}<p class="field-error" id="registration_until-fel">{{MESSAGE}}</p>{{/REG_UNTIL_ERROR}}
<input id="registration_until" name="registration_until" type="date" value="{{REG_UNTIL}}"{{#REG_UNTIL_ERROR}} aria-invalid="true" aria-describedby="registration_until-fel"{{/REG_UNTIL_ERROR}}></div>
</fieldset></div>
<div class="form-field"><fieldset class="form-group"><legend>Program</legend>
<div class="form-field"><label for="programme">PDF ur mediebiblioteket <span class="hint-inline">(<a href="/admin/media">ladda upp</a> först)</span></label>
{{#PROGRAMME_ERROR}}<p class="field-error" id="programme-fel">{{MESSAGE}}</p>{{/PROGRAMME_ERROR}}
<select id="programme" name="programme"{{#PROGRAMME_ERROR}} aria-invalid="true" aria-describedby="programme-fel"{{/PROGRAMME_ERROR}}>
<option value="0">Ingen PDF</option>
{{#PROGRAMME_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PROGRAMME_OPTION}}</select></div>
<div class="form-field"><label for="programme_url">eller en länk till programmet <span class="hint-inline">(används när ingen PDF är vald)</span></label>
{{#PROGRAMME_URL_ERROR}}<p class="field-error" id="programme_url-fel">{{MESSAGE}}</p>{{/PROGRAMME_URL_ERROR}}
<input id="programme_url" name="programme_url" type="url" value="{{PROGRAMME_URL}}" maxlength="2000" placeholder="https://"{{#PROGRAMME_URL_ERROR}} aria-invalid="true" aria-describedby="programme_url-fel"{{/PROGRAMME_URL_ERROR}}></div>
</fieldset></div>
<p class="form-buttons"><button class="btn" type="submit">Spara</button></p>
</form>
{{#REVISIONS}}<p class="admin-revisions"><a href="{{HREF}}">Tidigare versioner</a></p>
{{/REVISIONS}}{{#DELETE}}<p class="admin-delete"><a href="{{HREF}}">Radera evenemanget…</a></p>
{{/DELETE}}<script src="/static/desk.js" defer></script>
</div>
