{{%AUTOESCAPE context="HTML"}}
{{! admin_revisions.tpl: the earlier versions of a post, an event or a text page, each restorable in one click. }}
<div class="admin-page">
<p class="admin-back"><a href="{{BACK}}">← Tillbaka till {{NOUN}}</a></p>
<h1>Tidigare versioner av ”{{ITEM_TITLE}}”</h1>
<p>Varje gång du sparar läggs texten som den var innan undan här; med skript påslaget sparas också ett utkast var 30:e sekund. De {{KEEP}} senaste versionerna finns kvar. Att återställa en version ändrar bara rubriken och texten, och den nuvarande texten läggs själv undan som en version.</p>
{{#NO_REVISIONS}}<p>Inga tidigare versioner ännu.</p>
{{/NO_REVISIONS}}{{#HAS_REVISIONS}}<ol class="revisions">
{{#REVISION}}<li class="revision">
<h2>{{WHEN}} <span class="hint-inline">– {{KIND}}, {{WHO}}</span></h2>
<p class="revision-title">Rubrik: <strong>{{TITLE}}</strong></p>
<details>
<summary>Visa texten</summary>
<pre class="revision-text">{{BODY}}</pre>
</details>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="btn-secondary" type="submit">Återställ version {{N}}</button>
</form>
</li>
{{/REVISION}}</ol>
{{/HAS_REVISIONS}}</div>
