"""Registration for events on the site, through nginx: the form, places, waiting list, the race for
the last place, cancelling, bad input, the form protection, the desk, CSV and deletion after the event."""
import concurrent.futures
import csv
import hashlib
import io
import re

import pytest

from admin_helpers import Admin, add_user
from reg_helpers import (add_event, form_cookie, main, make_reg_site, person, register,
                         registrations, summary_links)


@pytest.fixture(scope="module")
def rs():
    s = make_reg_site()
    yield s
    s.close()


@pytest.fixture(scope="module")
def admin(rs):
    return Admin(rs, add_user(rs, "reg", role="coordinator"))


def cancel_token(site, email, eid):
    """Gives the registration a cancel token the test knows (the mail test reads it from the mail)."""
    token = hashlib.sha256(f"{email}{eid}".encode()).hexdigest()
    h = hashlib.blake2b(token.encode(), digest_size=32).hexdigest()
    site.sql("UPDATE registrations SET token_hash = ? WHERE event_id = ? AND email = ?", (h, eid, email))
    return token


def test_form_on_page_and_registering_takes_a_place(rs):
    eid = add_event(rs, "form-1", places=3, asks=(1, 1, 1, 1))
    r = rs.get("/evenemang/form-1")
    assert r.status == 200
    body = main(r.text)
    assert 'action="/anmalan/form-1#anmalan"' in body
    assert "3 platser kvar." in body
    for name, ac in (("name", "name"), ("email", "email"), ("organisation", "organization"),
                     ("phone", "tel")):
        assert re.search(rf'<input[^>]*name="{name}"[^>]*autocomplete="{ac}"', body), name
    assert 'name="attend" value="digitalt"' in body and 'name="diet"' in body
    assert "raderas automatiskt 90 dagar efter" in body
    r = register(rs, "form-1", person(1, attend="digitalt", phone="+46 70-123 45 67",
                                      diet="Vegetarisk", message="Hej!\r\nRad två"))
    assert r.status == 200, r
    assert "Du är anmäld till Seminarium form-1" in r.text
    row = rs.sql("SELECT name, organisation, phone, diet, attend, message, status, source, "
                 "length(token_hash) FROM registrations WHERE event_id = ?", (eid,))
    assert row == [("Person 1 Åström", "Örebro kommun", "+46 70-123 45 67", "Vegetarisk",
                    "digitalt", "Hej!\nRad två", "registered", "web", 64)]
    assert "2 platser kvar." in main(rs.get("/evenemang/form-1").text)


def test_event_without_signup_keeps_its_link(rs):
    rs.sql("INSERT INTO events (slug, title, status, starts_at, ends_at, registration_url, "
           "created_at, updated_at) VALUES ('lank-1', 'Länkat', 'published', '2031-01-01T08:00:00Z', "
           "'2031-01-01T10:00:00Z', 'https://anmal.example/x', '2026-01-01T00:00:00Z', "
           "'2026-01-01T00:00:00Z')")
    body = main(rs.get("/evenemang/lank-1").text)
    assert 'href="https://anmal.example/x"' in body
    assert 'class="signup"' not in body
    assert rs.post("/anmalan/lank-1", person(1), headers={"Cookie": f"hcform={form_cookie()}"}).status == 404


def test_form_cookie_is_set_fresh_and_never_from_a_cached_copy(rs):
    add_event(rs, "kaka-1", places=None)
    a = rs.get("/evenemang/kaka-1").headers.get("set-cookie", "")
    b = rs.get("/evenemang/kaka-1").headers.get("set-cookie", "")
    assert re.match(r"hcform=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict", a), a
    assert a.split(";")[0] != b.split(";")[0]
    for _ in range(3):     # a browser that has it gets the cacheable page without a cookie
        r = rs.get("/evenemang/kaka-1", headers={"Cookie": f"hcform={form_cookie()}"})
        assert r.status == 200 and "set-cookie" not in r.headers
    # the answer to a registration spends the cookie and gives a new one
    c = form_cookie()
    r = register(rs, "kaka-1", person(2), cookie=c)
    new = r.headers.get("set-cookie", "")
    assert new.startswith("hcform=") and c not in new


