{{%AUTOESCAPE context="HTML"}}
{{! admin_member_form.tpl: a member organisation: new or edit; every field comes back as typed. }}
<div class="admin-page">
<p class="admin-back"><a href="/admin/medlemmar">← Alla medlemmar</a></p>
<h1>{{HEADING}}</h1>
{{>FORM_STATUS}}
<form class="admin-form" method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="version" value="{{VERSION}}">
{{#VERSION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VERSION_ERROR}}
<div class="form-field"><label for="name">Namn <span class="hint-inline">(till exempel Malmö stad, Region Skåne)</span></label>
{{#NAME_ERROR}}<p class="field-error" id="name-fel">{{MESSAGE}}</p>{{/NAME_ERROR}}
<input id="name" name="name" type="text" value="{{NAME}}" required maxlength="{{NAME_MAX}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="name-fel"{{/NAME_ERROR}}></div>
<div class="form-field"><label for="kind">Typ</label>
{{#KIND_ERROR}}<p class="field-error" id="kind-fel">{{MESSAGE}}</p>{{/KIND_ERROR}}
<select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="kind-fel"{{/KIND_ERROR}}>
{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPTION}}</select></div>
<div class="form-field"><label for="county">Län</label>
{{#COUNTY_ERROR}}<p class="field-error" id="county-fel">{{MESSAGE}}</p>{{/COUNTY_ERROR}}
<input id="county" name="county" type="text" value="{{COUNTY}}" required maxlength="{{COUNTY_MAX}}" list="lan"{{#COUNTY_ERROR}} aria-invalid="true" aria-describedby="county-fel"{{/COUNTY_ERROR}}>
<datalist id="lan">{{#COUNTY_OPTION}}<option value="{{VALUE}}">{{/COUNTY_OPTION}}</datalist></div>
<div class="form-field"><label for="website">Webbplats</label>
{{#WEBSITE_ERROR}}<p class="field-error" id="website-fel">{{MESSAGE}}</p>{{/WEBSITE_ERROR}}
<input id="website" name="website" type="url" value="{{WEBSITE}}" maxlength="2000" placeholder="https://"{{#WEBSITE_ERROR}} aria-invalid="true" aria-describedby="website-fel"{{/WEBSITE_ERROR}}></div>
<div class="form-field"><label for="joined_year">Med i nätverket sedan (år)</label>
{{#JOINED_ERROR}}<p class="field-error" id="joined_year-fel">{{MESSAGE}}</p>{{/JOINED_ERROR}}
<input id="joined_year" name="joined_year" type="text" inputmode="numeric" value="{{JOINED}}" required maxlength="4"{{#JOINED_ERROR}} aria-invalid="true" aria-describedby="joined_year-fel"{{/JOINED_ERROR}}></div>
<div class="form-field"><label><input type="checkbox" name="active" value="1"{{#ACTIVE_CHECKED}} checked{{/ACTIVE_CHECKED}}> Är medlem <span class="hint-inline">(ta bort markeringen när medlemmen lämnar nätverket)</span></label></div>
<p class="form-buttons"><button class="btn" type="submit">Spara</button></p>
</form>
{{#DELETE}}<p class="admin-delete"><a href="{{HREF}}">Radera medlemmen…</a></p>
{{/DELETE}}</div>
