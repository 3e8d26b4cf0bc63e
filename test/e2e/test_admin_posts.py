"""Editing news posts through the admin: draft, publish, schedule, edit, delete, preview, hostile input, conflicts."""
import datetime
import re
import time
import urllib.parse
from zoneinfo import ZoneInfo

import pytest

from admin_helpers import Admin, add_user, field_value, textarea

BASE = {"title": "", "author": "Anna Samordnare", "category": "0", "excerpt": "", "body": "",
        "publish_at": "", "version": "1"}


@pytest.fixture(scope="module")
def ed(site):
    return Admin(site, add_user(site, "posts"))


def post_form(**kw):
    """The form as the browser sends it; publish_at="YYYY-MM-DD HH:MM" fills the date and time fields."""
    f = dict(BASE)
    f.update(kw)
    f["publish_date"], _, f["publish_time"] = f.pop("publish_at").partition(" ")
    return f


def create(ed, **kw):
    r = ed.post("/admin/nyheter/ny", post_form(**kw))
    assert r.status == 303, r
    m = re.match(r"/admin/nyheter/(\d+)\?klart=2$", r.headers["location"])
    assert m, r.headers["location"]
    return int(m.group(1))


def slug_of(site, pid):
    return site.sql("SELECT slug FROM posts WHERE id = ?", (pid,))[0][0]


def version_of(site, pid):
    return site.sql("SELECT version FROM posts WHERE id = ?", (pid,))[0][0]


def test_draft_publish_edit_delete(site, ed):
    title = f"Hälsosamma städer möts {time.time_ns()}"
    pid = create(ed, title=title, body="Första stycket om **hälsa**.\n\nAndra stycket.", action="draft")
    slug = slug_of(site, pid)
    assert site.get(f"/nyheter/{slug}").status == 404
    assert title not in site.get("/nyheter").text
    page = ed.get(f"/admin/nyheter/{pid}?klart=2")
    assert "Nyheten är skapad" in page.text and "Utkast" in page.text
    assert field_value(page.text, "title") == title
    # listed as draft, searchable by title
    lst = ed.get("/admin/nyheter?status=utkast&q=" + urllib.parse.quote("städer möts")).text
    assert title in lst
    assert title not in ed.get("/admin/nyheter?status=publicerad").text
    assert title in ed.get("/admin").text           # dashboard drafts
    # publish
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title=title, body="Första stycket om **hälsa**.",
                                                   action="publish", version=str(version_of(site, pid))))
    assert r.status == 303
    p = site.get(f"/nyheter/{slug}")
    assert p.status == 200 and "<strong>hälsa</strong>" in p.text
    assert title in site.get("/").text and title in site.get("/nyheter").text
    # edit
    new_title = title + " – uppdaterad"
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title=new_title, body="Ny text.", action="publish",
                                                   version=str(version_of(site, pid))))
    assert r.status == 303
    p = site.get(f"/nyheter/{slug}")                  # the slug stays
    assert new_title in p.text and "Ny text." in p.text
    # delete: confirmation, then POST
    ask = ed.get(f"/admin/nyheter/radera/{pid}")
    assert ask.status == 200 and "Ja, radera" in ask.text and new_title in ask.text
    assert site.get(f"/nyheter/{slug}").status == 200     # GET deleted nothing
    r = ed.post(f"/admin/nyheter/radera/{pid}", {})
    assert r.status == 303 and r.headers["location"] == "/admin/nyheter?klart=3"
    assert site.get(f"/nyheter/{slug}").status == 404
    assert ed.get(f"/admin/nyheter/{pid}").status == 404
    actions = [a for (a,) in site.sql("SELECT action FROM audit_log WHERE item_type = 'post' AND item_id = ? "
                                      "ORDER BY id", (pid,))]
    assert actions == ["create", "publish", "update", "delete"]


def test_schedule_appears_by_itself(site, ed):
    title = f"Schemalagd nyhet {time.time_ns()}"
    when = (datetime.datetime.now(ZoneInfo("Europe/Stockholm")) + datetime.timedelta(seconds=3)).strftime(
        "%Y-%m-%d %H:%M:%S")
    pid = create(ed, title=title, body="Kommer snart.", action="schedule", publish_at=when)
    slug = slug_of(site, pid)
    assert site.get(f"/nyheter/{slug}").status == 404
    assert "Schemalagd" in ed.get(f"/admin/nyheter/{pid}").text
    assert title in ed.get("/admin").text
    time.sleep(4.5)
    assert site.get(f"/nyheter/{slug}").status == 200
    assert title in site.get("/nyheter").text


