{{%AUTOESCAPE context="HTML"}}
{{! admin_registrations.tpl: one event's registration on the site: settings, who has a place, the waiting list, adding by hand, CSV, a message to all. }}
<div class="admin-page">
<p class="admin-back"><a href="{{EDIT_HREF}}">← Evenemanget</a> · <a href="/admin/evenemang">Alla evenemang</a></p>
<h1>Anmälan: {{TITLE}}</h1>
<p>{{DATE_SV}} · <a href="{{PUBLIC_HREF}}">Visa evenemangssidan</a></p>
{{#DONE}}<p class="notice" role="status">{{TEXT}}</p>
{{/DONE}}{{#CANCELLED}}<div class="notice" role="status"><p><strong>Evenemanget är inställt.</strong> Anmälda (med väntelistan): {{COUNT}}. <a href="#meddelande">Skicka ett meddelande till dem alla</a>.</p></div>
{{/CANCELLED}}<h2>Inställningar</h2>
{{#FORM_ERRORS}}<p class="error-summary" role="alert">Formuläret har {{COUNT}} fel. Rätta de markerade fälten och spara igen.</p>
{{/FORM_ERRORS}}{{#CONFLICT}}<p class="error-summary" role="alert">{{MESSAGE}}</p>
{{/CONFLICT}}<form class="admin-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<div class="form-field"><label><input type="checkbox" name="on" value="1"{{#ON_CHECKED}} checked{{/ON_CHECKED}}> Ta emot anmälan på webbplatsen <span class="hint-inline">(annars gäller länken till anmälan i evenemanget, om den finns)</span></label></div>
<div class="form-field"><label for="places">Antal platser <span class="hint-inline">(tomt: obegränsat)</span></label>
{{#PLACES_ERROR}}<p class="field-error" id="places-fel">{{MESSAGE}}</p>{{/PLACES_ERROR}}
<input id="places" name="places" type="text" inputmode="numeric" maxlength="6" value="{{PLACES}}"{{#PLACES_ERROR}} aria-invalid="true" aria-describedby="places-fel"{{/PLACES_ERROR}}></div>
<div class="form-field"><label><input type="checkbox" name="waitlist" value="1"{{#WAITLIST_CHECKED}} checked{{/WAITLIST_CHECKED}}> Väntelista när det är fullt</label></div>
<fieldset class="form-field"><legend>Fråga också efter</legend>
<label><input type="checkbox" name="ask_phone" value="1"{{#ASK_PHONE_CHECKED}} checked{{/ASK_PHONE_CHECKED}}> Telefon</label>
<label><input type="checkbox" name="ask_diet" value="1"{{#ASK_DIET_CHECKED}} checked{{/ASK_DIET_CHECKED}}> Specialkost</label>
<label><input type="checkbox" name="ask_attend" value="1"{{#ASK_ATTEND_CHECKED}} checked{{/ASK_ATTEND_CHECKED}}> På plats eller digitalt (hybridmöten)</label>
<label><input type="checkbox" name="ask_message" value="1"{{#ASK_MESSAGE_CHECKED}} checked{{/ASK_MESSAGE_CHECKED}}> Ett meddelande</label>
</fieldset>
<p class="hint">Sista dag att anmäla sig anges i evenemanget. Anmälningarna raderas automatiskt {{DAYS}} dagar efter evenemanget.</p>
<p class="form-buttons"><button class="btn" type="submit">Spara inställningarna</button></p>
</form>
<h2>Anmälda ({{REGISTERED}}{{#OF}} av {{PLACES_TOTAL}}{{/OF}})</h2>
{{#HAS_ANY}}<p><a href="{{CSV_HREF}}">Ladda ned alla som CSV (Excel)</a></p>
{{/HAS_ANY}}{{#NO_REGISTERED}}<p>Ingen är anmäld ännu.</p>
{{/NO_REGISTERED}}{{#HAS_REGISTERED}}<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">Namn</th><th scope="col">Organisation</th><th scope="col">E-post</th><th scope="col">Svar</th><th scope="col">Anmäld</th><th scope="col"><span class="visually-hidden">Ta bort</span></th></tr></thead>
<tbody>
{{#REGISTERED_ROW}}<tr><td>{{NAME}}</td><td>{{ORG}}</td><td>{{EMAIL}}</td><td>{{ANSWERS}}</td><td>{{AT}}</td><td><a href="{{REMOVE_HREF}}">Ta bort<span class="visually-hidden"> {{NAME}}</span></a></td></tr>
{{/REGISTERED_ROW}}</tbody>
</table></div>
{{/HAS_REGISTERED}}<h2>Väntelista ({{WAITING}})</h2>
{{#NO_WAITING}}<p>Ingen står på väntelistan.</p>
{{/NO_WAITING}}{{#HAS_WAITING}}<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">Plats i kön</th><th scope="col">Namn</th><th scope="col">Organisation</th><th scope="col">E-post</th><th scope="col">Svar</th><th scope="col">Anmäld</th><th scope="col"><span class="visually-hidden">Ta bort</span></th></tr></thead>
<tbody>
{{#WAITING_ROW}}<tr><td>{{N}}</td><td>{{NAME}}</td><td>{{ORG}}</td><td>{{EMAIL}}</td><td>{{ANSWERS}}</td><td>{{AT}}</td><td><a href="{{REMOVE_HREF}}">Ta bort<span class="visually-hidden"> {{NAME}}</span></a></td></tr>
{{/WAITING_ROW}}</tbody>
</table></div>
{{/HAS_WAITING}}<h2 id="lagg-till">Lägg till en anmälan</h2>
{{#ADD_ERRORS}}<p class="error-summary" role="alert">Anmälan har {{COUNT}} fel. Rätta de markerade fälten och lägg till igen.</p>
{{/ADD_ERRORS}}<form class="admin-form" method="post" action="{{ADD_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field"><label for="add-name">Namn</label>
{{#ADD_NAME_ERROR}}<p class="field-error" id="add-name-fel">{{MESSAGE}}</p>{{/ADD_NAME_ERROR}}
<input id="add-name" name="name" type="text" maxlength="100" required value="{{ADD_NAME}}"{{#ADD_NAME_ERROR}} aria-invalid="true" aria-describedby="add-name-fel"{{/ADD_NAME_ERROR}}></div>
<div class="form-field"><label for="add-email">E-post</label>
{{#ADD_EMAIL_ERROR}}<p class="field-error" id="add-email-fel">{{MESSAGE}}</p>{{/ADD_EMAIL_ERROR}}
<input id="add-email" name="email" type="email" maxlength="254" required value="{{ADD_EMAIL}}"{{#ADD_EMAIL_ERROR}} aria-invalid="true" aria-describedby="add-email-fel"{{/ADD_EMAIL_ERROR}}></div>
<div class="form-field"><label for="add-org">Organisation</label>
{{#ADD_ORG_ERROR}}<p class="field-error" id="add-org-fel">{{MESSAGE}}</p>{{/ADD_ORG_ERROR}}
<input id="add-org" name="organisation" type="text" maxlength="150" required value="{{ADD_ORG}}"{{#ADD_ORG_ERROR}} aria-invalid="true" aria-describedby="add-org-fel"{{/ADD_ORG_ERROR}}></div>
<div class="form-field"><label><input type="checkbox" name="force" value="1"{{#ADD_FORCE_CHECKED}} checked{{/ADD_FORCE_CHECKED}}> Ge en plats även om evenemanget är fullt</label></div>
<p class="form-buttons"><button class="btn" type="submit">Lägg till</button></p>
</form>
{{#HAS_ANY}}<h2 id="meddelande">Meddelande till alla anmälda</h2>
<p>Skickas som e-post till alla som är anmälda och alla på väntelistan.</p>
{{/HAS_ANY}}{{#MSG_ERRORS}}<p class="error-summary" role="alert">Meddelandet har {{COUNT}} fel. Rätta de markerade fälten och skicka igen.</p>
{{/MSG_ERRORS}}{{#HAS_ANY}}<form class="admin-form" method="post" action="{{MSG_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field"><label for="msg-subject">Ämne</label>
{{#MSG_SUBJECT_ERROR}}<p class="field-error" id="msg-subject-fel">{{MESSAGE}}</p>{{/MSG_SUBJECT_ERROR}}
<input id="msg-subject" name="subject" type="text" maxlength="200" required value="{{MSG_SUBJECT}}"{{#MSG_SUBJECT_ERROR}} aria-invalid="true" aria-describedby="msg-subject-fel"{{/MSG_SUBJECT_ERROR}}></div>
<div class="form-field"><label for="msg-text">Meddelande</label>
{{#MSG_TEXT_ERROR}}<p class="field-error" id="msg-text-fel">{{MESSAGE}}</p>{{/MSG_TEXT_ERROR}}
<textarea id="msg-text" name="text" rows="8" required{{#MSG_TEXT_ERROR}} aria-invalid="true" aria-describedby="msg-text-fel"{{/MSG_TEXT_ERROR}}>{{MSG_TEXT}}</textarea></div>
<p class="form-buttons"><button class="btn" type="submit">Skicka till alla</button></p>
</form>
{{/HAS_ANY}}</div>
