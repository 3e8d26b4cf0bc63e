{{%AUTOESCAPE context="HTML"}}
{{! admin_links.tpl: broken external links in published content, each with a link to the text to fix. }}
<div class="admin-page">
<h1>Trasiga länkar</h1>
<p>Länkar till andra webbplatser som inte fungerar längre: sidan finns inte, är borttagen, adressen finns inte eller svarar inte.
{{#CHECKED}}Senast kontrollerat {{WHEN}}.{{/CHECKED}}{{#NEVER}}Länkarna har inte kontrollerats än: kör <code>hcadmin check-links</code> på servern.{{/NEVER}}</p>
{{#NONE_BROKEN}}<p>Inga trasiga länkar hittades.</p>{{/NONE_BROKEN}}{{#HAS_ROWS}}<div class="table-wrap"><table class="list">
<caption>Trasiga länkar och var de står</caption>
<thead><tr><th scope="col">Länk</th><th scope="col">Problem</th><th scope="col">Står i</th><th scope="col">Kontrollerad</th></tr></thead>
<tbody>
{{#ROW}}<tr><td class="url"><a href="{{URL}}" rel="nofollow noopener">{{URL}}</a></td><td>{{PROBLEM}}</td><td>{{KIND}}: <a href="{{EDIT_HREF}}">{{TITLE}}</a></td><td>{{WHEN}}</td></tr>
{{/ROW}}</tbody></table></div>
{{/HAS_ROWS}}</div>
