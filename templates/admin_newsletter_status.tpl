{{%AUTOESCAPE context="HTML"}}
{{! admin_newsletter_status.tpl: an issue being sent or sent: progress (refreshed by the page while sending), failures to retry. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/nyhetsbrev">← Alla nyhetsbrev</a></p>
<h1>{{SUBJECT}}</h1>
{{#DONE}}<p class="notice" role="status">{{TEXT}}</p>
{{/DONE}}<p>Status: <strong>{{STATE}}</strong>{{#SENDING}} – sidan uppdateras var {{SECONDS}}:e sekund. <a href="{{HREF}}">Uppdatera nu</a>{{/SENDING}}</p>
<dl class="counts">
<dt>Mottagare</dt><dd>{{RECIPIENTS}}</dd>
<dt>Skickade</dt><dd>{{SENT}}</dd>
<dt>Väntar</dt><dd>{{WAITING}}</dd>
<dt>Misslyckade</dt><dd>{{FAILED}}</dd>
</dl>
{{#PROBLEM}}<p class="error-summary" role="alert">Utskicket väntar på grund av ett fel som försöks igen: {{TEXT}}</p>
{{/PROBLEM}}{{#FAILURES}}<h2>Misslyckade adresser</h2>
<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">Adress</th><th scope="col">Serverns svar</th></tr></thead>
<tbody>
{{#FAILURE}}<tr><td>{{RCPT}}</td><td>{{REPLY}}</td></tr>
{{/FAILURE}}</tbody>
</table></div>
<form method="post" action="{{RETRY_ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button class="btn" type="submit">Försök igen med de misslyckade</button></p>
</form>
{{/FAILURES}}<p><a href="{{PREVIEW_HREF}}">Visa brevet som HTML</a></p>
</div>