def test_full_event_with_waiting_list(rs):
    eid = add_event(rs, "full-wl", places=1, waitlist=1)
    assert register(rs, "full-wl", person(1)).status == 200
    body = main(rs.get("/evenemang/full-wl").text)
    assert "Fullbokat – anmäl dig till väntelistan" in body
    assert "Anmäl mig till väntelistan" in body
    r = register(rs, "full-wl", person(2))
    assert r.status == 200 and "Du står på väntelistan" in r.text
    assert [s for _, _, s in registrations(rs, eid)] == ["registered", "waiting"]


def test_full_event_without_waiting_list_stores_nothing(rs):
    eid = add_event(rs, "full-nowl", places=1, waitlist=0)
    assert register(rs, "full-nowl", person(1)).status == 200
    body = main(rs.get("/evenemang/full-nowl").text)
    assert "Fullbokat." in body and "<form" not in body.split('class="signup"')[1]
    r = register(rs, "full-nowl", person(2))
    assert r.status == 409 and "Fullbokat." in r.text
    assert len(registrations(rs, eid)) == 1


@pytest.mark.parametrize("kind", ["past-last-day", "cancelled", "ended"])
def test_closed_event_stores_nothing(rs, kind):
    slug = f"closed-{kind}"
    if kind == "past-last-day":
        eid = add_event(rs, slug, reg_until="2026-01-01")
    elif kind == "cancelled":
        eid = add_event(rs, slug, status="cancelled")
    else:
        eid = add_event(rs, slug, start="2025-01-01T08:00:00Z", end="2025-01-01T10:00:00Z")
    body = main(rs.get(f"/evenemang/{slug}").text)
    assert "Anmälan är stängd." in body and 'name="email"' not in body
    r = register(rs, slug, person(1))
    assert r.status == 409 and "Anmälan är stängd." in r.text
    assert registrations(rs, eid) == []


def test_draft_event_takes_no_registration(rs):
    eid = add_event(rs, "utkast-1", status="draft")
    assert register(rs, "utkast-1", person(1)).status == 404
    assert registrations(rs, eid) == []


@pytest.mark.parametrize("waitlist", [1, 0])
def test_race_for_the_last_place(rs, waitlist):
    slug = f"race-{waitlist}"
    eid = add_event(rs, slug, places=2, waitlist=waitlist)
    assert register(rs, slug, person(0)).status == 200      # one place left
    n = 8
    with concurrent.futures.ThreadPoolExecutor(max_workers=n) as ex:
        got = list(ex.map(lambda i: register(rs, slug, person(100 + i)), range(n)))
    rows = registrations(rs, eid)
    assert sum(1 for _, _, s in rows if s == "registered") == 2
    if waitlist:
        assert all(r.status == 200 for r in got)
        assert sum("Du är anmäld" in r.text for r in got) == 1
        assert sum(1 for _, _, s in rows if s == "waiting") == n - 1
    else:
        assert sorted(r.status for r in got) == [200] + [409] * (n - 1)
        assert len(rows) == 2


def test_the_same_address_twice_is_stored_once_and_not_told(rs):
    eid = add_event(rs, "dubbel-1", places=10)
    first = register(rs, "dubbel-1", person(1))
    again = register(rs, "dubbel-1", person(1, name="Någon Annan"))
    assert first.status == again.status == 200
    assert main(first.text) == main(again.text)
    assert registrations(rs, eid) == [("Person 1 Åström", "p1@kommun.example", "registered")]


def test_cancel_by_post_moves_the_first_waiting_up(rs):
    eid = add_event(rs, "avanmal-1", places=1, waitlist=1)
    for i in (1, 2, 3):
        assert register(rs, "avanmal-1", person(i)).status == 200
    token = cancel_token(rs, "p1@kommun.example", eid)
    page = rs.get(f"/avanmalan/{token}")
    assert page.status == 200 and "Person 1 Åström" in page.text
    assert f'action="/avanmalan/{token}"' in page.text and 'method="post"' in page.text
    assert page.headers["cache-control"] == "no-store"
    assert len(registrations(rs, eid)) == 3          # GET changes nothing
    r = rs.post(f"/avanmalan/{token}", {}, headers={"Cookie": f"hcform={form_cookie()}"})
    assert r.status == 200 and "Du är avanmäld" in r.text
    assert registrations(rs, eid) == [("Person 2 Åström", "p2@kommun.example", "registered"),
                                      ("Person 3 Åström", "p3@kommun.example", "waiting")]
    assert rs.get(f"/avanmalan/{token}").status == 404
    assert rs.get("/avanmalan/" + "0" * 64).status == 404
    assert rs.get("/avanmalan/inte-en-nyckel").status == 404


