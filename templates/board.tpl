{{%AUTOESCAPE context="HTML"}}
{{! board.tpl: the board's seats this year: chair, vice chair, then the rest by name. }}
<h1>Styrelsen</h1>
<p class="lead">Styrelsen väljs av årsmötet bland förtroendevalda hos <a href="/medlemmar">medlemmarna</a>.</p>
<div class="table-wrap" tabindex="0" role="region" aria-label="Styrelsens ledamöter">
<table class="list">
<thead><tr><th scope="col">Namn</th><th scope="col">Roll</th><th scope="col">Parti</th><th scope="col">Organisation</th><th scope="col">Mandatperiod</th></tr></thead>
<tbody>
{{#SEAT}}<tr><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{PARTY}}</td><td>{{MEMBER}}</td><td>{{TERM}}</td></tr>
{{/SEAT}}</tbody>
</table>
</div>
{{#EMPTY}}<p class="notice">Styrelsen är inte inlagd ännu.</p>
{{/EMPTY}}
