-- 0002: the rest of the public site: events, member organisations, the board, text pages.

-- An event of the network. Times are UTC in the form YYYY-MM-DDTHH:MM:SSZ.
CREATE TABLE events (
	id                 INTEGER PRIMARY KEY,
	slug               TEXT NOT NULL UNIQUE,   -- used in /evenemang/<slug>; never "tidigare"
	title              TEXT NOT NULL,
	kind               TEXT NOT NULL DEFAULT 'annat'
	                   CHECK (kind IN ('arskonferens', 'hostmote', 'webbinarium', 'seminarium',
	                                   'tematiskt-mote', 'annat')),
	all_day            INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
	-- Timed events: start and end as given. Whole-day events: Stockholm midnight
	-- starting the first day and Stockholm midnight ending the last (an exclusive end).
	starts_at          TEXT NOT NULL
	                   CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
	ends_at            TEXT NOT NULL
	                   CHECK (ends_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),
	online             INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),  -- 1: "Digitalt"
	venue              TEXT NOT NULL DEFAULT '',  -- e.g. "Stadshuset"; "" when online
	town               TEXT NOT NULL DEFAULT '',  -- e.g. "Malmö"; "" when online
	join_url           TEXT NOT NULL DEFAULT '',  -- link to join a digital event, or ""
	description_md     TEXT NOT NULL DEFAULT '',  -- as written, Markdown
	description_html   TEXT NOT NULL DEFAULT '',  -- description_md by cmark in safe mode, at save time
	description_text   TEXT NOT NULL DEFAULT '',  -- description_md as plain text, at save time (calendars)
	registration_url   TEXT NOT NULL DEFAULT '',  -- where to register, or ""
	registration_until TEXT                       -- last day to register, Stockholm date YYYY-MM-DD, or NULL
	                   CHECK (registration_until IS NULL OR
	                          registration_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	programme_url      TEXT NOT NULL DEFAULT '',  -- the programme (a URL until the media library exists), or ""
	status             TEXT NOT NULL DEFAULT 'draft'
	                   CHECK (status IN ('draft', 'published', 'cancelled')),  -- cancelled ones stay public
	created_at         TEXT NOT NULL,
	updated_at         TEXT NOT NULL,
	CHECK (ends_at >= starts_at)
);
-- Coming events soonest first, past ones newest first, the calendar feed.
CREATE INDEX events_start ON events (starts_at, id);
CREATE INDEX events_end ON events (ends_at);

-- A member organisation: a municipality or a region.
CREATE TABLE members (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,    -- e.g. "Malmö stad", "Region Skåne"
	kind        TEXT NOT NULL CHECK (kind IN ('kommun', 'region')),
	county      TEXT NOT NULL,           -- the county (län), e.g. "Skåne län"
	website     TEXT NOT NULL DEFAULT '',  -- http(s) URL, or ""
	joined_year INTEGER NOT NULL CHECK (joined_year BETWEEN 1980 AND 2100),
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))  -- 0: has left the network
);

-- A seat on the board.
CREATE TABLE board_seats (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,            -- the person's name
	role       TEXT NOT NULL
	           CHECK (role IN ('ordforande', 'vice_ordforande', 'ledamot', 'ersattare')),
	party      TEXT NOT NULL DEFAULT '', -- e.g. "S", "M", "C"
	member_id  INTEGER REFERENCES members(id) ON DELETE SET NULL,  -- the organisation they come from
	term_start INTEGER NOT NULL CHECK (term_start BETWEEN 1980 AND 2100),  -- first year of the term
	term_end   INTEGER NOT NULL CHECK (term_end BETWEEN 1980 AND 2100),    -- last year of the term
	CHECK (term_end >= term_start)
);

-- A page of text the coordinator can change without a deploy (/om, /bli-medlem).
CREATE TABLE pages (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE,     -- the path without its slash: "om", "bli-medlem"
	title      TEXT NOT NULL,
	body_md    TEXT NOT NULL DEFAULT '', -- as written, Markdown
	body_html  TEXT NOT NULL DEFAULT '', -- body_md by cmark in safe mode, at save time
	updated_at TEXT NOT NULL
);

-- The first text of the two pages; body_html is what md_to_html makes of body_md
-- (test_textpages checks that it still is).
INSERT INTO pages (slug, title, body_md, body_html, updated_at) VALUES
('om', 'Om nätverket',
'Healthy Cities Sverige är ett nätverk av kommuner och regioner som arbetar för god och jämlik hälsa och en socialt hållbar utveckling. Nätverket är en del av WHO:s europeiska Healthy Cities-rörelse.

## Vad vi gör

- Vi delar kunskap, erfarenheter och goda exempel mellan medlemmarna.
- Vi ordnar en årskonferens, ett höstmöte och seminarier.
- Vi för medlemmarnas talan i nationella och europeiska sammanhang.

Nätverket leds av en [styrelse](/styrelse) med politiker från medlemmarna. Se också [våra medlemmar](/medlemmar) och [hur man blir medlem](/bli-medlem).
',
'<p>Healthy Cities Sverige är ett nätverk av kommuner och regioner som arbetar för god och jämlik hälsa och en socialt hållbar utveckling. Nätverket är en del av WHO:s europeiska Healthy Cities-rörelse.</p>
<h2>Vad vi gör</h2>
<ul>
<li>Vi delar kunskap, erfarenheter och goda exempel mellan medlemmarna.</li>
<li>Vi ordnar en årskonferens, ett höstmöte och seminarier.</li>
<li>Vi för medlemmarnas talan i nationella och europeiska sammanhang.</li>
</ul>
<p>Nätverket leds av en <a href="/styrelse">styrelse</a> med politiker från medlemmarna. Se också <a href="/medlemmar">våra medlemmar</a> och <a href="/bli-medlem">hur man blir medlem</a>.</p>
',
strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('bli-medlem', 'Bli medlem',
'Alla kommuner och regioner i Sverige kan bli medlemmar i Healthy Cities Sverige.

## Så går det till

1. Kommunen eller regionen fattar ett politiskt beslut om medlemskap.
2. Skicka beslutet till nätverkets kansli.
3. Styrelsen välkomnar den nya medlemmen vid sitt nästa möte.

Medlemsavgiften beslutas av årsmötet. Kontakta kansliet om du har frågor.
',
'<p>Alla kommuner och regioner i Sverige kan bli medlemmar i Healthy Cities Sverige.</p>
<h2>Så går det till</h2>
<ol>
<li>Kommunen eller regionen fattar ett politiskt beslut om medlemskap.</li>
<li>Skicka beslutet till nätverkets kansli.</li>
<li>Styrelsen välkomnar den nya medlemmen vid sitt nästa möte.</li>
</ol>
<p>Medlemsavgiften beslutas av årsmötet. Kontakta kansliet om du har frågor.</p>
',
strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