def test_cancel_needs_same_origin_and_the_cookie(rs):
    eid = add_event(rs, "avanmal-2", places=5)
    register(rs, "avanmal-2", person(1))
    token = cancel_token(rs, "p1@kommun.example", eid)
    r = rs.post(f"/avanmalan/{token}", {}, headers={"Origin": "https://evil.example",
                                                    "Cookie": f"hcform={form_cookie()}"})
    assert r.status == 403
    r = rs.post(f"/avanmalan/{token}", {})
    assert r.status == 403 and "kaka" in r.text and "set-cookie" in r.headers
    assert len(registrations(rs, eid)) == 1


BAD = {
    "overlong": "x" * 2001,
    "crlf": "Anna\r\nBcc: x@evil.example",
    "html": "<script>alert(1)</script>",
    "nul": "Anna\x00Berg",
}


FIELDS = [("name", "reg-name"), ("email", "reg-email"), ("organisation", "reg-org"),
          ("phone", "reg-phone"), ("diet", "reg-diet"), ("message", "reg-message")]


# The message may hold several lines, so CR/LF is no error there.
@pytest.mark.parametrize("field,fid,bad", [(f, i, b) for f, i in FIELDS for b in sorted(BAD)
                                           if (f, b) != ("message", "crlf")])
def test_bad_input_on_every_field_stores_nothing(rs, field, fid, bad):
    slug = "bad-input"
    if not rs.sql("SELECT 1 FROM events WHERE slug = ?", (slug,)):
        add_event(rs, slug, places=None, asks=(1, 1, 1, 1))
    eid = rs.sql("SELECT id FROM events WHERE slug = ?", (slug,))[0][0]
    value = BAD[bad] if not (bad == "overlong" and field != "message") else "x" * 400
    f = person(1, attend="plats", email=f"bad-{field}-{bad}@kommun.example")
    f[field] = value
    r = register(rs, slug, f)
    if bad == "nul":     # refused by the form parser for every form of the site
        assert r.status == 400 and "Felaktig begäran" in r.text
        assert rs.sql("SELECT count(*) FROM registrations WHERE event_id = ?", (eid,)) == [(0,)]
        return
    assert r.status == 422, (field, bad, r)
    links = summary_links(r.text)
    assert [h for h, _ in links] == [f"#{fid}"], links
    assert re.search(rf'id="{fid}-fel">[^<]+</p>', r.text)
    assert rs.sql("SELECT count(*) FROM registrations WHERE event_id = ?", (eid,)) == [(0,)]
    others = [k for k in ("name", "organisation") if k != field]
    for k in others:     # what was typed in the other fields comes back
        assert f'value="{f[k]}"' in r.text


def test_invalid_email_and_missing_fields(rs):
    add_event(rs, "bad-2", places=None, asks=(0, 0, 1, 0))
    r = register(rs, "bad-2", {"name": "", "email": "inte-en-adress", "organisation": "",
                               "attend": "kanske"})
    assert r.status == 422
    msgs = dict(summary_links(r.text))
    assert set(msgs) == {"#reg-name", "#reg-email", "#reg-org", "#reg-attend"}
    assert "namn@exempel.se" in msgs["#reg-email"]
    assert 'value="inte-en-adress"' in r.text
    assert "Anmälan har 4 fel" in r.text


def test_missing_cookie_cross_origin_and_replay(rs):
    eid = add_event(rs, "csrf-1", places=None)
    r = rs.post("/anmalan/csrf-1", person(1))           # no form cookie
    assert r.status == 403
    assert "kaka" in r.text and 'value="Person 1 Åström"' in r.text
    assert r.headers.get("set-cookie", "").startswith("hcform=")
    r = register(rs, "csrf-1", person(2), headers={"Origin": "https://evil.example"})
    assert r.status == 403
    r = register(rs, "csrf-1", person(3), headers={"Origin": "null"})
    assert r.status == 403
    assert registrations(rs, eid) == []
    c = form_cookie()
    assert register(rs, "csrf-1", person(4), cookie=c).status == 200
    replay = register(rs, "csrf-1", person(5), cookie=c)     # the same post sent again
    assert replay.status == 409 and "redan skickats" in replay.text
    assert [e for _, e, _ in registrations(rs, eid)] == ["p4@kommun.example"]


