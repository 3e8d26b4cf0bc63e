-- 0009: password checks keyed by (account, address prefix), refusals no longer stored,
-- one-time keys that make the desk's create forms safe to submit twice, and the
-- accessibility statement and the privacy page (/tillganglighet, /personuppgifter).
-- login_attempts kept a row for every refused try too; logins keeps only the
-- tries whose password was checked, and the address prefix they came from.
CREATE TABLE logins (
	id      INTEGER PRIMARY KEY,
	at      TEXT NOT NULL,
	email   TEXT NOT NULL,
	addr    TEXT NOT NULL,
	prefix  TEXT NOT NULL,
	ok      INTEGER NOT NULL CHECK (ok IN (0, 1))
);
INSERT INTO logins (at, email, addr, prefix, ok)
	SELECT at, email, addr, addr, outcome = 'ok' FROM login_attempts
	WHERE outcome IN ('ok', 'failed');
DROP TABLE login_attempts;
CREATE INDEX logins_pair ON logins (email, prefix, ok, at);
CREATE INDEX logins_account ON logins (email, ok, at);
CREATE INDEX logins_recent ON logins (ok, at);

CREATE TABLE form_keys (
	key     TEXT PRIMARY KEY,
	used_at TEXT NOT NULL,
	target  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- The first text of the two pages (the coordinator edits them under Sidor);
-- body_html is what md_to_html makes of body_md (test_textpages checks it).
INSERT INTO pages (slug, title, body_md, body_html, updated_at) VALUES
('tillganglighet', 'Tillgänglighet för healthycities.se',
'Healthy Cities Sverige står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Den här sidan beskriver hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.

## Hur tillgänglig är webbplatsen?

Vi bedömer att webbplatsen i huvudsak uppfyller kraven i WCAG 2.1 på nivå AA. Sidorna går att använda med tangentbord och skärmläsare, fungerar på små skärmar och har tillräcklig kontrast.

## Kända brister

- PDF-filer som vi har laddat upp, till exempel program och protokoll, är inte alltid tillgänglighetsanpassade. Kontakta oss om du behöver innehållet i ett annat format.
- Bilder som medlemmarna har skickat in kan sakna en fullständig beskrivning.

## Rapportera ett problem

Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, skriv till oss på info@healthycities.se. Vi svarar inom två arbetsdagar.

Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta [Myndigheten för digital förvaltning (Digg)](https://www.digg.se/anmal-bristande-tillganglighet), som har tillsyn över lagen.

## Hur vi har granskat webbplatsen

Vi har granskat webbplatsen själva med automatiska verktyg (Nu HTML Checker och axe) och genom manuell kontroll med tangentbord, skärmläsare och på mobil. Redogörelsen granskades senast den 2 december 2026.
',
'<p>Healthy Cities Sverige står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Den här sidan beskriver hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Vi bedömer att webbplatsen i huvudsak uppfyller kraven i WCAG 2.1 på nivå AA. Sidorna går att använda med tangentbord och skärmläsare, fungerar på små skärmar och har tillräcklig kontrast.</p>
<h2>Kända brister</h2>
<ul>
<li>PDF-filer som vi har laddat upp, till exempel program och protokoll, är inte alltid tillgänglighetsanpassade. Kontakta oss om du behöver innehållet i ett annat format.</li>
<li>Bilder som medlemmarna har skickat in kan sakna en fullständig beskrivning.</li>
</ul>
<h2>Rapportera ett problem</h2>
<p>Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, skriv till oss på info@healthycities.se. Vi svarar inom två arbetsdagar.</p>
<p>Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta <a href="https://www.digg.se/anmal-bristande-tillganglighet">Myndigheten för digital förvaltning (Digg)</a>, som har tillsyn över lagen.</p>
<h2>Hur vi har granskat webbplatsen</h2>
<p>Vi har granskat webbplatsen själva med automatiska verktyg (Nu HTML Checker och axe) och genom manuell kontroll med tangentbord, skärmläsare och på mobil. Redogörelsen granskades senast den 2 december 2026.</p>
',
strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('personuppgifter', 'Så hanterar vi personuppgifter',
'Här beskriver vi vilka personuppgifter webbplatsen sparar, varför, hur länge och vem du kan fråga. Personuppgiftsansvarig är Healthy Cities Sverige.

## Vad vi sparar och varför

- **Nyhetsbrevet:** din e-postadress, för att skicka nyhetsbrevet som du har bett om. Den sparas tills du avslutar prenumerationen.
- **Anmälningar till evenemang:** namn, e-postadress, organisation och det du skriver i anmälan, för att kunna ordna evenemanget. Uppgifterna tas bort senast ett år efter evenemanget.
- **Intresseanmälningar om medlemskap:** det du skriver i formuläret, för att kunna svara dig. Uppgifterna sparas så länge ärendet pågår, högst två år.
- **Inloggning för redaktörer:** e-postadress och namn, och för varje inloggning tid och IP-adress, för att skydda webbplatsen mot intrång. Lyckade inloggningar sparas i högst 90 dagar, misslyckade försök i högst ett dygn. Ändringsloggen visar vem som ändrade vad på webbplatsen.

## Kakor

Webbplatsen sätter inga kakor för besökare. Redaktörer som loggar in får en sessionskaka som behövs för inloggningen; den försvinner när de loggar ut eller efter högst sju dagar. Vi använder ingen statistik- eller annonsspårning.

## Dina rättigheter

Du har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade och att få uppgifter raderade. Skriv till info@healthycities.se. Om du är missnöjd med hur vi hanterar dina personuppgifter kan du vända dig till Integritetsskyddsmyndigheten (IMY).
',
'<p>Här beskriver vi vilka personuppgifter webbplatsen sparar, varför, hur länge och vem du kan fråga. Personuppgiftsansvarig är Healthy Cities Sverige.</p>
<h2>Vad vi sparar och varför</h2>
<ul>
<li><strong>Nyhetsbrevet:</strong> din e-postadress, för att skicka nyhetsbrevet som du har bett om. Den sparas tills du avslutar prenumerationen.</li>
<li><strong>Anmälningar till evenemang:</strong> namn, e-postadress, organisation och det du skriver i anmälan, för att kunna ordna evenemanget. Uppgifterna tas bort senast ett år efter evenemanget.</li>
<li><strong>Intresseanmälningar om medlemskap:</strong> det du skriver i formuläret, för att kunna svara dig. Uppgifterna sparas så länge ärendet pågår, högst två år.</li>
<li><strong>Inloggning för redaktörer:</strong> e-postadress och namn, och för varje inloggning tid och IP-adress, för att skydda webbplatsen mot intrång. Lyckade inloggningar sparas i högst 90 dagar, misslyckade försök i högst ett dygn. Ändringsloggen visar vem som ändrade vad på webbplatsen.</li>
</ul>
<h2>Kakor</h2>
<p>Webbplatsen sätter inga kakor för besökare. Redaktörer som loggar in får en sessionskaka som behövs för inloggningen; den försvinner när de loggar ut eller efter högst sju dagar. Vi använder ingen statistik- eller annonsspårning.</p>
<h2>Dina rättigheter</h2>
<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få fel rättade och att få uppgifter raderade. Skriv till info@healthycities.se. Om du är missnöjd med hur vi hanterar dina personuppgifter kan du vända dig till Integritetsskyddsmyndigheten (IMY).</p>
',
strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
