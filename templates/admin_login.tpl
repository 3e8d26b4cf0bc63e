{{%AUTOESCAPE context="HTML"}}
{{! admin_login.tpl: the login form of the coordinator's desk. }}
<div class="admin-login">
<h1>Logga in</h1>
{{#MESSAGE}}<p class="error-summary" role="alert">{{TEXT}}</p>
{{/MESSAGE}}<form method="post" action="/admin/login">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="form-field"><label for="email">E-postadress</label>
<input id="email" name="email" type="email" autocomplete="username" maxlength="254" required value="{{EMAIL}}"></div>
<div class="form-field"><label for="password">Lösenord</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="128" required></div>
<p><button class="btn" type="submit">Logga in</button></p>
</form>
</div>
