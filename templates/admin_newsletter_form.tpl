{{%AUTOESCAPE context="HTML"}}
{{! admin_newsletter_form.tpl: composing an issue: subject, introduction, posts and events; previews and the ways to send. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/nyhetsbrev">← Alla nyhetsbrev</a></p>
<h1>{{HEADING}}</h1>
{{#DONE}}<p class="notice" role="status">{{TEXT}}</p>
{{/DONE}}{{>FORM_STATUS}}
<form class="admin-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field"><label for="subject">Ämnesrad</label>
{{#SUBJECT_ERROR}}<p class="field-error" id="subject-fel">{{MESSAGE}}</p>{{/SUBJECT_ERROR}}
<input id="subject" name="subject" type="text" value="{{SUBJECT}}" required maxlength="200"{{#SUBJECT_ERROR}} aria-invalid="true" aria-describedby="subject-fel"{{/SUBJECT_ERROR}}></div>
<div class="form-field"><label for="intro">Inledning <span class="hint-inline">(Markdown)</span></label>
{{#INTRO_ERROR}}<p class="field-error" id="intro-fel">{{MESSAGE}}</p>{{/INTRO_ERROR}}
<textarea id="intro" name="intro" rows="8"{{#INTRO_ERROR}} aria-invalid="true" aria-describedby="intro-fel"{{/INTRO_ERROR}}>{{INTRO:p}}</textarea></div>
<fieldset class="form-field"><legend>Nyheter att ta med</legend>
{{#NO_POSTS}}<p>Inga publicerade nyheter.</p>{{/NO_POSTS}}
{{#POST}}<div class="consent"><input type="checkbox" id="post-{{ID}}" name="post" value="{{ID}}"{{#CHOSEN}} checked{{/CHOSEN}}><label for="post-{{ID}}">{{TITLE}} <span class="hint-inline">({{WHEN}})</span></label></div>
{{/POST}}</fieldset>
<fieldset class="form-field"><legend>Kommande evenemang att ta med</legend>
{{#NO_EVENTS}}<p>Inga kommande evenemang.</p>{{/NO_EVENTS}}
{{#EVENT}}<div class="consent"><input type="checkbox" id="event-{{ID}}" name="event" value="{{ID}}"{{#CHOSEN}} checked{{/CHOSEN}}><label for="event-{{ID}}">{{TITLE}} <span class="hint-inline">({{WHEN}})</span></label></div>
{{/EVENT}}</fieldset>
<p class="form-buttons"><button class="btn" type="submit">Spara utkastet</button></p>
</form>
{{#SAVED_ISSUE}}<section aria-labelledby="skicka">
<h2 id="skicka">Förhandsgranska och skicka</h2>
<p>Förhandsgranskningen visar det sparade utkastet. <a href="{{PREVIEW_HREF}}">Visa som HTML-brev</a></p>
<form method="post" action="{{TEST_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="form-buttons"><button class="btn-secondary" type="submit">Skicka ett testbrev till mig ({{ME}})</button>
<a class="btn" href="{{SEND_HREF}}">Skicka till alla prenumeranter …</a></p>
</form>
<h3>Som ren text</h3>
<pre class="mail-text">{{TEXT_PREVIEW:p}}</pre>
<form method="post" action="{{DELETE_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button class="btn-secondary" type="submit">Radera utkastet</button></p>
</form>
</section>
{{/SAVED_ISSUE}}</div>
