"""The desk never loses typed work nor changes what readers see by surprise: form targets after
preview, errors and conflicts; publishing, updating, unpublishing and backdating; the preview's
image; the board's order; Swedish letters in admin search; the log's words; a second chair."""
import datetime
import re
import time
import urllib.parse

import pytest

from admin_helpers import Admin, add_user, field_value, textarea
from test_media import png, upload, uploaded_id


@pytest.fixture(scope="module")
def site():
    """A site of its own: these tests add board seats and posts that other tests count."""
    from conftest import Site
    s = Site(seed=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def ed(site):
    return Admin(site, add_user(site, "keeps"))


def post_form(**kw):
    f = {"title": "", "author": "Anna", "category": "0", "featured": "0", "excerpt": "", "body": "",
         "publish_at": "", "version": "1"}
    f.update(kw)
    return f


def form_target(text):
    m = re.search(r'<form class="admin-form" method="post" action="([^"]*)"', text)
    assert m, text[:3000]
    return m.group(1)


def create(ed, **kw):
    r = ed.post("/admin/nyheter/ny", post_form(**kw))
    assert r.status == 303, (r.status, r.text[:2000])
    return int(re.match(r"/admin/nyheter/(\d+)\?klart=2$", r.headers["location"]).group(1))


def row(site, pid):
    return site.sql("SELECT status, published_at, version, slug FROM posts WHERE id = ?", (pid,))[0]


def audit(site, pid):
    return [a for (a,) in site.sql("SELECT action FROM audit_log WHERE item_type = 'post' AND item_id = ? "
                                   "ORDER BY id", (pid,))]


def test_form_posts_to_itself_after_preview_error_and_conflict(site, ed):
    r = ed.post("/admin/nyheter/ny", post_form(title="Förhands", body="Text", action="preview"))
    assert r.status == 200 and form_target(r.text) == "/admin/nyheter/ny"
    r = ed.post("/admin/nyheter/ny", post_form(title="Utan tid", body="Text", action="schedule"))
    assert r.status == 422 and form_target(r.text) == "/admin/nyheter/ny"
    # the page's form, sent again as it stands, saves the typed text
    r = ed.post(form_target(r.text), post_form(title="Utan tid", body=textarea(r.text, "body"), action="draft"))
    assert r.status == 303
    pid = create(ed, title=f"Konflikt {time.time_ns()}", body="Ett", action="draft")
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title="A", body="Två", action="preview", version="1"))
    assert form_target(r.text) == f"/admin/nyheter/{pid}"
    ed.post(f"/admin/nyheter/{pid}", post_form(title="A", body="Två", action="draft", version="1"))
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title="B", body="Tre", action="draft", version="1"))
    assert r.status == 409 and form_target(r.text) == f"/admin/nyheter/{pid}"
    assert textarea(r.text, "body") == "Tre"


def test_published_post_is_updated_in_place_and_unpublished_only_on_request(site, ed):
    title = f"Årsmöte 2024 {time.time_ns()}"
    pid = create(ed, title=title, body="Historia.", action="schedule", publish_at="2024-03-14 10:00")
    status, pub, version, slug = row(site, pid)
    assert (status, pub) == ("published", "2024-03-14T09:00:00Z")       # backdated, public now
    assert site.get(f"/nyheter/{slug}").status == 200
    page = ed.get(f"/admin/nyheter/{pid}").text
    assert 'value="update">Uppdatera<' in page and 'value="unpublish"' in page
    assert 'value="draft"' not in page and 'value="publish"' not in page
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title=title, body="Rättad.", action="update",
                                                   publish_at=field_value(page, "publish_at"),
                                                   version=str(version)))
    assert r.status == 303
    assert row(site, pid)[:2] == ("published", "2024-03-14T09:00:00Z")
    # an old page's "Spara som utkast" or "Publicera nu" never unpublishes nor redates it
    for action in ("draft", "publish"):
        r = ed.post(f"/admin/nyheter/{pid}", post_form(title=title, body="Rättad igen.", action=action,
                                                       version=str(row(site, pid)[2])))
        assert r.status == 303
        assert row(site, pid)[:2] == ("published", "2024-03-14T09:00:00Z")
    assert title in site.get("/nyheter").text
    r = ed.post(f"/admin/nyheter/{pid}", post_form(title=title, body="Bort.", action="unpublish",
                                                   version=str(row(site, pid)[2])))
    assert r.status == 303
    assert row(site, pid)[:2] == ("draft", "2024-03-14T09:00:00Z")
    assert site.get(f"/nyheter/{slug}").status == 404
    assert audit(site, pid) == ["publish", "update", "update", "update", "unpublish"]
    assert "avpublicerade nyhet" in ed.get("/admin").text