def test_schedule_needs_a_time(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Utan tid", body="Text", action="schedule"))
    assert r.status == 422 and "Ange en publiceringsdag" in r.text
    r = ed.post("/admin/nyheter/ny", post_form(title="Fel tid", body="Text", action="schedule",
                                               publish_at="imorgon"))
    assert r.status == 422 and "kunde inte läsas som ett datum" in r.text
    assert field_value(r.text, "publish_date") == "imorgon"


def test_preview_shows_public_rendering_and_keeps_text(site, ed):
    body = "Hej **värld** <script>alert(1)</script>\n\n[länk](javascript:alert(1))"
    r = ed.post("/admin/nyheter/ny", post_form(title="Förhandstitel", body=body, action="preview"))
    assert r.status == 200
    assert "<strong>värld</strong>" in r.text
    assert "<script>alert(1)</script>" not in r.text
    assert 'href="javascript:' not in r.text
    assert textarea(r.text, "body") == body
    assert site.sql("SELECT count(*) FROM posts WHERE title = 'Förhandstitel'") == [(0,)]


def test_category_select(site, ed):
    cats = site.sql("SELECT id, name FROM categories ORDER BY id LIMIT 1")
    page = ed.get("/admin/nyheter/ny").text
    assert "Markdown" in page
    if cats:
        cid, name = cats[0]
        assert name in page
        pid = create(ed, title=f"Med kategori {time.time_ns()}", body="x", action="draft", category=str(cid))
        assert site.sql("SELECT category_id FROM posts WHERE id = ?", (pid,)) == [(cid,)]
    r = ed.post("/admin/nyheter/ny", post_form(title="Okänd kategori", body="x", action="draft",
                                               category="999999"))
    assert r.status == 422 and "kategori" in r.text


def test_validation_keeps_every_field(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="", author="Någon", excerpt="Ingress", body="Min långa text\nrad 2",
                                               action="draft"))
    assert r.status == 422
    assert "Rubriken måste fyllas i" in r.text
    assert "Formuläret har 1 fel" in r.text
    assert field_value(r.text, "author") == "Någon"
    assert field_value(r.text, "excerpt") == "Ingress"
    assert textarea(r.text, "body") == "Min långa text\nrad 2"


HOSTILE = ["<script>alert(1)</script>", '"><svg onload=alert(1)>', "</textarea><b>x</b>",
           "javascript:alert(1)"]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_is_escaped_everywhere(site, ed, payload):
    title = f"T {payload} {time.time_ns()}"
    pid = create(ed, title=title, author=payload, excerpt=payload, body=payload, action="publish")
    slug = slug_of(site, pid)
    row = site.sql("SELECT title, author, excerpt, body_md FROM posts WHERE id = ?", (pid,))[0]
    assert row == (title, payload, payload, payload)
    pages = [site.get(f"/nyheter/{slug}").text, site.get("/nyheter").text, site.get("/").text,
             ed.get(f"/admin/nyheter/{pid}").text, ed.get("/admin/nyheter").text, ed.get("/admin").text,
             ed.get(f"/admin/nyheter/radera/{pid}").text]
    for text in pages:
        assert "<script>alert" not in text
        assert "<svg onload" not in text
        assert "</textarea><b>" not in text
        assert 'href="javascript:' not in text
    admin_page = pages[3]
    assert field_value(admin_page, "title") == title
    assert textarea(admin_page, "body") == payload
    ed.post(f"/admin/nyheter/radera/{pid}", {})


def test_crlf_in_single_line_fields_refused(site, ed):
    for field in ["title", "author", "excerpt"]:
        kw = {"title": "Rad", "body": "x", "action": "draft", field: "rad ett\r\nrad två"}
        r = ed.post("/admin/nyheter/ny", post_form(**kw))
        assert r.status == 422, field
        assert "radbrytningar" in r.text, field
    # in the body CR LF is fine and stored as LF
    pid = create(ed, title=f"CRLF {time.time_ns()}", body="ett\r\ntvå\r\n\r\ntre", action="draft")
    assert site.sql("SELECT body_md FROM posts WHERE id = ?", (pid,)) == [("ett\ntvå\n\ntre",)]


