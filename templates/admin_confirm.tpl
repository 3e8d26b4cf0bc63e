{{%AUTOESCAPE context="HTML"}}
{{! admin_confirm.tpl: the confirmation step before a deletion (any item type). }}
<div class="admin-page">
<h1>{{HEADING}}</h1>
<p>{{QUESTION}}</p>
<p><strong>{{ITEM}}</strong></p>
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="form-buttons"><button type="submit" class="btn danger">Ja, radera</button>
<a href="{{BACK}}">Nej, tillbaka</a></p>
</form>
</div>