def test_scheduled_post_is_logged_as_scheduled(site, ed):
    when = (datetime.datetime.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    pid = create(ed, title=f"Senare {time.time_ns()}", body="x", action="schedule", publish_at=when)
    assert audit(site, pid) == ["schedule"]
    assert "schemalade nyhet" in ed.get("/admin").text
    assert "publicerade nyhet" not in ed.get("/admin").text.split("Senare")[0][-200:]


def test_logins_do_not_crowd_out_recent_changes(site, ed):
    title = f"Ändring som syns {time.time_ns()}"
    create(ed, title=title, body="x", action="draft")
    email = add_user(site, "many")
    for _ in range(10):
        Admin(site, email)
    dash = ed.get("/admin").text
    changes = dash.split("Senaste ändringar", 1)[1]
    assert title in changes and "loggade in" not in changes


def test_preview_shows_the_featured_image(site, ed):
    mid = uploaded_id(upload(site, ed, png(6, 4), "forhand.png", alt="Torget i sol"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    r = ed.post("/admin/nyheter/ny", post_form(title="Med bild", body="Text", featured=str(mid), action="preview"))
    assert r.status == 200
    preview = r.text.split('class="preview"', 1)[1].split("</section>", 1)[0]
    assert f'<img src="/uploads/{fname}" alt="Torget i sol">' in preview
    assert re.search(rf'<option value="{mid}" selected>', r.text)


def test_admin_search_ignores_case_of_swedish_letters(site, ed):
    tag = time.time_ns()
    create(ed, title=f"Årsmöte i Örebro {tag}", body="x", action="draft")
    for q in (f"årsmöte i örebro {tag}", f"ÅRSMÖTE I ÖREBRO {tag}", "ÅrSmÖtE"):
        assert f"Årsmöte i Örebro {tag}" in ed.get("/admin/nyheter?q=" + urllib.parse.quote(q)).text, q
    site.sql("INSERT INTO events (slug, title, kind, status, starts_at, ends_at, town, created_at, "
             "updated_at) VALUES (?, ?, 'annat', 'draft', '2030-01-01T09:00:00Z', '2030-01-01T10:00:00Z', "
             "'Umeå', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
             (f"ev-{tag}", f"Ängelholmsdagen {tag}"))
    assert f"Ängelholmsdagen {tag}" in ed.get("/admin/evenemang?q=" + urllib.parse.quote("ängelholmsDAGEN")).text


def test_second_chair_for_the_same_years_needs_a_tick(site, ed):
    year = datetime.date.today().year
    seat = {"name": "Ny Ordförande", "role": "ordforande", "party": "S", "member": "0",
            "term_start": str(year), "term_end": str(year + 1), "version": "1"}
    before = site.sql("SELECT count(*) FROM board_seats")
    r = ed.post("/admin/styrelse/ny", seat)
    assert r.status == 422 and "Karin Åkesson är redan ordförande" in r.text
    assert 'name="two_chairs"' in r.text and field_value(r.text, "name") == "Ny Ordförande"
    assert site.sql("SELECT count(*) FROM board_seats") == before
    # other years, or a tick, are fine
    r = ed.post("/admin/styrelse/ny", dict(seat, term_start="2040", term_end="2041"))
    assert r.status == 303
    r = ed.post("/admin/styrelse/ny", dict(seat, two_chairs="1"))
    assert r.status == 303
