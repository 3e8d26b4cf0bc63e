{{%AUTOESCAPE context="HTML"}}
{{! admin_users.tpl: the users of the coordinator's desk: list, add, disable (admins only). }}
<div class="admin-page">
<h1>Användare</h1>
{{>FORM_STATUS}}
<div class="table-wrap" tabindex="0" role="region" aria-label="Användare"><table class="list">
<thead><tr><th scope="col">Namn</th><th scope="col">E-post</th><th scope="col">Roll</th><th scope="col">Status</th><th scope="col">Åtgärd</th></tr></thead>
<tbody>
{{#USER}}<tr><td>{{NAME}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{STATE}}</td><td>{{#CAN_DISABLE}}<form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Stäng av</button></form>{{/CAN_DISABLE}}</td></tr>
{{/USER}}</tbody></table></div>
<h2>Lägg till användare</h2>
<form class="admin-form" method="post" action="/admin/anvandare">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field"><label for="name">Namn</label>
{{#NEW_NAME_ERROR}}<p class="field-error" id="name-fel">{{MESSAGE}}</p>{{/NEW_NAME_ERROR}}
<input id="name" name="name" type="text" value="{{NEW_NAME}}" required maxlength="{{NEW_NAME_MAX}}"{{#NEW_NAME_ERROR}} aria-invalid="true" aria-describedby="name-fel"{{/NEW_NAME_ERROR}}></div>
<div class="form-field"><label for="email">E-postadress</label>
{{#NEW_EMAIL_ERROR}}<p class="field-error" id="email-fel">{{MESSAGE}}</p>{{/NEW_EMAIL_ERROR}}
<input id="email" name="email" type="email" value="{{NEW_EMAIL}}" required maxlength="254"{{#NEW_EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-fel"{{/NEW_EMAIL_ERROR}}></div>
<div class="form-field"><label for="role">Roll</label>
{{#ROLE_ERROR}}<p class="field-error" id="role-fel">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<select id="role" name="role">
{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPTION}}</select></div>
<div class="form-field"><label for="password">Lösenord <span class="hint-inline">(12–128 tecken; ge det till personen på ett säkert sätt)</span></label>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-fel">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="128"{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-fel"{{/PASSWORD_ERROR}}></div>
<p><button class="btn" type="submit">Lägg till</button></p>
</form>
</div>
