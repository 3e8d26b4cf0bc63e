{{%AUTOESCAPE context="HTML"}}
{{! mail_newsletter.tpl: the HTML part of a newsletter issue (inline CSS only; mail programs drop style sheets). }}
<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{{SUBJECT}}</title></head>
<body style="margin:0;padding:0;background:#f4f6f5;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;">
<p style="font-size:14px;color:#0b5a3c;margin:0 0 8px;"><a href="{{SITE_URL}}" style="color:#0b5a3c;text-decoration:none;font-weight:bold;">{{SITE_NAME}}</a></p>
<h1 style="font-size:24px;line-height:1.3;color:#0b5a3c;margin:0 0 16px;">{{SUBJECT}}</h1>
<div style="font-size:16px;line-height:1.5;">{{SAFE_INTRO_HTML:none}}</div>
{{#POSTS}}<h2 style="font-size:20px;color:#0b5a3c;margin:24px 0 8px;">Nyheter</h2>
{{#POST}}<div style="margin:0 0 16px;">
<h3 style="font-size:17px;margin:0 0 4px;"><a href="{{URL}}" style="color:#1b1b1b;">{{TITLE}}</a></h3>
<p style="font-size:14px;color:#444444;margin:0 0 4px;">{{WHEN}}</p>
{{#HAS_EXCERPT}}<p style="font-size:16px;line-height:1.5;margin:0;">{{EXCERPT}}</p>{{/HAS_EXCERPT}}
</div>
{{/POST}}{{/POSTS}}{{#EVENTS}}<h2 style="font-size:20px;color:#0b5a3c;margin:24px 0 8px;">Kommande evenemang</h2>
{{#EVENT}}<div style="margin:0 0 16px;">
<h3 style="font-size:17px;margin:0 0 4px;"><a href="{{URL}}" style="color:#1b1b1b;">{{TITLE}}</a></h3>
<p style="font-size:14px;color:#444444;margin:0 0 4px;">{{WHEN}}</p>
{{#HAS_EXCERPT}}<p style="font-size:16px;line-height:1.5;margin:0;">{{EXCERPT}}</p>{{/HAS_EXCERPT}}
</div>
{{/EVENT}}{{/EVENTS}}<hr style="border:0;border-top:1px solid #cccccc;margin:24px 0 12px;">
<p style="font-size:13px;line-height:1.5;color:#444444;">Du får det här brevet för att du prenumererar på nyhetsbrevet från {{SITE_NAME}}. <a href="{{UNSUBSCRIBE_URL}}" style="color:#0b5a3c;">Avsluta prenumerationen</a> (dina uppgifter raderas då).</p>
</div>
</body>
</html>
