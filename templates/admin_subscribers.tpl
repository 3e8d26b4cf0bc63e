{{%AUTOESCAPE context="HTML"}}
{{! admin_subscribers.tpl: the newsletter's subscribers with consent, export and erasure. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/nyhetsbrev">← Nyhetsbrev</a></p>
<h1>Prenumeranter</h1>
{{#DONE}}<p class="notice" role="status">{{TEXT}}</p>
{{/DONE}}<p>{{CONFIRMED}} bekräftade, {{PENDING}} väntar på bekräftelse (raderas efter 7 dagar). <a href="/admin/nyhetsbrev/prenumeranter.csv">Ladda ner listan (CSV)</a></p>
{{#EMPTY}}<p>Inga prenumeranter ännu.</p>
{{/EMPTY}}{{#HAS_SUBSCRIBERS}}<div class="table-wrap"><table class="list">
<thead><tr><th scope="col">E-post</th><th scope="col">Status</th><th scope="col">Samtycke</th><th scope="col">Radera</th></tr></thead>
<tbody>
{{#SUBSCRIBER}}<tr><td>{{EMAIL}}</td><td>{{STATE}}</td><td>{{CONSENT_AT}}</td><td><a href="{{ERASE_HREF}}">Radera<span class="visually-hidden"> {{EMAIL}}</span></a></td></tr>
{{/SUBSCRIBER}}</tbody>
</table></div>
{{/HAS_SUBSCRIBERS}}</div>
