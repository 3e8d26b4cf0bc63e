{{%AUTOESCAPE context="HTML"}}
{{! admin_newsletters.tpl: the newsletter issues (draft, sending, sent with counts) and the subscribers' number. }}
<div class="admin-page">
<h1>Nyhetsbrev</h1>
{{#DONE}}<p class="notice" role="status">{{TEXT}}</p>
{{/DONE}}<p>{{SUBSCRIBERS}} bekräftade prenumeranter. <a href="/admin/nyhetsbrev/prenumeranter">Visa prenumeranterna</a></p>
<p><a class="btn" href="/admin/nyhetsbrev/ny">Skriv ett nytt nyhetsbrev</a></p>
{{#EMPTY}}<p>Inga nyhetsbrev ännu.</p>
{{/EMPTY}}{{#HAS_ISSUES}}<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">Ämne</th><th scope="col">Status</th><th scope="col">Skickade</th><th scope="col">Väntar</th><th scope="col">Misslyckade</th><th scope="col">Skapat</th></tr></thead>
<tbody>
{{#ISSUE}}<tr><td><a href="{{HREF}}">{{SUBJECT}}</a></td><td>{{STATE}}</td><td>{{SENT}}</td><td>{{WAITING}}</td><td>{{FAILED}}</td><td>{{CREATED}}</td></tr>
{{/ISSUE}}</tbody>
</table></div>
{{/HAS_ISSUES}}</div>
