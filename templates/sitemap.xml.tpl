{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="UTF-8"?>
{{#URLSET}}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#URL}}<url><loc>{{LOC}}</loc>{{#LASTMOD}}<lastmod>{{T}}</lastmod>{{/LASTMOD}}</url>
{{/URL}}</urlset>
{{/URLSET}}{{#INDEX}}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#SITEMAP}}<sitemap><loc>{{LOC}}</loc></sitemap>
{{/SITEMAP}}</sitemapindex>
{{/INDEX}}
