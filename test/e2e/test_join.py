"""The membership-interest request on /bli-medlem through nginx, and its list at the desk."""
import re

import pytest

from admin_helpers import Admin, add_user
from reg_helpers import form_cookie, main, make_reg_site, summary_links


@pytest.fixture(scope="module")
def js():
    s = make_reg_site()
    yield s
    s.close()


def request_fields(**extra):
    d = {"organisation": "Ale kommun", "kind": "kommun", "contact": "Åsa Ödman",
         "role": "Folkhälsostrateg", "email": "asa@ale.example", "phone": "0303-33 00 00",
         "message": "Vi vill gärna gå med.\r\nHör av er!"}
    d.update(extra)
    return d


def send(site, fields, cookie=None, headers=None):
    h = {"Cookie": f"hcform={cookie or form_cookie()}"}
    h.update(headers or {})
    return site.post("/bli-medlem", fields, headers=h)


def count(site):
    return site.sql("SELECT count(*) FROM membership_requests")[0][0]


def test_page_keeps_its_text_and_has_the_form(js):
    r = js.get("/bli-medlem")
    assert r.status == 200
    body = main(r.text)
    assert "<h1>Bli medlem</h1>" in body
    assert 'action="/bli-medlem#intresse"' in body
    for name, ac in (("organisation", "organization"), ("contact", "name"),
                     ("role", "organization-title"), ("email", "email"), ("phone", "tel")):
        assert re.search(rf'<input[^>]*name="{name}"[^>]*autocomplete="{ac}"', body), name
    assert r.headers.get("set-cookie", "").startswith("hcform=")
    assert "set-cookie" not in js.get("/bli-medlem", headers={"Cookie": f"hcform={form_cookie()}"}).headers
    assert "<form" not in main(js.get("/om").text)


def test_request_is_stored(js):
    before = count(js)
    r = send(js, request_fields())
    assert r.status == 200 and "Tack för ditt intresse" in r.text
    row = js.sql("SELECT organisation, kind, contact, role, email, phone, message, status "
                 "FROM membership_requests ORDER BY id DESC LIMIT 1")[0]
    assert row == ("Ale kommun", "kommun", "Åsa Ödman", "Folkhälsostrateg", "asa@ale.example",
                   "0303-33 00 00", "Vi vill gärna gå med.\nHör av er!", "new")
    assert count(js) == before + 1


FIELDS = [("organisation", "join-org"), ("contact", "join-contact"), ("role", "join-role"),
          ("email", "join-email"), ("phone", "join-phone"), ("message", "join-message")]
BAD = {"overlong": "x" * 3001, "crlf": "A\r\nBcc: x@evil.example", "html": "<b>hej</b>"}


@pytest.mark.parametrize("field,fid,bad", [(f, i, b) for f, i in FIELDS for b in sorted(BAD)
                                           if (f, b) != ("message", "crlf")])
def test_bad_input_on_every_field_stores_nothing(js, field, fid, bad):
    before = count(js)
    f = request_fields()
    f[field] = BAD[bad]
    r = send(js, f)
    assert r.status == 422, r
    assert [h for h, _ in summary_links(r.text)] == [f"#{fid}"]
    assert count(js) == before
    for k in ("organisation", "contact", "role"):
        if k != field:
            assert f'value="{html_value(f[k])}"' in r.text


def html_value(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_nul_and_invalid_kind_and_email(js):
    before = count(js)
    assert send(js, request_fields(contact="A\x00B")).status == 400
    r = send(js, request_fields(kind="stat", email="a@b"))
    assert r.status == 422
    assert {h for h, _ in summary_links(r.text)} == {"#join-kind", "#join-email"}
    assert count(js) == before


def test_protection_honeypot_and_replay(js):
    before = count(js)
    r = js.post("/bli-medlem", request_fields())
    assert r.status == 403 and 'value="Ale kommun"' in r.text
    assert send(js, request_fields(), headers={"Origin": "https://evil.example"}).status == 403
    assert send(js, request_fields(webbadress="x")).status == 200
    assert count(js) == before
    c = form_cookie()
    assert send(js, request_fields(), cookie=c).status == 200
    assert send(js, request_fields(), cookie=c).status == 409
    assert count(js) == before + 1


def test_desk_list_status_note_and_create_member(js):
    admin = Admin(js, add_user(js, "join"))
    send(js, request_fields(organisation="Region Testland", kind="region", email="r@t.example"))
    rid = js.sql("SELECT id FROM membership_requests WHERE organisation = 'Region Testland'")[0][0]
    page = admin.get("/admin/intresse")
    assert page.status == 200 and "Region Testland" in page.text and "Ny" in page.text
    one = admin.get(f"/admin/intresse/{rid}")
    assert one.status == 200 and "r@t.example" in one.text and "Skapa medlemmen" in one.text
    r = admin.post(f"/admin/intresse/{rid}", {"status": "contacted", "note": "Ringt 3/12",
                                             "version": "1"})
    assert r.status == 303, r
    assert js.sql("SELECT status, note, version FROM membership_requests WHERE id = ?",
                  (rid,)) == [("contacted", "Ringt 3/12", 2)]
    stale = admin.post(f"/admin/intresse/{rid}", {"status": "declined", "note": "x", "version": "1"})
    assert stale.status == 409
    bad = admin.post(f"/admin/intresse/skapa-medlem/{rid}", {"name": "Region Testland",
                                                            "kind": "region", "county": "",
                                                            "joined_year": "2026"})
    assert bad.status == 422 and js.sql("SELECT count(*) FROM members WHERE name = 'Region Testland'") == [(0,)]
    r = admin.post(f"/admin/intresse/skapa-medlem/{rid}", {"name": "Region Testland",
                                                          "kind": "region", "county": "Testlands län",
                                                          "joined_year": "2026"})
    assert r.status == 303
    mid = js.sql("SELECT id FROM members WHERE name = 'Region Testland'")[0][0]
    assert r.headers["location"] == f"/admin/medlemmar/{mid}?klart=2"
    assert js.sql("SELECT status, member_id FROM membership_requests WHERE id = ?",
                  (rid,)) == [("member", mid)]
    assert "Region Testland" in js.get("/medlemmar").text
    assert "Medlemmen är skapad" in admin.get(f"/admin/intresse/{rid}").text
