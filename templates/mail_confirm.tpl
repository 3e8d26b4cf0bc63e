{{%AUTOESCAPE context="HTML"}}
{{! mail_confirm.tpl: the HTML part of the sign-up confirmation mail (inline CSS only). }}
<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>Bekräfta din prenumeration</title></head>
<body style="margin:0;padding:0;background:#f4f6f5;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;">
<div style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;">
<h1 style="font-size:22px;color:#0b5a3c;margin:0 0 16px;">Bekräfta din prenumeration</h1>
<p style="font-size:16px;line-height:1.5;">Någon, förhoppningsvis du, har anmält den här adressen till nyhetsbrevet från {{SITE_NAME}}.</p>
<p style="font-size:16px;line-height:1.5;">Öppna länken och tryck på knappen <strong>Bekräfta</strong> för att börja prenumerera:</p>
<p style="font-size:16px;line-height:1.5;"><a href="{{CONFIRM_URL}}" style="color:#0b5a3c;font-weight:bold;">Bekräfta prenumerationen</a></p>
<p style="font-size:14px;line-height:1.5;color:#444444;">Länken gäller i 7 dagar. Har du inte anmält dig behöver du inte göra något: utan bekräftelse raderas adressen.</p>
</div>
</body>
</html>
