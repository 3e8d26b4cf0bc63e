{{%AUTOESCAPE context="HTML"}}
{{! admin_login.tpl: the login form of the coordinator's desk. }}
<div class="admin-login">
<h1>Logga in</h1>
{{#KEPT}}<p class="notice" role="status">Du behöver logga in igen. Det du skrev är sparat tillfälligt och kommer tillbaka när du har loggat in.</p>
{{/KEPT}}{{#MESSAGE}}<p class="error-summary" role="alert">{{TEXT}}</p>
{{/MESSAGE}}<form method="post" action="/admin/login">
<input type="hidden" name="next" value="{{NEXT}}">
{{#KEPT}}<input type="hidden" name="kept" value="{{KEY}}">
{{/KEPT}}
<div class="form-field"><label for="email">E-postadress</label>
<input id="email" name="email" type="email" autocomplete="username" maxlength="254" required value="{{EMAIL}}"></div>
<div class="form-field"><label for="password">Lösenord</label>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="128" required></div>
<p><button class="btn" type="submit">Logga in</button></p>
</form>
</div>
