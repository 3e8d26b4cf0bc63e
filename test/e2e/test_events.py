"""Events through nginx: coming and past lists, one event, the start page, bad input."""
import re
import sqlite3

import pytest


def insert_event(site, slug, start, end, status="published", all_day=0, title=None,
                 online=0, reg_url="", reg_until=None, kind="seminarium"):
    """Inserts an event straight into the database (times in UTC storage form)."""
    site.sql(
        "INSERT INTO events (slug, title, kind, status, all_day, online, starts_at, ends_at, "
        "venue, town, description_html, description_text, registration_url, "
        "registration_until, created_at, updated_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, 'Stadshuset', 'Borås', '<p>Beskrivning</p>', 'Beskrivning', "
        "?, ?, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')",
        (slug, title or slug, kind, status, all_day, online, start, end, reg_url, reg_until))


def main(html):
    return html.split('<main', 1)[1].split('</main>', 1)[0]


def test_coming_events_grouped_by_month_soonest_first(site):
    r = site.get("/evenemang")
    assert r.status == 200
    body = main(r.text)
    months = re.findall(r"<h2>([a-zåäö]+ \d{4})</h2>", body)
    assert len(months) >= 2, body
    starts = re.findall(r'<time datetime="([^"]+)"', body)
    assert starts == sorted(starts)
    assert "Digitalt" in body
    assert 'class="tag cancelled">Inställt' in body
    assert "Utkast: planeringsdag" not in body          # drafts stay hidden
    assert "Webbinarium om folkhälsodata" not in body   # past
    assert 'href="/evenemang.ics"' in body


def test_past_events_newest_first_and_paginated(site):
    for i in range(20):
        insert_event(site, f"gammalt-{i:02d}", f"2019-0{1 + i % 9}-{10 + i % 15}T08:00:00Z",
                     f"2019-0{1 + i % 9}-{10 + i % 15}T10:00:00Z")
    r = site.get("/evenemang/tidigare")
    assert r.status == 200
    body = main(r.text)
    starts = re.findall(r'<time datetime="([^"]+)"', body)
    assert len(starts) == 20
    assert starts == sorted(starts, reverse=True)
    assert "Webbinarium om folkhälsodata" in body
    assert "Årskonferensen: social" not in body
    assert 'href="/evenemang/tidigare?sida=2"' in body
    r2 = site.get("/evenemang/tidigare?sida=2")
    assert r2.status == 200
    assert re.findall(r'<time datetime="([^"]+)"', main(r2.text))
    assert 'rel="prev"' in r2.text


def test_coming_events_paginated(make_site):
    s = make_site(seed=False)
    for i in range(45):
        insert_event(s, f"kommande-{i:02d}", f"2040-01-{1 + i % 28:02d}T08:00:00Z",
                     f"2040-01-{1 + i % 28:02d}T09:00:00Z")
    pages = [main(s.get(p).text) for p in
             ("/evenemang", "/evenemang?sida=2", "/evenemang?sida=3")]
    slugs = [re.findall(r'href="/evenemang/(kommande-\d+)"', b) for b in pages]
    assert [len(x) for x in slugs] == [20, 20, 5]
    assert len(set(sum(slugs, []))) == 45
    starts = sum((re.findall(r'<time datetime="([^"]+)"', b) for b in pages), [])
    assert starts == sorted(starts)
    assert 'href="/evenemang?sida=2" rel="next">Längre fram' in pages[0]
    assert 'href="/evenemang" rel="prev">Närmare i tiden' in pages[1]
    assert s.get("/evenemang?sida=4").status == 404
    assert s.get("/evenemang?sida=0").status == 400


@pytest.mark.parametrize("query,status", [
    ("?sida=0", 400), ("?sida=-1", 400), ("?sida=abc", 400), ("?sida=1e3", 400),
    ("?sida=99999999999999999999", 400), ("?sida=1&sida=2", 400), ("?sida=%00", 400),
    ("?sida=999", 404), ("?sida=", 400),
])
def test_past_events_page_abuse(site, query, status):
    r = site.get("/evenemang/tidigare" + query)
    assert r.status == status
    assert "Fel %d" % status in r.text


