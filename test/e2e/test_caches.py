"""The public pages' caches and shortcuts stay correct: the calendar feed's cache and ETag,
the counts and index bounds of the event lists, one read transaction per page."""
import re
import time
from datetime import datetime, timedelta, timezone

from test_events import insert_event

PAGE_VARIANTS = 150   # above PAGECACHE_ENTRIES (64) for both workers


def utc(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


NOW = datetime.now(timezone.utc).replace(microsecond=0)


def insert_post(site, slug, title, when=None):
    t = utc(when or NOW - timedelta(hours=1))
    site.sql("INSERT INTO posts (slug, title, status, published_at, created_at, updated_at) "
             "VALUES (?, ?, 'published', ?, ?, ?)", (slug, title, t, t, t))


def test_feed_etag_and_not_modified(make_site):
    s = make_site(seed=True)
    r = s.get("/evenemang.ics")
    assert r.status == 200
    etag = r.headers.get("etag")
    assert etag and re.fullmatch(r'"[0-9a-f]{16}"', etag), r.headers
    assert "BEGIN:VCALENDAR" in r.text
    # Both workers: every answer carries the same tag while nothing changed.
    for _ in range(4):
        again = s.get("/evenemang.ics", headers={"If-None-Match": etag})
        assert again.status == 304
        assert again.text == ""
        assert again.headers.get("etag") == etag
    assert s.get("/evenemang.ics", headers={"If-None-Match": '"0000000000000000"'}).status == 200
    assert s.get("/evenemang.ics", headers={"If-None-Match": f'"x", {etag}'}).status == 304


def test_feed_follows_changes_at_once(make_site):
    s = make_site(seed=False)
    first = s.get("/evenemang.ics")
    assert first.status == 200 and "Kalendertest" not in first.text
    insert_event(s, "kalendertest", utc(NOW + timedelta(days=3)),
                 utc(NOW + timedelta(days=3, hours=2)), title="Kalendertest")
    for _ in range(4):   # whichever worker answers, its cached feed is stale
        r = s.get("/evenemang.ics", headers={"If-None-Match": first.headers["etag"]})
        assert r.status == 200
        assert "SUMMARY:Kalendertest" in r.text
        assert r.headers["etag"] != first.headers["etag"]
    s.sql("UPDATE events SET status = 'draft' WHERE slug = 'kalendertest'")
    for _ in range(4):
        assert "Kalendertest" not in s.get("/evenemang.ics").text


def test_long_running_event_is_listed_as_coming(make_site):
    """The coming list scans by start from now less the longest event: an event that began
    long ago and has not ended must still be found, also after the span was cached."""
    s = make_site(seed=False)
    for i in range(30):
        insert_event(s, f"kort-{i}", utc(NOW - timedelta(days=60 - i)),
                     utc(NOW - timedelta(days=60 - i) + timedelta(hours=2)), title=f"Kort {i}")
    insert_event(s, "snart", utc(NOW + timedelta(days=2)), utc(NOW + timedelta(days=2, hours=1)),
                 title="Snart")
    for _ in range(4):   # fill both workers' caches
        body = s.get("/evenemang").text
        assert "Snart" in body and "Kort " not in body
    insert_event(s, "utstallning", utc(NOW - timedelta(days=200)), utc(NOW + timedelta(days=20)),
                 title="Lång utställning")
    for _ in range(4):
        assert "Lång utställning" in s.get("/evenemang").text
        assert "Lång utställning" in s.get("/").text
        assert "Lång utställning" not in s.get("/evenemang/tidigare").text


def test_event_counts_follow_new_events(make_site):
    s = make_site(seed=False)
    for i in range(20):
        insert_event(s, f"e-{i}", utc(NOW + timedelta(days=i + 1)),
                     utc(NOW + timedelta(days=i + 1, hours=1)), title=f"Evenemang {i}")
    for _ in range(4):
        assert s.get("/evenemang?sida=2").status == 404      # exactly one page of 20
    insert_event(s, "e-20", utc(NOW + timedelta(days=30)), utc(NOW + timedelta(days=30, hours=1)),
                 title="Det tjugoförsta")
    for _ in range(4):
        r = s.get("/evenemang?sida=2")
        assert r.status == 200 and "Det tjugoförsta" in r.text
    # An event that ends in a moment moves from the coming count to the past one by itself.
    insert_event(s, "nu", utc(NOW - timedelta(hours=1)), utc(NOW + timedelta(seconds=2)),
                 title="Pågår nu")
    for _ in range(4):
        assert s.get("/evenemang?sida=2").status == 200
    import time
    time.sleep(3)
    for _ in range(4):
        assert "Pågår nu" not in s.get("/evenemang").text
        assert "Pågår nu" in s.get("/evenemang/tidigare").text


def test_pages_see_new_data_after_errors(make_site):
    """One read transaction per page: none stays open after an answer (even an error),
    so the next page on the same worker sees what was written meanwhile."""
    s = make_site(seed=False)
    for i in range(3):
        assert s.get("/nyheter/finns-inte").status == 404
        assert s.get("/nyheter?sida=999").status == 404
        assert s.get("/evenemang/finns-inte.ics").status == 404
        insert_post(s, f"ny-{i}", f"Nyhet nummer {i}")
        for _ in range(4):
            r = s.get("/nyheter")
            assert r.status == 200 and f"Nyhet nummer {i}" in r.text
            assert s.get(f"/nyheter/ny-{i}").status == 200
    # Writers are not held up by readers between requests.
    s.sql("UPDATE posts SET title = 'Ändrad' WHERE slug = 'ny-0'")
    assert "Ändrad" in s.get("/nyheter/ny-0").text


def test_featured_image_in_lists_and_post(make_site):
    s = make_site(seed=False)
    insert_post(s, "med-bild", "Med bild")
    insert_post(s, "utan-bild", "Utan bild", NOW - timedelta(hours=2))
    mid = s.sql("INSERT INTO media (file_name, mime_type, size_bytes, original_name, alt_text, "
                "title, created_at) VALUES ('0123456789abcdef0123456789abcdef.png', 'image/png', 10, 'a.png', 'En bild', '', ?) "
                "RETURNING id", (utc(NOW),))[0][0]
    s.sql("UPDATE posts SET featured_media_id = ? WHERE slug = 'med-bild'", (mid,))
    for path in ("/nyheter", "/nyheter/med-bild"):   # the start page shows no images
        body = s.get(path).text
        assert body.count('src="/uploads/0123456789abcdef0123456789abcdef.png"') == 1, path
        assert 'alt="En bild"' in body
    assert "/uploads/" not in s.get("/nyheter/utan-bild").text.split("<main", 1)[1]


def test_page_copies_follow_changes(make_site):
    """A public page served from a worker's copy changes as soon as the data does."""
    site = make_site()
    insert_post(site, "kopia", "Första rubriken")
    for _ in range(6):   # every worker has made and used its copy
        r = site.get("/nyheter/kopia")
        assert r.status == 200 and "Första rubriken" in r.text
        assert "Första rubriken" in site.get("/").text
    site.sql("UPDATE posts SET title = 'Andra rubriken' WHERE slug = 'kopia'")
    for _ in range(6):
        assert "Andra rubriken" in site.get("/nyheter/kopia").text
        assert "Andra rubriken" in site.get("/").text
        assert "Första rubriken" not in site.get("/nyheter").text


def test_page_copies_follow_time(make_site):
    """A post scheduled two seconds ahead appears on a page that was copied before."""
    site = make_site()
    due = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=2)
    insert_post(site, "snart", "Snart publicerad", due)
    for _ in range(6):
        assert "Snart publicerad" not in site.get("/").text
    deadline = due + timedelta(seconds=5)
    while datetime.now(timezone.utc) < due + timedelta(milliseconds=100):
        time.sleep(0.1)
    assert datetime.now(timezone.utc) < deadline
    for _ in range(6):
        assert "Snart publicerad" in site.get("/").text


def test_head_from_a_copy_has_headers_only(site):
    first = site.get("/medlemmar")
    for _ in range(4):
        again = site.get("/medlemmar")
        assert again.body == first.body
        head = site.request("HEAD", "/medlemmar")
        assert head.status == 200 and head.body == b""
        assert head.headers["content-length"] == str(len(first.body))
        assert head.headers["content-security-policy"] == first.headers["content-security-policy"]


def test_many_query_variants_all_answered(site):
    """More variants than a worker keeps copies of are all answered right."""
    want = site.get("/styrelse").body
    for i in range(PAGE_VARIANTS):
        r = site.get(f"/styrelse?v={i}")
        assert r.status == 200 and r.body == want