def test_honeypot_answers_thanks_and_stores_nothing(rs):
    eid = add_event(rs, "hp-1", places=None)
    r = register(rs, "hp-1", person(1, webbadress="http://spam.example"))
    assert r.status == 200 and "Tack" in r.text
    assert registrations(rs, eid) == []


def test_rate_limit_per_address():
    s = make_reg_site("form_posts_per_hour = 3\n")
    try:
        add_event(s, "rate-1", places=None)
        got = [register(s, "rate-1", person(i)).status for i in range(5)]
        assert got == [200, 200, 200, 429, 429]
        assert s.sql("SELECT count(*) FROM registrations") == [(3,)]
    finally:
        s.close()


def test_desk_settings_lists_by_hand_and_remove(rs, admin):
    eid = add_event(rs, "desk-1", places=None)
    rs.sql("DELETE FROM event_signups WHERE event_id = ?", (eid,))
    page = admin.get(f"/admin/anmalan/{eid}")
    assert page.status == 200 and "Ta emot anmälan på webbplatsen" in page.text
    assert 'class="signup"' not in main(rs.get("/evenemang/desk-1").text)
    bad = admin.post(f"/admin/anmalan/{eid}", {"on": "1", "places": "-3", "version": "0"})
    assert bad.status == 422 and 'value="-3"' in bad.text
    r = admin.post(f"/admin/anmalan/{eid}", {"on": "1", "places": "1", "waitlist": "1",
                                             "ask_diet": "1", "version": "0"})
    assert r.status == 303, r
    assert rs.sql("SELECT places, waitlist, ask_diet, ask_phone FROM event_signups WHERE event_id = ?",
                  (eid,)) == [(1, 1, 1, 0)]
    assert 'name="diet"' in main(rs.get("/evenemang/desk-1").text)
    register(rs, "desk-1", person(1))
    register(rs, "desk-1", person(2))
    r = admin.post(f"/admin/anmalan/lagg-till/{eid}", {"name": "Handlagd Östlund",
                                                       "email": "hand@region.example",
                                                       "organisation": "Region Örebro län"})
    assert r.status == 303
    page = admin.get(f"/admin/anmalan/{eid}").text
    assert "Anmälda (1 av 1)" in page and "Väntelista (2)" in page
    assert "Handlagd Östlund" in page and "Person 2 Åström" in page
    dup = admin.post(f"/admin/anmalan/lagg-till/{eid}", {"name": "X", "email": "hand@region.example",
                                                         "organisation": "Y"})
    assert dup.status == 409 and "redan anmäld" in dup.text
    first = rs.sql("SELECT id FROM registrations WHERE event_id = ? AND status = 'registered'", (eid,))[0][0]
    ask = admin.get(f"/admin/anmalan/ta-bort/{first}")
    assert ask.status == 200 and "Person 1 Åström" in ask.text
    assert admin.post(f"/admin/anmalan/ta-bort/{first}", {}).status == 303
    assert registrations(rs, eid) == [("Person 2 Åström", "p2@kommun.example", "registered"),
                                      ("Handlagd Östlund", "hand@region.example", "waiting")]
    # more places move the waiting list up
    v = rs.sql("SELECT version FROM event_signups WHERE event_id = ?", (eid,))[0][0]
    assert admin.post(f"/admin/anmalan/{eid}", {"on": "1", "places": "5", "waitlist": "1",
                                                "version": str(v)}).status == 303
    assert [s for _, _, s in registrations(rs, eid)] == ["registered", "registered"]
    log = rs.sql("SELECT summary FROM audit_log WHERE item_type = 'registration'")
    assert log and not any("Person" in s or "@" in s or "Handlagd" in s for (s,) in log)
    assert admin.post(f"/admin/anmalan/{eid}", {"on": "1", "version": str(v)}).status == 409


