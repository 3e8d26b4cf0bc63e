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
    d, _, t = f.pop("publish_at").partition(" ")
    f.setdefault("publish_date", d)
    f.setdefault("publish_time", t)
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
                                                   publish_at=field_value(page, "publish_date") + " " + field_value(page, "publish_time"),
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


def kept_key(text):
    m = re.search(r'<input type="hidden" name="kept" value="([0-9a-f]{64})">', text)
    return m.group(1) if m else None


def login_again(site, email, key, next_path):
    from admin_helpers import PASSWORD
    return site.post("/admin/login", {"email": email, "password": PASSWORD, "next": next_path, "kept": key})


def test_expired_session_keeps_the_text_through_the_login(site, ed):
    email = add_user(site, "expiring")
    her = Admin(site, email)
    pid = create(her, title=f"Lång text {time.time_ns()}", body="Första utkastet.", action="draft")
    page = her.get(f"/admin/nyheter/{pid}").text
    body = "Tre timmars arbete: **åäö**\nrad två & <mer>\n\n" + "ord " * 2000
    # the session ends while she writes
    site.sql("UPDATE sessions SET last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-9 hours') "
             "WHERE user_id = (SELECT id FROM users WHERE email = ?)", (email,))
    r = her.post(f"/admin/nyheter/{pid}", post_form(title="Ny rubrik", body=body, action="draft",
                                                    version=field_value(page, "version")))
    assert r.status == 403
    assert "Logga in" in r.text and "Det du skrev är sparat tillfälligt" in r.text
    key = kept_key(r.text)
    assert key, r.text[:2000]
    assert key not in r.headers.get("location", "") and "kept=" not in r.text.split("<form", 1)[0]
    # the form is kept only as a hash of the key, never with the CSRF token
    rows = site.sql("SELECT key_hash, path, fields FROM kept_forms")
    assert [(p) for (_, p, _) in rows] == [f"/admin/nyheter/{pid}"]
    assert rows[0][0] != key and "csrf" not in rows[0][2]
    # a wrong password keeps the key in the form
    r = site.post("/admin/login", {"email": email, "password": "fel", "next": "/admin", "kept": key})
    assert r.status == 403 and kept_key(r.text) == key
    r = login_again(site, email, key, f"/admin/nyheter/{pid}")
    assert r.status == 303, (r.status, r.text[:2000])
    assert r.headers["location"] == f"/admin/nyheter/{pid}?klart=1"
    assert re.match(r"hcsession=[0-9a-f]{64};", r.headers["set-cookie"])
    assert site.sql("SELECT title, body_md FROM posts WHERE id = ?", (pid,)) == [("Ny rubrik", body)]
    assert site.sql("SELECT count(*) FROM kept_forms") == [(0,)]
    # the key works once
    r = login_again(site, email, key, "/admin")
    assert r.status == 303 and r.headers["location"] == "/admin"


def test_kept_form_with_an_error_comes_back_as_typed(site, ed):
    email = add_user(site, "expiring2")
    her = Admin(site, email)
    site.sql("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)", (email,))
    r = her.post("/admin/nyheter/ny", post_form(title="Schemalagd utan tid", body="Viktig text\nrad 2",
                                                action="schedule"))
    key = kept_key(r.text)
    r = login_again(site, email, key, "/admin/nyheter/ny")
    assert r.status == 422
    assert field_value(r.text, "title") == "Schemalagd utan tid"
    assert textarea(r.text, "body") == "Viktig text\nrad 2"
    assert form_target(r.text) == "/admin/nyheter/ny"
    assert re.match(r"hcsession=[0-9a-f]{64};", r.headers["set-cookie"])


def test_outdated_page_after_a_new_login_keeps_the_text(site, ed):
    email = add_user(site, "twotabs")
    old_tab = Admin(site, email)
    pid = create(old_tab, title=f"Två flikar {time.time_ns()}", body="x", action="draft")
    site.sql("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)", (email,))
    new_tab = Admin(site, email)
    old_tab.token = new_tab.token              # the browser's cookie is the new one; the page is old
    r = old_tab.post(f"/admin/nyheter/{pid}", post_form(title="Från gamla fliken", body="Text", action="draft"))
    assert r.status == 403 and kept_key(r.text)
    r = login_again(site, email, kept_key(r.text), "/admin")
    assert r.status == 303
    assert site.sql("SELECT title FROM posts WHERE id = ?", (pid,)) == [("Från gamla fliken",)]


