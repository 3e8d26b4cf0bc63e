"""Revisions of posts, events and text pages: kept at each save, listed (who, when), restored in one
click (the restore is itself a revision), pruned; the editor's script's autosave and preview; the
desk's CSP lets only /static/desk.js run, and every form works without it."""
import html
import re
import time

import pytest

from admin_helpers import Admin, add_user, field_value, textarea


@pytest.fixture(scope="module")
def site():
    from conftest import Site
    s = Site(seed=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def ed(site):
    return Admin(site, add_user(site, "rev", name="Rut Redaktör"))


def post_form(**kw):
    f = {"title": "", "author": "Rut", "category": "0", "featured": "0", "excerpt": "", "body": "",
         "publish_date": "", "publish_time": "", "version": "1", "action": "draft"}
    f.update(kw)
    return f


def version(site, table, key, value):
    return str(site.sql(f"SELECT version FROM {table} WHERE {key} = ?", (value,))[0][0])


def revisions(site, typ, item_id):
    return site.sql("SELECT kind, title, body_md, user_name FROM revisions WHERE item_type = ? AND item_id = ? "
                    "ORDER BY id", (typ, item_id))


def restore_forms(text):
    return re.findall(r'<form method="post" action="(/admin/versioner/aterstall/\d+)">', text)


def test_post_saves_keep_earlier_versions_and_restore_is_one_click(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Version ett", body="Första texten."))
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    for i, body in enumerate(["Andra texten.", "Tredje texten."], start=2):
        r = ed.post(f"/admin/nyheter/{pid}", post_form(title=f"Version {i}", body=body,
                                                       version=version(site, "posts", "id", pid)))
        assert r.status == 303
    # a save that changes no text keeps no revision
    ed.post(f"/admin/nyheter/{pid}", post_form(title="Version 3", body="Tredje texten.",
                                               version=version(site, "posts", "id", pid)))
    assert revisions(site, "post", pid) == [("save", "Version ett", "Första texten.", "Rut Redaktör"),
                                            ("save", "Version 2", "Andra texten.", "Rut Redaktör")]
    edit = ed.get(f"/admin/nyheter/{pid}").text
    assert f'href="/admin/nyheter/versioner/{pid}"' in edit
    page = ed.get(f"/admin/nyheter/versioner/{pid}")
    assert page.status == 200 and "Rut Redaktör" in page.text and "Sparad version" in page.text
    assert "Första texten." in page.text and "Andra texten." in page.text
    forms = restore_forms(page.text)
    assert len(forms) == 2
    r = ed.post(forms[1], {})                      # the oldest: "Version ett"
    assert r.status == 303 and r.headers["location"] == f"/admin/nyheter/{pid}?klart=4"
    assert site.sql("SELECT title, body_md, body_html, status FROM posts WHERE id = ?", (pid,)) == \
        [("Version ett", "Första texten.", "<p>Första texten.</p>\n", "draft")]
    assert "Versionen är återställd" in ed.get(f"/admin/nyheter/{pid}?klart=4").text
    # the text before the restore is itself a revision
    assert revisions(site, "post", pid)[-1] == ("restore", "Version 3", "Tredje texten.", "Rut Redaktör")
    assert site.sql("SELECT action FROM audit_log WHERE item_type = 'post' AND item_id = ? ORDER BY id DESC "
                    "LIMIT 1", (pid,)) == [("restore",)]
    # restore is a POST with the CSRF token; GET changes nothing
    assert ed.get(forms[0]).status == 405
    assert ed.post(forms[0], {}, csrf=False).status == 403


def test_restore_keeps_a_published_post_public_with_its_date(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Publik", body="Ett.", action="schedule",
                                               publish_date="2024-03-14", publish_time="10:00"))
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    ed.post(f"/admin/nyheter/{pid}", post_form(title="Publik", body="Två.", action="update",
                                               publish_date="2024-03-14", publish_time="10:00",
                                               version=version(site, "posts", "id", pid)))
    (form,) = restore_forms(ed.get(f"/admin/nyheter/versioner/{pid}").text)
    assert ed.post(form, {}).status == 303
    assert site.sql("SELECT body_md, status, published_at FROM posts WHERE id = ?", (pid,)) == \
        [("Ett.", "published", "2024-03-14T09:00:00Z")]
    slug = site.sql("SELECT slug FROM posts WHERE id = ?", (pid,))[0][0]
    assert "<p>Ett.</p>" in site.get(f"/nyheter/{slug}").text


def test_event_and_page_revisions(site, ed):
    f = {"title": "Möte", "kind": "seminarium", "status": "published", "start_date": "2031-05-01",
         "start_time": "09:00", "end_date": "", "end_time": "10:00", "venue": "", "town": "Umeå",
         "join_url": "", "description": "Gammal beskrivning.", "registration_url": "",
         "registration_until": "", "programme": "0", "programme_url": "", "version": "1"}
    r = ed.post("/admin/evenemang/ny", f)
    eid = int(re.match(r"/admin/evenemang/(\d+)", r.headers["location"]).group(1))
    r = ed.post(f"/admin/evenemang/{eid}", dict(f, description="Ny beskrivning.",
                                                version=version(site, "events", "id", eid)))
    assert r.status == 303
    page = ed.get(f"/admin/evenemang/versioner/{eid}").text
    (form,) = restore_forms(page)
    assert ed.post(form, {}).status == 303
    assert site.sql("SELECT description_md, town, starts_at FROM events WHERE id = ?", (eid,)) == \
        [("Gammal beskrivning.", "Umeå", "2031-05-01T07:00:00Z")]
    old = site.sql("SELECT title, body_md FROM pages WHERE slug = 'om'")[0]
    r = ed.post("/admin/sidor/om", {"title": "Om oss nu", "body": "Helt ny text.",
                                    "version": version(site, "pages", "slug", "om")})
    assert r.status == 303
    page = ed.get("/admin/sidor/versioner/om")
    assert page.status == 200 and old[0] in page.text
    assert 'href="/admin/sidor/versioner/om"' in ed.get("/admin/sidor/om").text
    (form,) = restore_forms(page.text)
    assert ed.post(form, {}).status == 303
    assert site.sql("SELECT title, body_md FROM pages WHERE slug = 'om'") == [old]
    assert html.escape(old[0], quote=False) in site.get("/om").text
    assert ed.get("/admin/sidor/versioner/finns-inte").status == 404
    assert ed.get("/admin/nyheter/versioner/99999").status == 404


def test_old_revisions_are_pruned(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Många", body="0"))
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    for i in range(1, 56):
        r = ed.post(f"/admin/nyheter/{pid}", post_form(title="Många", body=str(i),
                                                       version=version(site, "posts", "id", pid)))
        assert r.status == 303
    rows = site.sql("SELECT body_md FROM revisions WHERE item_type = 'post' AND item_id = ? ORDER BY id", (pid,))
    assert len(rows) == 50
    assert rows[0] == ("5",) and rows[-1] == ("54",)


def test_autosave_keeps_a_draft_without_changing_the_post(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Autospar", body="Sparad text."))
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    form = ed.get(f"/admin/nyheter/{pid}").text
    assert f'data-autosave-type="post" data-autosave-id="{pid}"' in form
    fields = {"type": "post", "id": str(pid), "title": "Autospar", "author": "Rut", "excerpt": "",
              "body": "Halvskriven text\r\nmed mer."}
    r = ed.post("/admin/autospara", fields)
    assert r.status == 204
    r = ed.post("/admin/autospara", fields)      # unchanged: nothing more kept
    assert r.status == 204
    assert revisions(site, "post", pid) == [("autosave", "Autospar", "Halvskriven text\nmed mer.", "Rut Redaktör")]
    assert site.sql("SELECT body_md FROM posts WHERE id = ?", (pid,)) == [("Sparad text.",)]
    assert "Autosparat utkast" in ed.get(f"/admin/nyheter/versioner/{pid}").text
    # bad input, wrong item, no token, no session: refused, nothing kept for a login
    assert ed.post("/admin/autospara", dict(fields, type="user")).status == 400
    assert ed.post("/admin/autospara", dict(fields, id="99999")).status == 404
    assert ed.post("/admin/autospara", dict(fields, body="x" * 60001)).status == 400
    assert ed.post("/admin/autospara", fields, csrf=False).status == 403
    r = site.post("/admin/autospara", dict(fields, csrf="0" * 64))
    assert r.status == 403 and 'name="kept"' not in r.text
    assert site.sql("SELECT count(*) FROM kept_forms WHERE path = '/admin/autospara'") == [(0,)]


def test_preview_endpoint_renders_safely(site, ed):
    r = ed.post("/admin/forhandsvisning", {"body": "**fet**\nrad två <script>alert(1)</script> "
                                                   "[x](javascript:alert(1))"})
    assert r.status == 200 and r.headers["content-type"].startswith("text/html")
    assert "<strong>fet</strong><br />" in r.text
    assert "<script" not in r.text and 'href="javascript:' not in r.text
    assert ed.post("/admin/forhandsvisning", {"body": "x"}, csrf=False).status == 403


def test_script_only_from_static_on_desk_pages_and_forms_work_without_it(site, ed):
    page = ed.get("/admin/nyheter/ny")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp and "unsafe-inline" not in csp
    assert '<script src="/static/desk.js" defer></script>' in page.text
    assert re.findall(r"<script[^>]*>", page.text) == ['<script src="/static/desk.js" defer>']
    assert re.search(r'<textarea id="body" name="body"[^>]* data-md>', page.text)
    for path in ("/", "/nyheter", "/evenemang", "/om", "/admin/login"):
        r = site.get(path)
        assert "script-src" not in r.headers["content-security-policy"], path
        assert re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", r.text) == [], path
    js = site.get("/static/desk.js")
    assert js.status == 200 and "autospara" in js.text
    # without script: toolbar and preview are the help table and the preview button
    assert "Hjälp med formatering" in page.text and 'value="preview"' in page.text

