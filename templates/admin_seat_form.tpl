{{%AUTOESCAPE context="HTML"}}
{{! admin_seat_form.tpl: a board seat: new or edit; every field comes back as typed. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/styrelse">← Hela styrelsen</a></p>
<h1>{{HEADING}}</h1>
{{>FORM_STATUS}}
<form class="admin-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#VERSION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VERSION_ERROR}}
<div class="form-field"><label for="name">Namn</label>
{{#NAME_ERROR}}<p class="field-error" id="name-fel">{{MESSAGE}}</p>{{/NAME_ERROR}}
<input id="name" name="name" type="text" value="{{NAME}}" required maxlength="{{NAME_MAX}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-fel"{{/NAME_ERROR}}></div>
<div class="form-field"><label for="role">Roll</label>
{{#ROLE_ERROR}}<p class="field-error" id="role-fel">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<select id="role" name="role"{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="role-fel"{{/ROLE_ERROR}}>
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select>
{{#TWO_CHAIRS_BOX}}<p><label><input name="two_chairs" type="checkbox" value="1"{{#TWO_CHAIRS_CHECKED}} checked{{/TWO_CHAIRS_CHECKED}}> Ja, det ska vara två ordförande under samma år</label></p>
{{/TWO_CHAIRS_BOX}}</div>
<div class="form-field"><label for="party">Parti <span class="hint-inline">(förkortning, till exempel S, M, C)</span></label>
{{#PARTY_ERROR}}<p class="field-error" id="party-fel">{{MESSAGE}}</p>{{/PARTY_ERROR}}
<input id="party" name="party" type="text" value="{{PARTY}}" maxlength="{{PARTY_MAX}}"{{#PARTY_ERROR}} aria-invalid="true" aria-describedby="party-fel"{{/PARTY_ERROR}}></div>
<div class="form-field"><label for="member">Medlemsorganisation</label>
{{#MEMBER_ERROR}}<p class="field-error" id="member-fel">{{MESSAGE}}</p>{{/MEMBER_ERROR}}
<select id="member" name="member"{{#MEMBER_ERROR}} aria-invalid="true" aria-describedby="member-fel"{{/MEMBER_ERROR}}>
<option value="0">Ingen organisation</option>
{{#MEMBER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/MEMBER_OPTION}}</select></div>
<div class="form-field"><fieldset class="form-group"><legend>Mandatperiod</legend>
<div class="form-field"><label for="term_start">Första året</label>
{{#TERM_START_ERROR}}<p class="field-error" id="term_start-fel">{{MESSAGE}}</p>{{/TERM_START_ERROR}}
<input id="term_start" name="term_start" type="text" inputmode="numeric" value="{{TERM_START}}" required maxlength="4"{{#TERM_START_ERROR}} aria-invalid="true" aria-describedby="term_start-fel"{{/TERM_START_ERROR}}></div>
<div class="form-field"><label for="term_end">Sista året</label>
{{#TERM_END_ERROR}}<p class="field-error" id="term_end-fel">{{MESSAGE}}</p>{{/TERM_END_ERROR}}
<input id="term_end" name="term_end" type="text" inputmode="numeric" value="{{TERM_END}}" required maxlength="4"{{#TERM_END_ERROR}} aria-invalid="true" aria-describedby="term_end-fel"{{/TERM_END_ERROR}}></div>
</fieldset></div>
<p class="form-buttons"><button class="btn" type="submit">Spara</button></p>
</form>
{{#DELETE}}<p class="admin-delete"><a href="{{HREF}}">Radera styrelseplatsen…</a></p>
{{/DELETE}}</div>
