{{%AUTOESCAPE context="HTML"}}
{{! pager.tpl: the one pager of every paginated list, public or admin. Filled by pager_add (http/pager.h). }}
{{#PAGER}}<nav class="pager" aria-label="Sidor">
{{#NEWER}}<a class="pager-newer" href="{{HREF}}" rel="prev">{{LABEL}}</a>
{{/NEWER}}<span class="pager-pos">Sida {{PAGE}} av {{PAGES}}</span>
{{#OLDER}}<a class="pager-older" href="{{HREF}}" rel="next">{{LABEL}}</a>
{{/OLDER}}</nav>
{{/PAGER}}
