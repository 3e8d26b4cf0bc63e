"""Create forms carry a one-time key: submitting one twice (a double click, a reload) makes one thing."""
import threading

from admin_helpers import Admin, add_user, field_value

NEWS = {"title": "", "author": "Anna Samordnare", "category": "0", "excerpt": "", "body": "Text",
        "publish_at": "", "version": "1", "action": "draft"}


def _count(site, title):
    return site.sql("SELECT count(*) FROM posts WHERE title = ?", (title,))[0][0]


def test_double_submitted_create_makes_one_post(site):
    ed = Admin(site, add_user(site, "once"))
    form = ed.get("/admin/nyheter/ny")
    key = field_value(form.text, "form_key")
    assert key and len(key) == 64
    fields = dict(NEWS, title="En gång", form_key=key)
    a = ed.post("/admin/nyheter/ny", fields)
    b = ed.post("/admin/nyheter/ny", fields)
    assert a.status == b.status == 303
    assert a.headers["location"] == b.headers["location"]
    assert _count(site, "En gång") == 1
    # a new form has a new key and makes a new post
    key2 = field_value(ed.get("/admin/nyheter/ny").text, "form_key")
    assert key2 != key
    assert ed.post("/admin/nyheter/ny", dict(fields, form_key=key2)).status == 303
    assert _count(site, "En gång") == 2


def test_concurrent_double_submit_makes_one_post(site):
    ed = Admin(site, add_user(site, "once2"))
    key = field_value(ed.get("/admin/nyheter/ny").text, "form_key")
    fields = dict(NEWS, title="Samtidigt", form_key=key)
    out = []
    ts = [threading.Thread(target=lambda: out.append(ed.post("/admin/nyheter/ny", fields))) for _ in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert [r.status for r in out] == [303] * 3
    assert len({r.headers["location"] for r in out}) == 1
    assert _count(site, "Samtidigt") == 1


def test_a_refused_form_frees_its_key(site):
    ed = Admin(site, add_user(site, "once3"))
    key = field_value(ed.get("/admin/nyheter/ny").text, "form_key")
    r = ed.post("/admin/nyheter/ny", dict(NEWS, title="", form_key=key))
    assert r.status == 422
    r = ed.post("/admin/nyheter/ny", dict(NEWS, title="Rättad", form_key=key))
    assert r.status == 303 and _count(site, "Rättad") == 1


def test_other_create_forms_carry_a_key(site):
    ed = Admin(site, add_user(site, "once4", role="admin"))
    for path in ("/admin/evenemang/ny", "/admin/medlemmar/ny", "/admin/styrelse/ny"):
        r = ed.get(path)
        assert r.status == 200 and len(field_value(r.text, "form_key") or "") == 64, path