def test_one_event_page(site):
    slug = site.sql("SELECT slug FROM events WHERE kind = 'arskonferens' AND starts_at > "
                    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")[0][0]
    r = site.get("/evenemang/" + slug)
    assert r.status == 200
    body = main(r.text)
    assert "<h1>Årskonferensen: social hållbarhet i förändringens tid</h1>" in body
    # a three-day event: "d–d månad år" or "d månad–d månad år"
    assert re.search(r'>\d{1,2}( [a-zåäö]+)?–\d{1,2} [a-zåäö]+ \d{4}</time>', body), body
    assert "Kongresshuset, Östersund" in body
    assert 'href="https://example.org/anmalan/arskonferens"' in body
    assert 'href="https://example.org/program.pdf"' in body
    assert f'href="/evenemang/{slug}.ics">Lägg till i kalendern' in body
    assert "<p>Nätverkets årskonferens" in body


def test_date_written_the_swedish_way(site):
    insert_event(site, "datum-en-dag", "2030-11-19T08:00:00Z", "2030-11-19T11:00:00Z")
    insert_event(site, "datum-tva-dagar", "2030-10-20T22:00:00Z", "2030-10-22T22:00:00Z", all_day=1)
    insert_event(site, "datum-over-manad", "2030-09-29T22:00:00Z", "2030-10-02T22:00:00Z", all_day=1)
    assert "19 november 2030 kl. 09.00–12.00" in site.get("/evenemang/datum-en-dag").text
    assert "21–22 oktober 2030" in site.get("/evenemang/datum-tva-dagar").text
    assert "30 september–2 oktober 2030" in site.get("/evenemang/datum-over-manad").text


def test_cancelled_event_stays_visible_and_marked(site):
    slug = site.sql("SELECT slug FROM events WHERE status = 'cancelled' AND starts_at > "
                    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")[0][0]
    r = site.get("/evenemang/" + slug)
    assert r.status == 200
    assert "Inställt." in r.text
    assert "Anmäl dig här" not in r.text      # no registration for a cancelled event


def test_registration_hidden_after_last_day(site):
    insert_event(site, "anmalan-stangd", "2031-05-01T08:00:00Z", "2031-05-01T10:00:00Z",
                 reg_url="https://example.org/stangd", reg_until="2020-01-01")
    insert_event(site, "anmalan-oppen", "2031-05-01T08:00:00Z", "2031-05-01T10:00:00Z",
                 reg_url="https://example.org/oppen", reg_until="2031-04-20")
    assert "example.org/stangd" not in site.get("/evenemang/anmalan-stangd").text
    r = site.get("/evenemang/anmalan-oppen")
    assert 'href="https://example.org/oppen"' in r.text
    assert "senast 20 april 2031" in r.text


def test_digital_event_has_join_link(site):
    slug = site.sql("SELECT slug FROM events WHERE online = 1 AND starts_at > "
                    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")[0][0]
    body = main(site.get("/evenemang/" + slug).text)
    assert "Digitalt" in body
    assert 'href="https://example.org/mote/budget">anslut till mötet' in body


def test_start_page_shows_next_three_events(site):
    body = main(site.get("/").text)
    box = body.split('class="home-events"', 1)[1]
    titles = re.findall(r'<li>\s*<a href="/evenemang/([^"]+)"', box)
    expected = [s for (s,) in site.sql(
        "SELECT slug FROM events WHERE status IN ('published', 'cancelled') AND ends_at > "
        "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ORDER BY starts_at, id LIMIT 3")]
    assert titles == expected
    assert "Senaste nytt" in body


@pytest.mark.parametrize("path", [
    "/evenemang/finns-inte", "/evenemang/Stora-Bokstaver", "/evenemang/%C3%A5%C3%A4",
    "/evenemang/utkast-planeringsdag-for-styrelsen", "/evenemang/finns-inte.ics",
    "/evenemang/utkast-planeringsdag-for-styrelsen.ics", "/evenemang/a/b",
    "/evenemang/" + "a" * 300,
])
def test_unknown_or_hidden_event_is_404(site, path):
    r = site.get(path)
    assert r.status == 404
    assert "Sidan finns inte" in r.text


def test_post_to_event_pages_is_405(site):
    for path in ["/evenemang", "/evenemang.ics", "/evenemang/tidigare", "/medlemmar"]:
        r = site.post(path, {"a": "b"})
        assert r.status == 405
        assert "GET" in r.headers["allow"]


def test_end_before_start_refused_by_the_database(site):
    with pytest.raises(sqlite3.IntegrityError):
        insert_event(site, "baklanges", "2030-05-02T10:00:00Z", "2030-05-01T10:00:00Z")
    with pytest.raises(sqlite3.IntegrityError):
        insert_event(site, "fel-format", "2030-05-02 10:00", "2030-05-03T10:00:00Z")
    with pytest.raises(sqlite3.IntegrityError):
        insert_event(site, "fel-sort", "2030-05-02T10:00:00Z", "2030-05-03T10:00:00Z",
                     kind="fest")
    assert site.sql("SELECT count(*) FROM events WHERE slug IN "
                    "('baklanges', 'fel-format', 'fel-sort')") == [(0,)]


def test_event_text_is_escaped(site):
    insert_event(site, "elak-titel", "2032-01-01T08:00:00Z", "2032-01-01T09:00:00Z",
                 title='<script>alert(1)</script>"><svg onload=alert(1)>',
                 reg_url="javascript:alert(1)")
    for path in ["/evenemang", "/evenemang/elak-titel"]:
        r = site.get(path)
        assert "<script>alert(1)" not in r.text
        assert "<svg" not in r.text
        assert "&lt;script&gt;" in r.text
    assert 'href="javascript:' not in site.get("/evenemang/elak-titel").text
