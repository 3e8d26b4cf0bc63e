{{%AUTOESCAPE context="HTML"}}
{{! signup_form.tpl: registration for an event on its page: the form, or that it is full or closed. Fields come back as typed. }}
<section class="signup" aria-labelledby="anmalan">
<h2 id="anmalan">Anmälan</h2>
{{#CLOSED}}<p class="notice"><strong>Anmälan är stängd.</strong></p>
{{/CLOSED}}{{#FULL}}<p class="notice"><strong>Fullbokat.</strong> Alla platser är tagna.</p>
{{/FULL}}{{#FORM}}{{#WAITLIST}}<p class="notice"><strong>Fullbokat – anmäl dig till väntelistan.</strong> Du får ett mejl om en plats blir ledig.</p>
{{/WAITLIST}}{{#LEFT}}<p class="places-left">{{TEXT}}</p>
{{/LEFT}}{{#UNTIL}}<p>Sista dag att anmäla sig: {{DATE_SV}}.</p>
{{/UNTIL}}{{#NOTICE}}<div class="error-summary" role="alert"><p>{{TEXT}}</p></div>
{{/NOTICE}}{{#ERRORS}}<div class="error-summary" role="alert" id="anmalan-fel">
<h3>Anmälan har {{COUNT}}</h3>
<ul>{{#ERROR}}<li><a href="#{{ID}}">{{MESSAGE}}</a></li>{{/ERROR}}</ul>
</div>
{{/ERRORS}}<form class="public-form" method="post" action="{{ACTION}}#anmalan">
<p class="hint">Fält markerade med * måste fyllas i.</p>
<div class="form-field"><label for="reg-name">Namn *</label>
{{#NAME_ERROR}}<p class="field-error" id="reg-name-fel">{{MESSAGE}}</p>{{/NAME_ERROR}}
<input id="reg-name" name="name" type="text" autocomplete="name" required maxlength="100" value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="reg-name-fel"{{/NAME_ERROR}}></div>
<div class="form-field"><label for="reg-email">E-post *</label>
{{#EMAIL_ERROR}}<p class="field-error" id="reg-email-fel">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input id="reg-email" name="email" type="email" autocomplete="email" required maxlength="254" value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="reg-email-fel"{{/EMAIL_ERROR}}></div>
<div class="form-field"><label for="reg-org">Organisation *</label>
{{#ORG_ERROR}}<p class="field-error" id="reg-org-fel">{{MESSAGE}}</p>{{/ORG_ERROR}}
<input id="reg-org" name="organisation" type="text" autocomplete="organization" required maxlength="150" value="{{ORG}}"{{#ORG_ERROR}} aria-invalid="true" aria-describedby="reg-org-fel"{{/ORG_ERROR}}></div>
{{#ASK_PHONE}}<div class="form-field"><label for="reg-phone">Telefon</label>
{{#PHONE_ERROR}}<p class="field-error" id="reg-phone-fel">{{MESSAGE}}</p>{{/PHONE_ERROR}}
<input id="reg-phone" name="phone" type="tel" autocomplete="tel" maxlength="40" value="{{PHONE}}"{{#PHONE_ERROR}} aria-invalid="true" aria-describedby="reg-phone-fel"{{/PHONE_ERROR}}></div>
{{/ASK_PHONE}}{{#ASK_ATTEND}}<fieldset class="form-field"{{#ATTEND_ERROR}} aria-describedby="reg-attend-fel"{{/ATTEND_ERROR}}><legend>Hur deltar du? *</legend>
{{#ATTEND_ERROR}}<p class="field-error" id="reg-attend-fel">{{MESSAGE}}</p>{{/ATTEND_ERROR}}
<label class="choice"><input id="reg-attend" type="radio" name="attend" value="plats" required{{#ATTEND_PLATS}} checked{{/ATTEND_PLATS}}> På plats</label>
<label class="choice"><input type="radio" name="attend" value="digitalt"{{#ATTEND_DIGITALT}} checked{{/ATTEND_DIGITALT}}> Digitalt</label>
</fieldset>
{{/ASK_ATTEND}}{{#ASK_DIET}}<div class="form-field"><label for="reg-diet">Specialkost eller allergier</label>
{{#DIET_ERROR}}<p class="field-error" id="reg-diet-fel">{{MESSAGE}}</p>{{/DIET_ERROR}}
<input id="reg-diet" name="diet" type="text" autocomplete="off" maxlength="300" value="{{DIET}}"{{#DIET_ERROR}} aria-invalid="true" aria-describedby="reg-diet-fel"{{/DIET_ERROR}}></div>
{{/ASK_DIET}}{{#ASK_MESSAGE}}<div class="form-field"><label for="reg-message">Meddelande till arrangören</label>
{{#MESSAGE_TEXT_ERROR}}<p class="field-error" id="reg-message-fel">{{MESSAGE}}</p>{{/MESSAGE_TEXT_ERROR}}
<textarea id="reg-message" name="message" rows="4" maxlength="2000"{{#MESSAGE_TEXT_ERROR}} aria-invalid="true" aria-describedby="reg-message-fel"{{/MESSAGE_TEXT_ERROR}}>{{MESSAGE_TEXT}}</textarea></div>
{{/ASK_MESSAGE}}<div class="form-hp"><label for="reg-hp">Lämna det här fältet tomt</label>
<input id="reg-hp" name="webbadress" type="text" autocomplete="off" tabindex="-1" value=""></div>
<p class="hint">Dina uppgifter används bara för evenemanget och raderas automatiskt {{DAYS}} dagar efter att det har ägt rum.</p>
<p class="form-buttons"><button class="btn" type="submit">{{BUTTON}}</button></p>
</form>
{{/FORM}}</section>