def test_kept_forms_expire_within_an_hour_and_need_same_origin(site, ed):
    email = add_user(site, "late")
    her = Admin(site, email)
    site.sql("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)", (email,))
    r = her.post("/admin/nyheter/ny", post_form(title="Sent", body="x", action="draft"))
    key = kept_key(r.text)
    site.sql("UPDATE kept_forms SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-61 minutes')")
    r = login_again(site, email, key, "/admin/nyheter/ny")
    assert r.status == 303 and r.headers["location"] == "/admin/nyheter/ny"
    assert site.sql("SELECT count(*) FROM posts WHERE title = 'Sent'") == [(0,)]
    # nothing is kept for a cross-site post
    r = her.post("/admin/nyheter/ny", post_form(title="Främmande", body="x", action="draft"),
                 headers={"Origin": "https://evil.example"})
    assert r.status == 403 and kept_key(r.text) is None
    assert site.sql("SELECT count(*) FROM kept_forms WHERE path = '/admin/nyheter/ny' AND fields LIKE '%mmande%'") \
        == [(0,)]


def event_fields(**kw):
    f = {"title": "", "kind": "seminarium", "status": "published", "start_date": "", "start_time": "",
         "end_date": "", "end_time": "", "venue": "Stadshuset", "town": "Malmö", "join_url": "",
         "description": "", "registration_url": "", "registration_until": "", "programme": "0",
         "programme_url": "", "version": "1"}
    f.update(kw)
    return f


def event_times(site, title):
    return site.sql("SELECT all_day, starts_at, ends_at FROM events WHERE title = ?", (title,))


@pytest.mark.parametrize("start_date,start_time,end_date,end_time,want", [
    ("2031-03-14", "09:00", "", "16:00", ("2031-03-14T08:00:00Z", "2031-03-14T15:00:00Z")),
    ("14/3 2031", "9.00", "", "16", ("2031-03-14T08:00:00Z", "2031-03-14T15:00:00Z")),
    ("14 mars 2031", "9:00", "15 mars 2031", "kl. 12.30", ("2031-03-14T08:00:00Z", "2031-03-15T11:30:00Z")),
    ("14.3.2031", "0930", "2031-03-14", "10:15", ("2031-03-14T08:30:00Z", "2031-03-14T09:15:00Z")),
])
def test_event_dates_and_times_as_people_write_them(site, ed, start_date, start_time, end_date, end_time, want):
    title = f"Datum {time.time_ns()}"
    r = ed.post("/admin/evenemang/ny", event_fields(title=title, start_date=start_date, start_time=start_time,
                                                    end_date=end_date, end_time=end_time))
    assert r.status == 303, r.text[:3000]
    assert event_times(site, title) == [(0,) + want]


def test_whole_day_needs_no_time_and_native_fields_are_used(site, ed):
    page = ed.get("/admin/evenemang/ny").text
    assert re.search(r'<input id="start_date" name="start_date" type="date"[^>]* required', page)
    assert re.search(r'<input id="start_time" name="start_time" type="time"', page)
    assert not re.search(r'<input id="start_time"[^>]* required', page)
    title = f"Heldag {time.time_ns()}"
    r = ed.post("/admin/evenemang/ny", event_fields(title=title, all_day="1", start_date="14 mars 2031"))
    assert r.status == 303, r.text[:3000]
    assert event_times(site, title) == [(1, "2031-03-13T23:00:00Z", "2031-03-14T23:00:00Z")]
    r = ed.post("/admin/evenemang/ny", event_fields(title="Utan tid", start_date="14/3 2031"))
    assert r.status == 422 and "Ange en starttid, eller kryssa i Heldag." in r.text
    assert field_value(r.text, "start_date") == "14/3 2031"
    r = ed.post("/admin/evenemang/ny", event_fields(title="Fel tid", start_date="14/3 2031", start_time="9.75",
                                                    end_time="10"))
    assert r.status == 422 and "kunde inte läsas som ett klockslag" in r.text
    assert field_value(r.text, "start_time") == "9.75"


def test_post_date_typed_the_swedish_way(site, ed):
    page = ed.get("/admin/nyheter/ny").text
    assert 'name="publish_date" type="date"' in page and 'name="publish_time" type="time"' in page
    pid = create(ed, title=f"Bakåt {time.time_ns()}", body="x", action="schedule", publish_date="14 mars 2024")
    assert row(site, pid)[:2] == ("published", "2024-03-13T23:00:00Z")
    r = ed.post("/admin/nyheter/ny", post_form(title="Bara tid", body="x", action="schedule",
                                               publish_date="", publish_time="9.00"))
    assert r.status == 422 and "saknar datum" in r.text
    f = post_form(title=f"Svensk {time.time_ns()}", body="x", action="schedule")
    f.update(publish_date="14/3 2024", publish_time="kl. 10.00")
    r = ed.post("/admin/nyheter/ny", f)
    assert r.status == 303
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    assert row(site, pid)[:2] == ("published", "2024-03-14T09:00:00Z")
    page = ed.get(f"/admin/nyheter/{pid}").text
    assert (field_value(page, "publish_date"), field_value(page, "publish_time")) == ("2024-03-14", "10:00")