def test_cancelled_event_desk_offers_a_message(rs, admin):
    eid = add_event(rs, "installt-1", places=None)
    register(rs, "installt-1", person(1))
    rs.sql("UPDATE events SET status = 'cancelled' WHERE id = ?", (eid,))
    page = admin.get(f"/admin/anmalan/{eid}").text
    assert "Evenemanget är inställt." in page and 'href="#meddelande"' in page
    editor = admin.get(f"/admin/evenemang/{eid}").text     # where she cancels it
    assert "Anmälda på webbplatsen (med väntelistan): 1." in editor
    assert f'href="/admin/anmalan/{eid}#meddelande"' in editor


def test_csv_with_bom_and_swedish_letters(rs, admin):
    eid = add_event(rs, "csv-1", places=1, asks=(1, 1, 1, 1))
    register(rs, "csv-1", person(1, attend="plats", diet="Glutenfri; ingen \"mjölk\"",
                                 message="=HYPERLINK(\"x\")\nrad två", phone="070-1"))
    register(rs, "csv-1", person(2, attend="digitalt"))
    r = admin.get(f"/admin/anmalan/csv/{eid}")
    assert r.status == 200
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="anmalningar-csv-1.csv"' in r.headers["content-disposition"]
    assert r.body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Status", "Namn", "E-post", "Organisation", "Telefon", "Deltar",
                       "Specialkost", "Meddelande", "Anmäld", "Källa"]
    assert len(rows) == 3
    one = dict(zip(rows[0], rows[1]))
    assert one["Status"] == "Anmäld" and one["Namn"] == "Person 1 Åström"
    assert one["Organisation"] == "Örebro kommun" and one["Deltar"] == "På plats"
    assert one["Specialkost"] == 'Glutenfri; ingen "mjölk"'
    assert one["Meddelande"] == "'=HYPERLINK(\"x\")\nrad två"     # never a formula
    assert rows[2][0] == "Väntelista" and rows[2][5] == "Digitalt"
    assert rs.get(f"/admin/anmalan/csv/{eid}").status in (303, 403)   # not without login


def test_deleted_automatically_after_the_event(rs):
    eid = add_event(rs, "gammal-1", start="2030-03-01T08:00:00Z", end="2030-03-01T10:00:00Z",
                    places=None)
    for i in (1, 2):
        assert register(rs, "gammal-1", person(i)).status == 200
    other = add_event(rs, "gammal-2", start="2030-06-01T08:00:00Z", end="2030-06-01T10:00:00Z")
    register(rs, "gammal-2", person(3))
    page = main(rs.get("/evenemang/gammal-1").text)
    assert "raderas automatiskt 90 dagar efter" in page
    r = rs.hcadmin("purge", "--now", "2030-05-30T09:59:59Z")       # 89.99 days after
    assert r.returncode == 0 and r.stdout.strip() == "0 registrations deleted", r.stdout
    assert len(registrations(rs, eid)) == 2
    r = rs.hcadmin("purge", "--now", "2030-05-30T10:00:00Z")       # 90 days after
    assert r.returncode == 0 and r.stdout.strip() == "2 registrations deleted", r.stdout
    assert registrations(rs, eid) == [] and len(registrations(rs, other)) == 1
    log = rs.sql("SELECT action, item_type, item_id, summary FROM audit_log WHERE action = 'purge'")
    assert log == [("purge", "registrations", eid, "2 anmälningar raderade 90 dagar efter evenemanget")]
    assert rs.hcadmin("purge", "--now", "igår").returncode == 2


def test_pages_are_valid_html(rs, admin):
    from test_html import tidy_problems
    eid = add_event(rs, "tidy-1", places=3, asks=(1, 1, 1, 1))
    register(rs, "tidy-1", person(1))
    token = cancel_token(rs, "p1@kommun.example", eid)
    pages = [rs.get("/evenemang/tidy-1"), register(rs, "tidy-1", {"name": "", "email": "x"}),
             register(rs, "tidy-1", person(2, attend="plats")), rs.get(f"/avanmalan/{token}"),
             admin.get(f"/admin/anmalan/{eid}"),
             admin.post(f"/admin/anmalan/lagg-till/{eid}", {"name": "", "email": "", "organisation": ""})]
    for p in pages:
        assert p.text.startswith("<!DOCTYPE html>")
        assert tidy_problems(p.text) == [], p.text[:300]
