{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>{{TITLE}}</title>
<link>{{LINK}}</link>
<description>{{DESCRIPTION}}</description>
<language>sv</language>
<atom:link href="{{SELF}}" rel="self" type="application/rss+xml"/>
{{#ITEM}}<item>
<title>{{TITLE}}</title>
<link>{{LINK}}</link>
<guid isPermaLink="true">{{LINK}}</guid>
<pubDate>{{DATE}}</pubDate>
{{#CATEGORY}}<category>{{NAME}}</category>
{{/CATEGORY}}<description>{{DESCRIPTION}}</description>
<content:encoded>{{CONTENT}}</content:encoded>
</item>
{{/ITEM}}</channel>
</rss>
