{{%AUTOESCAPE context="HTML"}}
{{! layout.tpl: the frame of every HTML page; the page's own template fills CONTENT. }}
<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#REFRESH}}<meta http-equiv="refresh" content="{{SECONDS}}">
{{/REFRESH}}
<title>{{PAGE_TITLE}} – {{SITE_NAME}}</title>
<meta name="description" content="{{META_DESCRIPTION}}">
<link rel="canonical" href="{{CANONICAL}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:title" content="{{PAGE_TITLE}}">
<meta property="og:description" content="{{META_DESCRIPTION}}">
<meta property="og:url" content="{{CANONICAL}}">
<meta property="og:site_name" content="{{SITE_NAME}}">
<meta property="og:locale" content="sv_SE">
{{#OG_IMAGE}}<meta property="og:image" content="{{SRC}}">
{{/OG_IMAGE}}{{#JSONLD}}<script type="application/ld+json">{{SAFE_JSON:none}}</script>
{{/JSONLD}}<link rel="stylesheet" href="/static/site.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="{{SITE_NAME}} – nyheter" href="/feed">
{{#FEED}}<link rel="alternate" type="application/rss+xml" title="{{TITLE}}" href="{{HREF}}">
{{/FEED}}
</head>
<body>
<a class="skip-link" href="#innehall">Hoppa till innehållet</a>
<header class="site-header">
<div class="wrap">
<a class="site-name" href="/">{{SITE_NAME}}</a>
<nav class="main-nav" aria-label="Huvudmeny">
<ul>
{{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV}}</ul>
</nav>
<form class="site-search" method="get" action="/sok" role="search">
<label for="sok" class="visually-hidden">Sök på webbplatsen</label>
<input id="sok" type="search" name="q" value="{{Q}}" maxlength="200">
<button type="submit">Sök</button>
</form>
</div>
</header>
{{#ADMIN}}<div class="admin-bar"><div class="wrap">
<nav class="admin-nav" aria-label="Administration"><ul>
{{#ADMIN_NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/ADMIN_NAV}}</ul></nav>
<form class="logout" method="post" action="/admin/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><span>{{USER_NAME}}</span> <button type="submit">Logga ut</button></form>
</div></div>
{{/ADMIN}}<main id="innehall" class="wrap" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="wrap">
<p><strong>{{SITE_NAME}}</strong> är det svenska nätverket inom WHO:s europeiska nätverk Healthy Cities – kommuner och regioner som arbetar tillsammans för jämlik hälsa och hållbar utveckling.</p>
<p>Kontakt: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a> · <a href="/feed">Nyheter som RSS-flöde</a> · <a href="/evenemang.rss">Evenemang som RSS-flöde</a></p>
<p><a href="/nyhetsbrev">Prenumerera på nyhetsbrevet</a></p>
<p><a href="/tillganglighet">Tillgänglighet</a> · <a href="/personuppgifter">Personuppgifter</a></p>
</div>
</footer>
</body>
</html>
