{{%AUTOESCAPE context="HTML"}}
{{! join_form.tpl: the membership-interest form under the text of /bli-medlem. Fields come back as typed. }}
<section class="signup" aria-labelledby="intresse">
<h2 id="intresse">Anmäl intresse för medlemskap</h2>
{{#NOTICE}}<div class="error-summary" role="alert"><p>{{TEXT}}</p></div>
{{/NOTICE}}{{#ERRORS}}<div class="error-summary" role="alert" id="intresse-fel">
<h3>Formuläret har {{COUNT}}</h3>
<ul>{{#ERROR}}<li><a href="#{{ID}}">{{MESSAGE}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}<form class="public-form" method="post" action="/bli-medlem#intresse">
<p class="hint">Fält markerade med * måste fyllas i.</p>
<div class="form-field"><label for="join-org">Kommunens eller regionens namn *</label>
{{#ORG_ERROR}}<p class="field-error" id="join-org-fel">{{MESSAGE}}</p>{{/ORG_ERROR}}
<input id="join-org" name="organisation" type="text" autocomplete="organization" required maxlength="150" value="{{ORG}}"{{#ORG_ERROR}} aria-invalid="true" aria-describedby="join-org-fel"{{/ORG_ERROR}}></div>
<fieldset class="form-field"{{#KIND_ERROR}} aria-describedby="join-kind-fel"{{/KIND_ERROR}}><legend>Kommun eller region? *</legend>
{{#KIND_ERROR}}<p class="field-error" id="join-kind-fel">{{MESSAGE}}</p>{{/KIND_ERROR}}
<label class="choice"><input id="join-kind" type="radio" name="kind" value="kommun" required{{#KIND_KOMMUN}} checked{{/KIND_KOMMUN}}> Kommun</label>
<label class="choice"><input type="radio" name="kind" value="region"{{#KIND_REGION}} checked{{/KIND_REGION}}> Region</label>
</fieldset>
<div class="form-field"><label for="join-contact">Kontaktperson *</label>
{{#CONTACT_ERROR}}<p class="field-error" id="join-contact-fel">{{MESSAGE}}</p>{{/CONTACT_ERROR}}
<input id="join-contact" name="contact" type="text" autocomplete="name" required maxlength="100" value="{{CONTACT}}"{{#CONTACT_ERROR}} aria-invalid="true" aria-describedby="join-contact-fel"{{/CONTACT_ERROR}}></div>
<div class="form-field"><label for="join-role">Roll eller befattning *</label>
{{#ROLE_ERROR}}<p class="field-error" id="join-role-fel">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<input id="join-role" name="role" type="text" autocomplete="organization-title" required maxlength="100" value="{{ROLE}}"{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="join-role-fel"{{/ROLE_ERROR}}></div>
<div class="form-field"><label for="join-email">E-post *</label>
{{#EMAIL_ERROR}}<p class="field-error" id="join-email-fel">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input id="join-email" name="email" type="email" autocomplete="email" required maxlength="254" value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="join-email-fel"{{/EMAIL_ERROR}}></div>
<div class="form-field"><label for="join-phone">Telefon</label>
{{#PHONE_ERROR}}<p class="field-error" id="join-phone-fel">{{MESSAGE}}</p>{{/PHONE_ERROR}}
<input id="join-phone" name="phone" type="tel" autocomplete="tel" maxlength="40" value="{{PHONE}}"{{#PHONE_ERROR}} aria-invalid="true" aria-describedby="join-phone-fel"{{/PHONE_ERROR}}></div>
<div class="form-field"><label for="join-message">Meddelande</label>
{{#MESSAGE_TEXT_ERROR}}<p class="field-error" id="join-message-fel">{{MESSAGE}}</p>{{/MESSAGE_TEXT_ERROR}}
<textarea id="join-message" name="message" rows="5" maxlength="3000"{{#MESSAGE_TEXT_ERROR}} aria-invalid="true" aria-describedby="join-message-fel"{{/MESSAGE_TEXT_ERROR}}>{{MESSAGE_TEXT}}</textarea></div>
<div class="form-hp"><label for="join-hp">Lämna det här fältet tomt</label>
<input id="join-hp" name="webbadress" type="text" autocomplete="off" tabindex="-1" value=""></div>
<p class="hint">Vi använder uppgifterna bara för att kontakta dig om medlemskap.</p>
<p class="form-buttons"><button class="btn" type="submit">Skicka</button></p>
</form>
</section>
