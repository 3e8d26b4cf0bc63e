{{%AUTOESCAPE context="HTML"}}
{{! admin_newsletter_send.tpl: the confirmation step before an issue goes to every subscriber. }}
<div class="admin-page">
<p class="admin-back"><a href="{{BACK}}">← Tillbaka till utkastet</a></p>
<h1>Skicka nyhetsbrevet</h1>
<p><strong>{{SUBJECT}}</strong></p>
{{#PROBLEM}}<p class="error-summary" role="alert">{{TEXT}}</p>
{{/PROBLEM}}{{#NOBODY}}<p>Det finns inga bekräftade prenumeranter att skicka till.</p>
{{/NOBODY}}{{#ASK}}<p>Nyhetsbrevet skickas till <strong>{{COUNT}} prenumeranter</strong>. Det går inte att ångra.</p>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="antal" value="{{COUNT}}">
<p class="form-buttons"><button class="btn" type="submit">Ja, skicka till {{COUNT}} prenumeranter</button>
<a href="{{BACK}}">Nej, tillbaka</a></p>
</form>
{{/ASK}}</div>
