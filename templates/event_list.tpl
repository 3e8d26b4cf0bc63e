{{%AUTOESCAPE context="HTML"}}
{{! event_list.tpl: coming events (/evenemang) or past ones (/evenemang/tidigare), grouped by month. }}
<h1>{{HEADING}}</h1>
{{#UPCOMING}}<p class="lead">Konferenser, möten och webbinarier i nätverket. <a href="{{MONTH_HREF}}">Visa månad för månad</a> · <a href="/evenemang/tidigare">Tidigare evenemang</a></p>
{{/UPCOMING}}{{#PAST}}<p class="lead"><a href="/evenemang">Kommande evenemang</a></p>
{{/PAST}}{{#MONTH}}<section class="event-month">
<h2>{{LABEL}}</h2>
<ul class="event-list">
{{#EVENT}}<li>
<a href="{{HREF}}">{{TITLE}}</a>
<span class="meta"><time datetime="{{DATE_ISO}}">{{DATE_SV}}</time> · {{PLACE}}</span>
<span class="tag">{{KIND}}</span>{{#CANCELLED}} <span class="tag cancelled">Inställt</span>{{/CANCELLED}}
</li>
{{/EVENT}}</ul>
</section>
{{/MONTH}}{{#EMPTY}}<p class="notice">{{TEXT}}</p>
{{/EMPTY}}{{#PAGER}}<nav class="pager" aria-label="Sidor">
{{#NEWER}}<a class="pager-newer" href="{{HREF}}" rel="prev">{{PREV_LABEL}}</a>
{{/NEWER}}<span class="pager-pos">Sida {{PAGE}} av {{PAGES}}</span>
{{#OLDER}}<a class="pager-older" href="{{HREF}}" rel="next">{{NEXT_LABEL}}</a>
{{/OLDER}}</nav>
{{/PAGER}}<p class="calendar-link"><a href="/evenemang.ics">Prenumerera på kalendern</a> (iCalendar: kommande evenemang och de senaste tolv månadernas; äldre evenemang som redan finns i din kalender ligger kvar där) · <a href="/evenemang.rss">Evenemang som RSS-flöde</a></p>
