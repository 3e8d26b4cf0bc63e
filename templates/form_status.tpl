{{%AUTOESCAPE context="HTML"}}
{{! form_status.tpl: the one status block of the coordinator's pages: what was just done, the form's errors, a save refused because someone else saved first. Filled by admin_status (admin/form.h). }}
{{#SAVED}}<p class="notice" role="status">{{TEXT}}{{#LINK}} <a href="{{HREF}}">{{LABEL}}</a>{{/LINK}}</p>
{{/SAVED}}{{#FORM_ERRORS}}<p class="error-summary" role="alert">{{#NOTE}}{{TEXT}} {{/NOTE}}Formuläret har {{COUNT}} fel. Rätta de markerade fälten och spara igen.</p>
{{/FORM_ERRORS}}{{#CONFLICT}}<p class="error-summary" role="alert">{{MESSAGE}}</p>
{{/CONFLICT}}