def test_control_characters_and_invalid_utf8(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Noll\x01tecken", body="x", action="draft"))
    assert r.status == 422 and "kontrolltecken" in r.text
    body = b"csrf=" + ed.csrf.encode() + b"&version=1&action=draft&title=%FF%FE&body=x"
    r = ed.post("/admin/nyheter/ny", body)
    assert r.status == 400 and "Felaktig begäran" in r.text
    for field in ["title", "author", "excerpt", "body"]:
        body = (b"csrf=" + ed.csrf.encode() + b"&version=1&action=draft&title=ok&body=x&"
                + field.encode() + b"=%C3%28")
        r = ed.post("/admin/nyheter/ny", body)
        assert r.status in (400, 422), field


def test_100kb_text_refused_or_stored(site, ed):
    big = "å" * 50000                                   # 100 KB
    for field in ["title", "author", "excerpt"]:
        kw = {"title": "Stor", "body": "x", "action": "draft", field: big}
        r = ed.post("/admin/nyheter/ny", post_form(**kw))
        assert r.status == 422, field
        assert "högst" in r.text, field
        assert field_value(r.text, field) == big, field  # kept as typed
    # a body of 100 KB within the character limit is stored and shown
    pid = create(ed, title=f"Lång {time.time_ns()}", body=big, action="publish")
    assert big in site.get(f"/nyheter/{slug_of(site, pid)}").text
    assert textarea(ed.get(f"/admin/nyheter/{pid}").text, "body") == big
    # 100,000 characters is over the body limit: refused, text kept
    r = ed.post("/admin/nyheter/ny", post_form(title="Stor", body="a" * 100_000, action="draft"))
    assert r.status == 422 and "högst 60000 tecken" in r.text
    assert textarea(r.text, "body") == "a" * 100_000
    # beyond the form limit of the server: 413 with the Swedish page
    r = ed.post("/admin/nyheter/ny", post_form(title="Stor", body="a" * 2_000_000, action="draft"))
    assert r.status == 413 and "för stor" in r.text.lower()
    # 200 characters is the title limit; 201 is refused with the field kept
    r = ed.post("/admin/nyheter/ny", post_form(title="ö" * 201, body="x", action="draft"))
    assert r.status == 422 and "högst 200 tecken" in r.text
    assert field_value(r.text, "title") == "ö" * 201


def test_two_editors_second_save_refused(site, ed):
    other = Admin(site, add_user(site, "other"))
    pid = create(ed, title=f"Delad {time.time_ns()}", body="Original", action="draft")
    v = field_value(ed.get(f"/admin/nyheter/{pid}").text, "version")
    v2 = field_value(other.get(f"/admin/nyheter/{pid}").text, "version")
    assert v == v2
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title="Första", body="Hans text", action="draft", version=v))
    assert r.status == 303
    r = other.post(f"/admin/nyheter/{pid}", post_form(title="Andra", body="Hennes text", action="draft",
                                                      version=v2))
    assert r.status == 409
    assert "Någon annan har sparat" in r.text
    assert textarea(r.text, "body") == "Hennes text"
    assert field_value(r.text, "title") == "Andra"
    assert site.sql("SELECT title, body_md FROM posts WHERE id = ?", (pid,)) == [("Första", "Hans text")]
    # submitting the same page again is still refused: never a silent overwrite
    r = other.post(f"/admin/nyheter/{pid}", post_form(title="Andra", body="Hennes text", action="draft",
                                                      version=v2))
    assert r.status == 409


def test_unique_slugs(site, ed):
    t = f"Samma rubrik {time.time_ns()}"
    a = create(ed, title=t, body="x", action="publish")
    b = create(ed, title=t, body="y", action="publish")
    sa, sb = slug_of(site, a), slug_of(site, b)
    assert sa != sb and sb.startswith(sa)


def test_bad_ids(site, ed):
    for path in ["/admin/nyheter/0", "/admin/nyheter/abc", "/admin/nyheter/99999999",
                 "/admin/nyheter/radera/abc", "/admin/nyheter/-1"]:
        assert ed.get(path).status == 404, path
    r = ed.post("/admin/nyheter/99999999", post_form(title="x", body="x", action="draft"))
    assert r.status == 404
    r = ed.post("/admin/nyheter/ny", post_form(title="x", body="x", action="radera-allt"))
    assert r.status == 422


def test_same_title_gets_a_unique_slug(site, ed):
    first = create(ed, title="Samma rubrik på två nyheter", body="Ett", action="draft")
    second = create(ed, title="Samma rubrik på två nyheter", body="Två", action="draft")
    assert slug_of(site, first) == "samma-rubrik-pa-tva-nyheter"
    assert slug_of(site, second) == "samma-rubrik-pa-tva-nyheter-2"
