"""Editing events, member organisations, board seats and the text pages through the admin, seen on the public pages."""
import datetime
import html
import re
import time
import urllib.parse
from zoneinfo import ZoneInfo

import pytest

from admin_helpers import Admin, add_user, field_value, textarea

STHLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="module")
def site():
    """A site of its own: these tests add and change members, seats and pages that other tests count."""
    from conftest import Site
    s = Site(seed=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def ed(site):
    return Admin(site, add_user(site, "content"))


def future(days, hour=9, minute=0):
    d = datetime.datetime.now(STHLM) + datetime.timedelta(days=days)
    return d.replace(hour=hour, minute=minute, second=0, microsecond=0)


def fmt(d):
    return d.strftime("%Y-%m-%d %H:%M")


def event_form(**kw):
    f = {"title": "", "kind": "seminarium", "status": "published", "start": fmt(future(30, 9)),
         "end": fmt(future(30, 12)), "venue": "Stadshuset", "town": "Malmö", "join_url": "",
         "description": "", "registration_url": "", "registration_until": "", "programme": "0",
         "programme_url": "", "version": "1"}
    f.update(kw)
    # start and end "YYYY-MM-DD HH:MM" (or a date) fill the date and time fields
    for k in ("start", "end"):
        d, _, t = f.pop(k).partition(" ")
        f.setdefault(k + "_date", d)
        f.setdefault(k + "_time", t)
    return f


def member_form(**kw):
    f = {"name": "", "kind": "kommun", "county": "Skåne län", "website": "", "joined_year": "2020",
         "active": "1", "version": "1"}
    f.update(kw)
    return f


def seat_form(**kw):
    year = datetime.date.today().year
    f = {"name": "", "role": "ledamot", "party": "S", "member": "0", "term_start": str(year - 1),
         "term_end": str(year + 1), "version": "1"}
    f.update(kw)
    return f


def created_id(r, base):
    assert r.status == 303, (r.status, r.text[:2000])
    m = re.match(re.escape(base) + r"/(\d+)\?klart=2$", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def create_event(ed, **kw):
    return created_id(ed.post("/admin/evenemang/ny", event_form(**kw)), "/admin/evenemang")


def create_member(ed, **kw):
    return created_id(ed.post("/admin/medlemmar/ny", member_form(**kw)), "/admin/medlemmar")


def create_seat(ed, **kw):
    return created_id(ed.post("/admin/styrelse/ny", seat_form(**kw)), "/admin/styrelse")


def version(site, table, key, value):
    return str(site.sql(f"SELECT version FROM {table} WHERE {key} = ?", (value,))[0][0])


def audit(site, item_type, item_id):
    return [a for (a,) in site.sql("SELECT action FROM audit_log WHERE item_type = ? AND item_id = ? "
                                   "ORDER BY id", (item_type, item_id))]


def uniq(s):
    return f"{s} {time.time_ns()}"


# ---- events ----

def test_event_create_edit_delete(site, ed):
    title = uniq("Seminarium om jämlik hälsa")
    eid = create_event(ed, title=title, description="Välkommen till **seminariet**.",
                       registration_url="https://anmalan.example/x", registration_until=future(20).strftime("%Y-%m-%d"),
                       programme_url="https://example.org/program.pdf")
    slug = site.sql("SELECT slug FROM events WHERE id = ?", (eid,))[0][0]
    page = ed.get(f"/admin/evenemang/{eid}?klart=2")
    assert page.status == 200 and "Skapat." in page.text
    assert page.headers.get("cache-control") == "no-store"
    assert field_value(page.text, "title") == title
    assert title in ed.get("/admin/evenemang").text
    pub = site.get(f"/evenemang/{slug}")
    assert pub.status == 200 and title in pub.text
    assert "<strong>seminariet</strong>" in pub.text and "Stadshuset" in pub.text
    assert 'href="https://example.org/program.pdf"' in pub.text
    assert "https://anmalan.example/x" in pub.text
    assert title in site.get("/evenemang").text
    # edit: whole days over two days, digital
    d1 = future(40).strftime("%Y-%m-%d")
    d2 = future(41).strftime("%Y-%m-%d")
    new_title = title + " – flyttat"
    r = ed.post(f"/admin/evenemang/{eid}", event_form(
        title=new_title, kind="hostmote", all_day="1", start=d1, end=d2, online="1",
        join_url="https://mote.example/abc", description="Ny text.", version=version(site, "events", "id", eid)))
    assert r.status == 303 and r.headers["location"] == f"/admin/evenemang/{eid}?klart=1", r
    row = site.sql("SELECT title, kind, all_day, online, venue, town, join_url, slug FROM events WHERE id = ?",
                   (eid,))[0]
    assert row == (new_title, "hostmote", 1, 1, "", "", "https://mote.example/abc", slug)
    pub = site.get(f"/evenemang/{slug}").text
    assert new_title in pub and "Ny text." in pub and "Digitalt" in pub and "Stadshuset" not in pub
    form = ed.get(f"/admin/evenemang/{eid}").text
    assert field_value(form, "start_date") == d1 and field_value(form, "end_date") == d2
    assert field_value(form, "start_time") == "" and field_value(form, "end_time") == ""
    assert re.search(r'name="all_day" value="1" checked', form)
    # cancelled stays public, draft disappears
    r = ed.post(f"/admin/evenemang/{eid}", event_form(title=new_title, status="cancelled",
                                                      version=version(site, "events", "id", eid)))
    assert r.status == 303
    assert "Inställt." in site.get(f"/evenemang/{slug}").text
    r = ed.post(f"/admin/evenemang/{eid}", event_form(title=new_title, status="draft",
                                                      version=version(site, "events", "id", eid)))
    assert r.status == 303
    assert site.get(f"/evenemang/{slug}").status == 404
    assert new_title not in site.get("/evenemang").text
    # delete: confirmation first, GET changes nothing
    ask = ed.get(f"/admin/evenemang/radera/{eid}")
    assert ask.status == 200 and "Ja, radera" in ask.text and html.escape(new_title) in ask.text
    assert site.sql("SELECT count(*) FROM events WHERE id = ?", (eid,)) == [(1,)]
    r = ed.post(f"/admin/evenemang/radera/{eid}", {})
    assert r.status == 303 and r.headers["location"] == "/admin/evenemang?klart=3"
    assert site.sql("SELECT count(*) FROM events WHERE id = ?", (eid,)) == [(0,)]
    assert ed.get(f"/admin/evenemang/{eid}").status == 404
    assert audit(site, "event", eid) == ["create", "update", "update", "update", "delete"]


def test_event_end_before_start_refused_text_kept(site, ed):
    desc = "Min beskrivning\nrad två"
    r = ed.post("/admin/evenemang/ny", event_form(title="Baklänges", start="2030-05-10 13:00",
                                                   end="2030-05-10 09:00", description=desc, town="Umeå"))
    assert r.status == 422
    assert "Slutet kan inte vara före starten" in r.text
    assert re.search(r'id="end_time-fel">Slutet kan inte', r.text)        # at the field
    assert field_value(r.text, "title") == "Baklänges"
    assert (field_value(r.text, "start_date"), field_value(r.text, "start_time")) == ("2030-05-10", "13:00")
    assert (field_value(r.text, "end_date"), field_value(r.text, "end_time")) == ("2030-05-10", "09:00")
    assert field_value(r.text, "town") == "Umeå"
    assert textarea(r.text, "description") == desc
    assert re.search(r'<option value="seminarium" selected>', r.text)
    r = ed.post("/admin/evenemang/ny", event_form(title="Baklänges heldag", all_day="1", start="2030-05-10",
                                                   end="2030-05-08"))
    assert r.status == 422 and "Sista dagen kan inte vara före första dagen" in r.text
    r = ed.post("/admin/evenemang/ny", event_form(title="Fel datum", start_date="nästa vecka"))
    assert r.status == 422 and "kunde inte läsas som ett datum" in r.text
    assert field_value(r.text, "start_date") == "nästa vecka"
    r = ed.post("/admin/evenemang/ny", event_form(title="Ingen ort", town="", venue=""))
    assert r.status == 422 and "Ange orten" in r.text
    r = ed.post("/admin/evenemang/ny", event_form(title="Fel sista dag", registration_until="1 marsipan"))
    assert r.status == 422 and "Sista anmälningsdag kunde inte läsas" in r.text
    r = ed.post("/admin/evenemang/ny", event_form(title="Okänd typ", kind="fest"))
    assert r.status == 422
    assert site.sql("SELECT count(*) FROM events WHERE title IN ('Baklänges', 'Baklänges heldag', 'Fel datum', "
                    "'Ingen ort', 'Fel sista dag', 'Okänd typ')") == [(0,)]


def test_event_whole_day_single(site, ed):
    day = future(50).strftime("%Y-%m-%d")
    eid = create_event(ed, title=uniq("Heldag"), all_day="1", start=day, end="")
    s, e = site.sql("SELECT starts_at, ends_at FROM events WHERE id = ?", (eid,))[0]
    start = datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    end = datetime.datetime.strptime(e, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    assert start.astimezone(STHLM).strftime("%Y-%m-%d %H:%M") == day + " 00:00"
    assert (end - start) == datetime.timedelta(days=1)


def test_event_programme_pdf_select(site, ed):
    page = ed.get("/admin/evenemang/ny").text
    assert '<select id="programme" name="programme"' in page and "Ingen PDF" in page
    assert "Markdown" in page
    r = ed.post("/admin/evenemang/ny", event_form(title="Fel PDF", programme="99999999"))
    assert r.status == 422 and "PDF i mediebiblioteket" in r.text


# ---- members ----

def test_member_create_edit_delete(site, ed):
    name = uniq("Testby kommun")
    mid = create_member(ed, name=name, county="Jämtlands län", website="https://testby.example", joined_year="2019")
    pub = site.get("/medlemmar").text
    assert name in pub and "Jämtlands län" in pub
    assert name in ed.get("/admin/medlemmar").text
    # same name refused at the field, kept
    r = ed.post("/admin/medlemmar/ny", member_form(name=name))
    assert r.status == 422 and "finns redan en medlem" in r.text and field_value(r.text, "name") == name
    # edit: region, left the network
    f = member_form(name=name + " ny", kind="region", county="Jämtlands län", joined_year="2018",
                    version=version(site, "members", "id", mid))
    del f["active"]                                   # an unchecked checkbox is not sent
    r = ed.post(f"/admin/medlemmar/{mid}", f)
    assert r.status == 303, r
    assert site.sql("SELECT name, kind, joined_year, active FROM members WHERE id = ?", (mid,)) == \
        [(name + " ny", "region", 2018, 0)]
    assert name not in site.get("/medlemmar").text
    r = ed.post(f"/admin/medlemmar/{mid}", member_form(name=name + " ny", active="1",
                                                        version=version(site, "members", "id", mid)))
    assert r.status == 303 and name + " ny" in site.get("/medlemmar").text
    r = ed.post("/admin/medlemmar/ny", member_form(name="Årslös", joined_year="1850"))
    assert r.status == 422 and "heltal från 1980 till 2100" in r.text and field_value(r.text, "joined_year") == "1850"
    ask = ed.get(f"/admin/medlemmar/radera/{mid}")
    assert ask.status == 200 and "Ja, radera" in ask.text
    r = ed.post(f"/admin/medlemmar/radera/{mid}", {})
    assert r.status == 303 and r.headers["location"] == "/admin/medlemmar?klart=3"
    assert name not in site.get("/medlemmar").text
    assert audit(site, "member", mid) == ["create", "update", "update", "delete"]


# ---- board ----

def test_seat_create_edit_delete(site, ed):
    org = uniq("Styrelsestad")
    mid = create_member(ed, name=org)
    person = uniq("Karin Ordförande")
    sid = create_seat(ed, name=person, role="vice_ordforande", party="C", member=str(mid))
    pub = site.get("/styrelse").text
    assert person in pub and org in pub and "Vice ordförande" in pub
    assert person in ed.get("/admin/styrelse").text
    r = ed.post(f"/admin/styrelse/{sid}", seat_form(name=person + " B", role="ersattare", party="MP", member="0",
                                                     version=version(site, "board_seats", "id", sid)))
    assert r.status == 303
    assert site.sql("SELECT name, role, party, member_id FROM board_seats WHERE id = ?", (sid,)) == \
        [(person + " B", "ersattare", "MP", None)]
    assert person + " B" in site.get("/styrelse").text
    # a term ending before it starts is refused at the field, values kept
    r = ed.post("/admin/styrelse/ny", seat_form(name="Fel period", term_start="2026", term_end="2024"))
    assert r.status == 422 and re.search(r'id="term_end-fel">Mandatperiodens sista år', r.text)
    assert field_value(r.text, "term_start") == "2026" and field_value(r.text, "term_end") == "2024"
    r = ed.post("/admin/styrelse/ny", seat_form(name="Okänd org", member="99999999"))
    assert r.status == 422 and "organisationen finns inte" in r.text
    r = ed.post("/admin/styrelse/ny", seat_form(name="Okänd roll", role="kung"))
    assert r.status == 422
    # deleting the member keeps the seat, without organisation
    sid2 = create_seat(ed, name=uniq("Sven Ledamot"), member=str(mid))
    assert ed.post(f"/admin/medlemmar/radera/{mid}", {}).status == 303
    assert site.sql("SELECT member_id FROM board_seats WHERE id = ?", (sid2,)) == [(None,)]
    assert ed.get(f"/admin/styrelse/radera/{sid}").status == 200
    r = ed.post(f"/admin/styrelse/radera/{sid}", {})
    assert r.status == 303 and r.headers["location"] == "/admin/styrelse?klart=3"
    assert person not in site.get("/styrelse").text
    assert audit(site, "board", sid) == ["create", "update", "delete"]


# ---- text pages ----

@pytest.mark.parametrize("slug", ["om", "bli-medlem"])
def test_text_page_edit(site, ed, slug):
    lst = ed.get("/admin/sidor").text
    assert f'href="/admin/sidor/{slug}"' in lst
    form = ed.get(f"/admin/sidor/{slug}").text
    old_title = field_value(form, "title")
    old_body = textarea(form, "body")
    assert old_title and old_body
    title = uniq("Ny rubrik")
    r = ed.post(f"/admin/sidor/{slug}", {"title": title, "body": "## Rubrik två\n\nText med *betoning*.",
                                        "version": version(site, "pages", "slug", slug)})
    assert r.status == 303 and r.headers["location"] == f"/admin/sidor/{slug}?klart=1"
    pub = site.get(f"/{slug}").text
    assert title in pub and "<em>betoning</em>" in pub and "<h2>Rubrik två</h2>" in pub
    r = ed.post(f"/admin/sidor/{slug}", {"title": old_title, "body": old_body,
                                        "version": version(site, "pages", "slug", slug)})
    assert r.status == 303
    assert old_title in site.get(f"/{slug}").text
    # no delete, no other pages
    assert ed.get(f"/admin/sidor/radera/{slug}").status == 404
    assert ed.get("/admin/sidor/nyheter").status == 404
    assert ed.post("/admin/sidor/annan", {"title": "x", "body": "y", "version": "1"}).status == 404
    acts = site.sql("SELECT action, summary FROM audit_log WHERE item_type = 'page' AND summary LIKE ?",
                    (f"/{slug}: %",))
    assert len(acts) >= 2 and all(a == "update" for a, _ in acts)


# ---- two editors ----

def stale_case(site, ed, other, path, fields, field, typed):
    v = field_value(ed.get(path).text, "version")
    assert field_value(other.get(path).text, "version") == v
    r = ed.post(path, dict(fields, version=v))
    assert r.status == 303, r
    mine = dict(fields, version=v, **{field: typed})
    r = other.post(path, mine)
    assert r.status == 409, path
    assert "Någon annan har sparat" in r.text
    kept = textarea(r.text, field) if field in ("description", "body") else field_value(r.text, field)
    assert kept == typed
    assert other.post(path, mine).status == 409      # again: still refused


def test_stale_version_refused_everywhere(site, ed):
    other = Admin(site, add_user(site, "content2"))
    eid = create_event(ed, title=uniq("Delat evenemang"))
    stale_case(site, ed, other, f"/admin/evenemang/{eid}", event_form(title="Hans"), "description", "Hennes text")
    assert site.sql("SELECT title FROM events WHERE id = ?", (eid,)) == [("Hans",)]
    mid = create_member(ed, name=uniq("Delad kommun"))
    stale_case(site, ed, other, f"/admin/medlemmar/{mid}", member_form(name=uniq("Hans kommun")), "name",
               "Hennes kommun")
    sid = create_seat(ed, name=uniq("Delad plats"))
    stale_case(site, ed, other, f"/admin/styrelse/{sid}", seat_form(name="Hans namn"), "name", "Hennes namn")
    form = ed.get("/admin/sidor/om").text
    stale_case(site, ed, other, "/admin/sidor/om", {"title": field_value(form, "title"),
                                                     "body": textarea(form, "body")}, "body", "Hennes sida")
    # a form without a version is refused, not saved
    r = ed.post(f"/admin/medlemmar/{mid}", {k: v for k, v in member_form(name="Utan version").items()
                                             if k != "version"})
    assert r.status == 422
    assert site.sql("SELECT count(*) FROM members WHERE name = 'Utan version'") == [(0,)]


# ---- hostile input ----

HOSTILE = ["<script>alert(1)</script>", '"><svg onload=alert(1)>', "</textarea><b>x</b>",
           "javascript:alert(1)"]


def assert_escaped(text):
    assert "<script>alert" not in text
    assert "<svg onload" not in text
    assert "</textarea><b>" not in text
    assert 'href="javascript:' not in text


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_escaped_everywhere(site, ed, payload):
    t = f"{payload} {time.time_ns()}"
    eid = create_event(ed, title=t, venue=payload, town=payload, description=payload)
    slug = site.sql("SELECT slug FROM events WHERE id = ?", (eid,))[0][0]
    assert site.sql("SELECT title, venue, town, description_md FROM events WHERE id = ?", (eid,)) == \
        [(t, payload, payload, payload)]
    mid = create_member(ed, name=t, county=payload)
    sid = create_seat(ed, name=t, party=payload[:50], member=str(mid))
    form = ed.get("/admin/sidor/bli-medlem").text
    r = ed.post("/admin/sidor/bli-medlem", {"title": t, "body": payload,
                                            "version": version(site, "pages", "slug", "bli-medlem")})
    assert r.status == 303
    pages = [site.get(p).text for p in (f"/evenemang/{slug}", "/evenemang", "/medlemmar", "/styrelse",
                                        "/bli-medlem", "/")]
    admin = [ed.get(p).text for p in (f"/admin/evenemang/{eid}", "/admin/evenemang", f"/admin/evenemang/radera/{eid}",
                                      f"/admin/medlemmar/{mid}", "/admin/medlemmar", f"/admin/styrelse/{sid}",
                                      "/admin/styrelse", "/admin/sidor/bli-medlem", "/admin/sidor", "/admin")]
    for text in pages + admin:
        assert_escaped(text)
    assert t in html.unescape(pages[0]) and t in html.unescape(pages[2]) and t in html.unescape(pages[3])
    assert field_value(admin[0], "title") == t and textarea(admin[0], "description") == payload
    assert field_value(admin[3], "county") == payload
    assert textarea(admin[7], "body") == payload
    ed.post("/admin/sidor/bli-medlem", {"title": field_value(form, "title"), "body": textarea(form, "body"),
                                        "version": version(site, "pages", "slug", "bli-medlem")})
    ed.post(f"/admin/evenemang/radera/{eid}", {})
    ed.post(f"/admin/styrelse/radera/{sid}", {})
    ed.post(f"/admin/medlemmar/radera/{mid}", {})


URL_FIELDS = [("/admin/evenemang/ny", event_form, ["join_url", "registration_url", "programme_url"]),
              ("/admin/medlemmar/ny", member_form, ["website"])]


def test_javascript_urls_refused(site, ed):
    for path, make, fields in URL_FIELDS:
        for field in fields:
            for bad in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "ftp://x.example/",
                        "/relativ", '"><svg onload=alert(1)>', "https://x.example/<script>"]:
                r = ed.post(path, make(**dict({"title": "Länk", "name": uniq("Länk")}, **{field: bad})))
                assert r.status == 422, (field, bad)
                assert "webbadress som börjar med https://" in r.text, (field, bad)
                assert field_value(r.text, field) == bad
    # Markdown links with javascript: are emptied by the renderer
    eid = create_event(ed, title=uniq("Md-länk"), description="[klick](javascript:alert(1))")
    slug = site.sql("SELECT slug FROM events WHERE id = ?", (eid,))[0][0]
    assert_escaped(site.get(f"/evenemang/{slug}").text)


SINGLE_LINE = [("/admin/evenemang/ny", event_form, ["title", "venue", "town"]),
               ("/admin/medlemmar/ny", member_form, ["name", "county"]),
               ("/admin/styrelse/ny", seat_form, ["name", "party"])]


def test_crlf_in_single_line_fields_refused(site, ed):
    for path, make, fields in SINGLE_LINE:
        for field in fields:
            r = ed.post(path, make(**dict({"title": "Rad", "name": "Rad"}, **{field: "rad ett\r\nrad två"})))
            assert r.status == 422, (path, field)
            assert "radbrytningar" in r.text, (path, field)
    r = ed.post("/admin/sidor/om", {"title": "rad\r\ntvå", "body": "x", "version": version(site, "pages", "slug", "om")})
    assert r.status == 422 and "radbrytningar" in r.text
    eid = create_event(ed, title=uniq("CRLF"), description="ett\r\ntvå\r\n\r\ntre")
    assert site.sql("SELECT description_md FROM events WHERE id = ?", (eid,)) == [("ett\ntvå\n\ntre",)]


EVERY_INPUT = SINGLE_LINE + [
    ("/admin/evenemang/ny", event_form, ["start_date", "start_time", "end_date", "end_time", "join_url", "registration_url", "registration_until",
                                         "programme_url"]),
    ("/admin/medlemmar/ny", member_form, ["website", "joined_year"]),
    ("/admin/styrelse/ny", seat_form, ["term_start", "term_end"])]


def test_100kb_text(site, ed):
    big = "å" * 50000                                   # 100 KB
    for path, make, fields in EVERY_INPUT:
        for field in fields:
            r = ed.post(path, make(**dict({"title": "Stor", "name": "Stor"}, **{field: big})))
            assert r.status == 422, (path, field)
            assert "högst" in r.text, (path, field)
            assert field_value(r.text, field) == big, (path, field)
    eid = create_event(ed, title=uniq("Lång"), description=big)
    slug = site.sql("SELECT slug FROM events WHERE id = ?", (eid,))[0][0]
    assert big in site.get(f"/evenemang/{slug}").text
    assert textarea(ed.get(f"/admin/evenemang/{eid}").text, "description") == big
    r = ed.post("/admin/sidor/om", {"title": "Om", "body": "a" * 100_000, "version": version(site, "pages", "slug", "om")})
    assert r.status == 422 and "högst 60000 tecken" in r.text and textarea(r.text, "body") == "a" * 100_000


def test_invalid_utf8_refused(site, ed):
    cases = [("/admin/evenemang/ny", "title=ok&kind=annat&status=draft&start_date=2030-01-01&start_time=10:00&end_time=11:00"
              "&town=x&version=1", ["title", "venue", "town", "description"]),
             ("/admin/medlemmar/ny", "name=ok&kind=kommun&county=x&joined_year=2020&version=1", ["name", "county"]),
             ("/admin/styrelse/ny", "name=ok&role=ledamot&term_start=2024&term_end=2026&version=1", ["name", "party"]),
             ("/admin/sidor/om", "title=ok&body=x&version=1", ["title", "body"])]
    before = site.sql("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM members), "
                      "(SELECT count(*) FROM board_seats), (SELECT group_concat(title) FROM pages)")
    for path, base, fields in cases:
        for field in fields:
            for bad in (b"%FF%FE", b"%C3%28", b"ok%ED%A0%80"):
                body = b"csrf=" + ed.csrf.encode() + b"&" + base.encode() + b"&" + field.encode() + b"=" + bad
                r = ed.post(path, body)
                assert r.status in (400, 422), (path, field, bad, r.status)
                assert "Felaktig begäran" in r.text or "tecken som inte kan läsas" in r.text, (path, field)
    after = site.sql("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM members), "
                     "(SELECT count(*) FROM board_seats), (SELECT group_concat(title) FROM pages)")
    assert before == after


# ---- the guard on every new route ----

NEW_POSTS = ["/admin/evenemang/ny", "/admin/evenemang/1", "/admin/evenemang/radera/1",
             "/admin/medlemmar/ny", "/admin/medlemmar/1", "/admin/medlemmar/radera/1",
             "/admin/styrelse/ny", "/admin/styrelse/1", "/admin/styrelse/radera/1", "/admin/sidor/om"]
NEW_GETS = ["/admin/evenemang", "/admin/evenemang/ny", "/admin/medlemmar", "/admin/medlemmar/ny",
            "/admin/styrelse", "/admin/styrelse/ny", "/admin/sidor", "/admin/sidor/om"]


def raw_post(site, path, fields, headers):
    h = {"Content-Type": "application/x-www-form-urlencoded"}
    h.update(headers)
    return site.request("POST", path, body=urllib.parse.urlencode(fields), headers=h)


def test_new_routes_guarded(site, ed):
    # real targets: an event, a member and a seat with id 1 may not exist; make sure they do
    for path in NEW_GETS:
        r = site.get(path)
        assert r.status == 303 and r.headers["location"].startswith("/admin/login?next="), path
        r = ed.get(path)
        assert r.status == 200 and r.headers.get("cache-control") == "no-store", path
    ck = {"Cookie": f"hcsession={ed.token}"}
    before = site.sql("SELECT count(*) FROM audit_log WHERE user_email = ? AND action <> 'login'", (ed.email,))
    om = site.sql("SELECT title, version FROM pages WHERE slug = 'om'")
    for path in NEW_POSTS:
        fields = [("title", "Kapad"), ("name", "Kapad"), ("body", "x"), ("version", "1")]
        r = raw_post(site, path, [("csrf", ed.csrf)] + fields, {"Origin": site.url})
        assert r.status == 403, ("no session", path)
        r = raw_post(site, path, fields, dict(ck, Origin=site.url))
        assert r.status == 403, ("no csrf", path)
        r = raw_post(site, path, [("csrf", "b" * 64)] + fields, dict(ck, Origin=site.url))
        assert r.status == 403, ("wrong csrf", path)
        r = raw_post(site, path, [("csrf", ed.csrf)] + fields, dict(ck, Origin="https://evil.example"))
        assert r.status == 403, ("cross-site origin", path)
        r = raw_post(site, path, [("csrf", ed.csrf)] + fields, dict(ck, **{"Sec-Fetch-Site": "cross-site"}))
        assert r.status == 403, ("cross-site fetch", path)
    # GET where POST is required: the delete targets answer only with the confirmation, nothing changes
    for path in ["/admin/evenemang/radera/1", "/admin/medlemmar/radera/1", "/admin/styrelse/radera/1"]:
        assert ed.get(path).status in (200, 404)
    assert site.sql("SELECT count(*) FROM audit_log WHERE user_email = ? AND action <> 'login'",
                    (ed.email,)) == before
    assert site.sql("SELECT title, version FROM pages WHERE slug = 'om'") == om
    assert site.sql("SELECT count(*) FROM members WHERE name = 'Kapad'") == [(0,)]
    # methods other than GET/POST are refused
    for path in ["/admin/evenemang/ny", "/admin/sidor/om"]:
        r = site.request("DELETE", path, headers=ck)
        assert r.status == 405, path
        r = site.request("PUT", path, body="x", headers=ck)
        assert r.status == 405, path


def test_navigation_and_dashboard_links(site, ed):
    soon = datetime.datetime.now(STHLM) + datetime.timedelta(minutes=2)
    title = uniq("Snart")
    eid = create_event(ed, title=title, start=fmt(soon), end=fmt(soon + datetime.timedelta(hours=1)))
    page = ed.get("/admin").text
    for href in ["/admin/evenemang", "/admin/medlemmar", "/admin/styrelse", "/admin/sidor",
                 "/admin/evenemang/ny", f"/admin/evenemang/{eid}"]:
        assert f'href="{href}"' in page, href
    assert title in page
    for path, href in [("/admin/sidor", "/admin/sidor"), ("/admin/evenemang/ny", "/admin/evenemang"),
                       ("/admin/medlemmar", "/admin/medlemmar"), ("/admin/styrelse/ny", "/admin/styrelse")]:
        assert f'href="{href}" aria-current="page"' in ed.get(path).text, path


def test_bad_ids(site, ed):
    for path in ["/admin/evenemang/0", "/admin/evenemang/abc", "/admin/evenemang/99999999",
                 "/admin/medlemmar/-1", "/admin/medlemmar/99999999", "/admin/styrelse/x",
                 "/admin/styrelse/radera/99999999", "/admin/evenemang/radera/abc"]:
        assert ed.get(path).status == 404, path
    for path in ["/admin/evenemang/99999999", "/admin/medlemmar/99999999", "/admin/styrelse/99999999"]:
        assert ed.post(path, {"title": "x", "name": "x", "version": "1"}).status == 404, path


def test_event_slugs_unique_and_never_a_route(site, ed):
    a = create_event(ed, title="Tidigare")
    b = create_event(ed, title="Dubbel titel")
    c = create_event(ed, title="Dubbel titel")
    slugs = {i: site.sql("SELECT slug FROM events WHERE id = ?", (i,))[0][0] for i in (a, b, c)}
    assert slugs[a] == "tidigare-2"
    assert slugs[b] == "dubbel-titel" and slugs[c] == "dubbel-titel-2"
    assert "Tidigare" in site.get("/evenemang/tidigare-2").text
