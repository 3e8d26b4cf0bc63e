"""Found and shared: head metadata (description, canonical, Open Graph, JSON-LD), sitemap, robots.txt, favicon."""
import html.parser
import json
import xml.etree.ElementTree as ET

import pytest

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EVIL = "</script><script>alert(1)</script><!--<script> \u2028 & \"q\" 'a'"


class Head(html.parser.HTMLParser):
    """The head's meta, link and script elements, and every script's text."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._in = {}, {}, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        elif tag == "link":
            self.links.setdefault(a.get("rel"), a.get("href"))
        elif tag == "script":
            self.scripts.append([a.get("type"), ""])
            self._in = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.scripts[-1][1] += data


def head(site, path):
    r = site.get(path)
    assert r.status == 200, (path, r)
    h = Head()
    h.feed(r.text)
    return r, h


@pytest.fixture(scope="module")
def fs():
    from conftest import Site
    s = Site(seed=True)
    s.sql("INSERT INTO media (file_name, mime_type, size_bytes, original_name, alt_text, title, created_at) "
          "VALUES ('0123456789abcdef0123456789abcdef.png', 'image/png', 10, 'a.png', 'Bild', '', "
          "'2024-01-01T00:00:00Z')")
    s.sql("INSERT INTO posts (slug, title, author, excerpt, body_md, body_html, status, published_at, "
          "created_at, updated_at, featured_media_id) VALUES ('elak', ?, ?, ?, 'x', '<p>x</p>', 'published', "
          "'2024-03-14T08:30:00Z', '2024-03-14T08:30:00Z', '2024-03-15T08:30:00Z', "
          "(SELECT id FROM media))", (EVIL, EVIL, EVIL))
    s.sql("INSERT INTO events (slug, title, starts_at, ends_at, online, venue, town, description_md, "
          "description_html, description_text, status, created_at, updated_at) VALUES "
          "('elakt-evenemang', ?, '2030-06-01T07:00:00Z', '2030-06-01T09:00:00Z', 0, 'Stadshuset', 'Malmö', "
          "'x', '<p>x</p>', ?, 'cancelled', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')", (EVIL, EVIL))
    yield s
    s.close()


def test_every_page_has_title_description_canonical_og(fs):
    for path in ("/", "/nyheter", "/evenemang", "/medlemmar", "/styrelse", "/om", "/sok?q=h%C3%A4lsa",
                 "/kategori/folkhalsa"):
        r, h = head(fs, path)
        assert "<title>" in r.text
        assert h.meta["description"] and h.meta["og:description"] == h.meta["description"]
        assert h.links["canonical"] == fs.url + path.split("?")[0]
        assert h.meta["og:url"] == h.links["canonical"]
        assert h.meta["og:locale"] == "sv_SE" and h.meta["og:type"] == "website" and h.meta["og:title"]
    r, h = head(fs, "/nyheter?sida=2&utm_source=x")
    assert h.links["canonical"] == fs.url + "/nyheter?sida=2"


def test_post_json_ld_cannot_break_out(fs):
    r, h = head(fs, "/nyheter/elak")
    assert [s[0] for s in h.scripts] == ["application/ld+json"], "one data block, no other script"
    data = json.loads(h.scripts[0][1])
    assert data["@type"] == "NewsArticle" and data["headline"] == EVIL
    assert data["author"]["name"] == EVIL
    assert data["datePublished"] == "2024-03-14T09:30:00+01:00"
    assert data["dateModified"] == "2024-03-15T09:30:00+01:00"
    assert data["image"] == [fs.url + "/uploads/0123456789abcdef0123456789abcdef.png"]
    raw = r.text.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert h.meta["og:type"] == "article"
    assert h.meta["og:image"] == fs.url + "/uploads/0123456789abcdef0123456789abcdef.png"
    assert h.meta["og:title"] == EVIL
    csp = r.headers["content-security-policy"]
    assert csp == fs.get("/").headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe" not in csp


def test_event_json_ld(fs):
    r, h = head(fs, "/evenemang/elakt-evenemang")
    data = json.loads([s for s in h.scripts if s[0] == "application/ld+json"][0][1])
    assert data["@type"] == "Event" and data["name"] == EVIL
    assert data["startDate"] == "2030-06-01T09:00:00+02:00"
    assert data["endDate"] == "2030-06-01T11:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["name"] == "Stadshuset"
    assert data["location"]["address"]["addressLocality"] == "Malmö"
    assert data["organizer"]["name"] == "Healthy Cities Sverige"
    online = fs.sql("SELECT slug FROM events WHERE online = 1 AND status = 'published' LIMIT 1")[0][0]
    r, h = head(fs, f"/evenemang/{online}")
    data = json.loads([s for s in h.scripts if s[0] == "application/ld+json"][0][1])
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_sitemap_lists_public_addresses(fs):
    r = fs.get("/sitemap.xml")
    assert r.status == 200 and r.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(r.body)
    assert root.tag == SM + "urlset"
    locs = {u.find(SM + "loc").text: u.find(SM + "lastmod") for u in root}
    assert fs.url + "/nyheter/elak" in locs and fs.url + "/evenemang/elakt-evenemang" in locs
    assert fs.url + "/om" in locs and fs.url + "/kategori/folkhalsa" in locs
    assert locs[fs.url + "/nyheter/elak"].text == "2024-03-15T08:30:00Z"
    drafts = fs.sql("SELECT slug FROM posts WHERE status = 'draft'")
    for (slug,) in drafts:
        assert fs.url + f"/nyheter/{slug}" not in locs
    public = fs.sql("SELECT count(*) FROM posts WHERE status = 'published' AND published_at <= "
                    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")[0][0]
    assert sum(1 for l in locs if "/nyheter/" in l) == public


def test_robots_and_favicon(fs):
    r = fs.get("/robots.txt")
    assert r.status == 200 and r.headers["content-type"].startswith("text/plain")
    assert "Disallow: /admin\n" in r.text and f"Sitemap: {fs.url}/sitemap.xml\n" in r.text
    f = fs.get("/favicon.ico")
    assert f.status == 200 and f.body[:4] == b"\x00\x00\x01\x00"
    assert f.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/sitemap-x.xml", "/sitemap-nyheter-0.xml", "/sitemap-nyheter-01.xml",
                                  "/sitemap-nyheter-abc.xml", "/sitemap-nyheter-.xml",
                                  "/sitemap-nyheter-99999999999.xml", "/sitemap.xml/", "/sitemap-.xml"])
def test_bad_sitemap_paths(fs, path):
    r = fs.get(path)
    assert r.status == 404 and 'lang="sv"' in r.text


def test_sitemap_index_on_a_large_site(make_site):
    s = make_site(seed=True)
    rows = [(f"massa-{i}", f"Massa {i}") for i in range(4100)]
    import sqlite3
    con = sqlite3.connect(s.db_path)
    con.executemany("INSERT INTO posts (slug, title, status, published_at, created_at, updated_at) "
                    "VALUES (?, ?, 'published', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', "
                    "'2020-01-01T00:00:00Z')", rows)
    con.commit()
    con.close()
    root = ET.fromstring(s.get("/sitemap.xml").body)
    assert root.tag == SM + "sitemapindex"
    parts = [e.find(SM + "loc").text for e in root]
    assert parts[0] == s.url + "/sitemap-sidor.xml"
    assert s.url + "/sitemap-nyheter-2.xml" in parts and s.url + "/sitemap-evenemang-1.xml" in parts
    seen = []
    for p in parts:
        r = s.get(p[len(s.url):])
        assert r.status == 200, p
        urls = ET.fromstring(r.body)
        assert urls.tag == SM + "urlset" and len(urls) <= 2000
        seen += [u.find(SM + "loc").text for u in urls]
    assert len([u for u in seen if "/nyheter/massa-" in u]) == 4100
    assert len(seen) == len(set(seen))
