{{%AUTOESCAPE context="HTML"}}
{{! newsletter.tpl: /nyhetsbrev: sign-up form, thanks, confirmation and unsubscription pages. }}
<div class="text-page">
<h1>{{HEADING}}</h1>
{{#FORM}}<p>Nyhetsbrevet från {{SITE_NAME}} kommer några gånger om året med nyheter från nätverket och kommande evenemang.</p>
{{#FORM_ERRORS}}<p class="error-summary" role="alert">Formuläret har {{COUNT}} fel. Rätta de markerade fälten och skicka igen.</p>
{{/FORM_ERRORS}}<form method="post" action="/nyhetsbrev" novalidate>
<div class="form-field"><label for="email">Din e-postadress</label>
<input id="email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="EMAIL-fel"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="EMAIL-fel">{{MESSAGE}}</p>{{/EMAIL_ERROR}}</div>
<div class="form-field hp-field" aria-hidden="true"><label for="webbplats">Lämna tomt</label>
<input id="webbplats" name="webbplats" type="text" tabindex="-1" autocomplete="off" value=""></div>
<div class="form-field"><div class="consent"><input id="samtycke" name="samtycke" type="checkbox" value="ja"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="CONSENT-fel"{{/CONSENT_ERROR}}>
<label for="samtycke">{{CONSENT_TEXT}}</label></div>
{{#CONSENT_ERROR}}<p class="field-error" id="CONSENT-fel">{{MESSAGE}}</p>{{/CONSENT_ERROR}}</div>
<p><button class="btn" type="submit">Prenumerera</button></p>
</form>
<p>Du får ett brev med en länk att bekräfta med. Du kan när som helst avsluta prenumerationen med länken i varje nyhetsbrev; då raderas din adress.</p>
{{/FORM}}{{#MESSAGE}}<p{{#ALERT}} role="alert"{{/ALERT}}>{{TEXT}}</p>
{{/MESSAGE}}{{#CONFIRM_ASK}}<form method="post" action="/nyhetsbrev/bekrafta">
<input type="hidden" name="t" value="{{TOKEN}}">
<p><button class="btn" type="submit">Bekräfta prenumerationen</button></p>
</form>
{{/CONFIRM_ASK}}{{#UNSUB_ASK}}<form method="post" action="/nyhetsbrev/avsluta?t={{TOKEN:u}}">
<p><button class="btn" type="submit">Avsluta och radera min adress</button></p>
</form>
{{/UNSUB_ASK}}{{#HOME}}<p><a href="/">Till startsidan</a></p>
{{/HOME}}</div>
