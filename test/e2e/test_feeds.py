"""RSS feeds through nginx: parsed by feedparser and an XML parser, conditional requests, bad paths."""
import email.utils
import xml.etree.ElementTree as ET

import feedparser
import pytest

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ATOM_LINK = "{http://www.w3.org/2005/Atom}link"


def parse(site, path):
    r = site.get(path)
    assert r.status == 200, r
    assert r.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    f = feedparser.parse(r.body)
    assert not f.bozo, f.bozo_exception
    return r, f, ET.fromstring(r.body)


@pytest.fixture(scope="module")
def feed_site(make_site_module):
    return make_site_module


@pytest.fixture(scope="module")
def make_site_module():
    from conftest import Site
    s = Site(seed=True)
    s.sql("INSERT INTO posts (slug, title, category_id, author, excerpt, body_md, body_html, "
          "status, published_at, created_at, updated_at) VALUES ('tecken', ?, "
          "(SELECT id FROM categories WHERE slug = 'folkhalsa'), 'A & B', 'Utdrag <b>&amp;', "
          "'x', ?, 'published', '2099-01-01T00:00:00Z', '2020-01-01T00:00:00Z', "
          "'2020-01-01T00:00:00Z')",
          ("Tecken <script>&\"' ]]> i titeln",
           '<p><a href="/om">om</a> <img src="/uploads/a.png" alt=""> <a href="//x.example/">x</a></p>'))
    s.sql("UPDATE posts SET published_at = '2026-01-02T03:04:05Z' WHERE slug = 'tecken'")
    yield s
    s.close()


def test_news_feed(feed_site):
    r, f, root = parse(feed_site, "/feed")
    ch = root.find("channel")
    assert ch.find(ATOM_LINK).get("rel") == "self"
    assert ch.find(ATOM_LINK).get("href") == feed_site.url + "/feed"
    items = ch.findall("item")
    public = feed_site.sql("SELECT count(*) FROM posts WHERE status = 'published' "
                           "AND published_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")[0][0]
    assert len(items) == min(20, public)
    newest = feed_site.sql("SELECT slug FROM posts WHERE status = 'published' AND published_at <= "
                           "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') ORDER BY published_at DESC, id DESC LIMIT 1")[0][0]
    assert f.entries[0].link == f"{feed_site.url}/nyheter/{newest}"
    for it in items:
        guid = it.find("guid")
        assert guid.get("isPermaLink") == "true" and guid.text == it.find("link").text
        assert email.utils.parsedate_to_datetime(it.find("pubDate").text).tzinfo is not None
        assert it.find("description").text
        assert it.find(CONTENT) is not None


def test_feed_escapes_and_absolute_urls(feed_site):
    r, f, root = parse(feed_site, "/feed")
    it = [i for i in root.iter("item") if i.find("link").text.endswith("/nyheter/tecken")][0]
    assert it.find("title").text == "Tecken <script>&\"' ]]> i titeln"
    assert it.find("description").text == "Utdrag <b>&amp;"
    assert it.find("category").text == "Folkhälsa"
    body = it.find(CONTENT).text
    assert f'href="{feed_site.url}/om"' in body
    assert f'src="{feed_site.url}/uploads/a.png"' in body
    assert 'href="//x.example/"' in body
    # 2026-01-02 03:04:05 UTC is 04:04:05 in Stockholm (winter, +0100)
    assert it.find("pubDate").text == "Fri, 02 Jan 2026 04:04:05 +0100"


def test_category_feed(feed_site):
    r, f, root = parse(feed_site, "/kategori/folkhalsa/feed")
    assert f.entries and all(e.tags[0].term == "Folkhälsa" for e in f.entries)
    assert root.find("channel").find(ATOM_LINK).get("href") == feed_site.url + "/kategori/folkhalsa/feed"
    assert "/kategori/folkhalsa/feed" in feed_site.get("/kategori/folkhalsa").text


def test_old_feed_path_and_events_feed(feed_site):
    assert feed_site.get("/feed/").body == feed_site.get("/feed").body
    r, f, root = parse(feed_site, "/evenemang.rss")
    assert f.entries
    assert all(e.link.startswith(feed_site.url + "/evenemang/") for e in f.entries)


def test_conditional_requests(feed_site):
    for path in ("/feed", "/kategori/folkhalsa/feed", "/evenemang.rss"):
        r = feed_site.get(path)
        etag, lm = r.headers["etag"], r.headers["last-modified"]
        n = feed_site.get(path, headers={"If-None-Match": etag})
        assert n.status == 304 and n.body == b"" and n.headers["etag"] == etag
        n = feed_site.get(path, headers={"If-Modified-Since": lm})
        assert n.status == 304
        assert feed_site.get(path, headers={"If-None-Match": '"other"'}).status == 200
        assert feed_site.get(path, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status == 200
        assert feed_site.get(path, headers={"If-Modified-Since": "nonsens"}).status == 200


def test_feed_changes_with_a_post(feed_site):
    etag = feed_site.get("/feed").headers["etag"]
    feed_site.sql("UPDATE posts SET title = 'Ny rubrik i flödet' WHERE slug = 'tecken'")
    r = feed_site.get("/feed", headers={"If-None-Match": etag})
    assert r.status == 200 and b"Ny rubrik i fl\xc3\xb6det" in r.body


def test_links_in_every_page(feed_site):
    for path in ("/", "/nyheter", "/evenemang", "/om"):
        t = feed_site.get(path).text
        assert '<link rel="alternate" type="application/rss+xml"' in t and 'href="/feed"' in t
        assert '<a href="/feed">' in t


@pytest.mark.parametrize("path,status", [
    ("/feed/x", 404), ("/feed//", 404), ("/kategori/finns-inte/feed", 404),
    ("/kategori//feed", 404), ("/kategori/a/b/feed", 404), ("/kategori/folkhalsa/feed/", 404),
    ("/feed?sida=2", 200), ("/evenemang.rss/", 404), ("/kategori/%00/feed", 400),
])
def test_bad_feed_paths(feed_site, path, status):
    r = feed_site.get(path)
    assert r.status == status, (path, r)
    if status != 200:
        assert "<html" in r.text and 'lang="sv"' in r.text


def test_post_to_feed_is_refused(feed_site):
    r = feed_site.post("/feed", {"a": "b"})
    assert r.status == 405 and "GET" in r.headers["allow"]


def test_calendar_is_sent_gzip_compressed_once(feed_site):
    import gzip
    plain = feed_site.get("/evenemang.ics")
    assert plain.status == 200 and "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    z = feed_site.get("/evenemang.ics", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert z.status == 200 and z.headers["content-encoding"] == "gzip"
    assert gzip.decompress(z.body) == plain.body
    assert len(z.body) < len(plain.body)
    assert z.headers["etag"] != plain.headers["etag"]
    n = feed_site.get("/evenemang.ics", headers={"Accept-Encoding": "gzip",
                                                 "If-None-Match": z.headers["etag"]})
    assert n.status == 304 and n.body == b""
    assert feed_site.get("/evenemang.ics", headers={"If-None-Match": plain.headers["etag"]}).status == 304
    refused = feed_site.get("/evenemang.ics", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in refused.headers and refused.body == plain.body
    head = feed_site.request("HEAD", "/evenemang.ics", headers={"Accept-Encoding": "gzip"})
    assert head.status == 200 and head.body == b"" and head.headers["content-encoding"] == "gzip"
