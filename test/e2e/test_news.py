"""The news routes of the foundation through nginx: status, headers, pagination, visibility, dates."""
import re

import pytest

from conftest import Site

CSP_NEEDED = ("default-src", "frame-ancestors 'none'")


@pytest.fixture(scope="module")
def news():
    """A site of its own, so that other suites' posts do not change the counts here."""
    s = Site(seed=True)
    yield s
    s.close()


def check_headers(r):
    """Content-Type with charset and the security headers every response carries."""
    assert r.headers.get("content-type", "").lower() == "text/html; charset=utf-8", r.headers
    csp = r.headers.get("content-security-policy", "")
    for part in CSP_NEEDED:
        assert part in csp, csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, csp
    assert "script-src" not in csp or "'none'" in csp  # default-src 'none' covers scripts
    assert "default-src 'none'" in csp, csp
    assert r.headers.get("x-content-type-options") == "nosniff"
    assert r.headers.get("referrer-policy"), r.headers


def h1_count(text):
    return len(re.findall(r"<h1[ >]", text))


def post_links(text):
    """The /nyheter/<slug> links of list entries, in order (h2/h3 headings)."""
    return re.findall(r'<h[23]><a href="/nyheter/([^"]+)">', text)


def public_count(site):
    return site.sql("SELECT count(*) FROM posts WHERE status='published' "
                    "AND published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now')")[0][0]


def add_post(site, slug, title, when, status="published", category=None, body="<p>Text</p>"):
    site.sql(
        "INSERT INTO posts (slug, title, category_id, author, excerpt, body_md, body_html, "
        "status, published_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (slug, title, category, "Testare", "Utdrag " + title, "Text", body, status, when,
         "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z"))


# --- the pages answer ------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/nyheter", "/nyheter?sida=1", "/kategori/natverket"])
def test_pages_answer_200_with_headers(news, path):
    r = news.get(path)
    assert r.status == 200, r
    check_headers(r)
    assert '<html lang="sv">' in r.text
    assert h1_count(r.text) == 1
    assert 'href="#innehall"' in r.text and 'id="innehall"' in r.text


def test_home_lists_latest_five_newest_first(news):
    r = news.get("/")
    slugs = post_links(r.text)
    assert len(slugs) == 5
    want = [row[0] for row in news.sql(
        "SELECT slug FROM posts WHERE status='published' AND published_at <= "
        "strftime('%Y-%m-%dT%H:%M:%SZ','now') ORDER BY published_at DESC, id DESC LIMIT 5")]
    assert slugs == want


def test_news_pagination(news):
    total = public_count(news)
    assert total > 10, "the demo content should need two pages"
    pages = (total + 9) // 10
    seen = []
    for n in range(1, pages + 1):
        r = news.get(f"/nyheter?sida={n}")
        assert r.status == 200
        slugs = post_links(r.text)
        assert len(slugs) == (10 if n < pages else total - 10 * (pages - 1))
        seen += slugs
        assert f"Sida {n} av {pages}" in r.text
        newer = re.search(r'class="pager-newer" href="([^"]*)"', r.text)
        older = re.search(r'class="pager-older" href="([^"]*)"', r.text)
        if n == 1:
            assert newer is None
        else:
            assert newer.group(1) == ("/nyheter" if n == 2 else f"/nyheter?sida={n - 1}")
        if n == pages:
            assert older is None
        else:
            assert older.group(1) == f"/nyheter?sida={n + 1}"
    want = [row[0] for row in news.sql(
        "SELECT slug FROM posts WHERE status='published' AND published_at <= "
        "strftime('%Y-%m-%dT%H:%M:%SZ','now') ORDER BY published_at DESC, id DESC")]
    assert seen == want, "every public post once, newest first"
    # page 1 without sida is the same page
    assert post_links(news.get("/nyheter").text) == want[:10]


def test_page_past_the_end_is_404(news):
    pages = (public_count(news) + 9) // 10
    r = news.get(f"/nyheter?sida={pages + 1}")
    assert r.status == 404
    check_headers(r)
    assert "Sidan finns inte" in r.text
    r = news.get("/nyheter?sida=1000000")
    assert r.status == 404


def test_one_post(news):
    slug, title, body = news.sql(
        "SELECT slug, title, body_html FROM posts WHERE status='published' "
        "ORDER BY published_at LIMIT 1")[0]
    r = news.get(f"/nyheter/{slug}")
    assert r.status == 200
    check_headers(r)
    assert f"<h1>{title}</h1>" in r.text
    assert body.strip() in r.text, "the stored HTML body is shown as is"
    assert h1_count(r.text) == 1


def test_post_with_encoded_swedish_slug_is_404_not_error(news):
    r = news.get("/nyheter/%C3%A5%C3%A4%C3%B6")
    assert r.status == 404
    check_headers(r)


@pytest.mark.parametrize("path", ["/nyheter/finns-inte", "/kategori/finns-inte", "/finns-inte",
                                  "/nyheter/", "/nyheter/a/b", "/kategori/"])
def test_unknown_is_404_with_swedish_page(news, path):
    r = news.get(path)
    assert r.status == 404, r
    check_headers(r)
    assert '<html lang="sv">' in r.text
    assert "<h1>Sidan finns inte</h1>" in r.text


def test_category_lists_only_its_posts_paginated(news):
    cat_id, = news.sql("SELECT id FROM categories WHERE slug='folkhalsa'")[0]
    for i in range(12):
        add_post(news, f"folk-test-{i:02d}", f"Folkhälsotest {i:02d}",
                 f"2019-01-{i + 1:02d}T10:00:00Z", category=cat_id)
    total = news.sql("SELECT count(*) FROM posts WHERE category_id=? AND status='published' "
                     "AND published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now')", (cat_id,))[0][0]
    assert total > 10
    pages = (total + 9) // 10
    seen = []
    for n in range(1, pages + 1):
        r = news.get(f"/kategori/folkhalsa?sida={n}")
        assert r.status == 200
        check_headers(r)
        assert "<h1>Folkhälsa</h1>" in r.text
        assert f"Sida {n} av {pages}" in r.text
        older = re.search(r'class="pager-older" href="([^"]*)"', r.text)
        newer = re.search(r'class="pager-newer" href="([^"]*)"', r.text)
        if n < pages:
            assert older.group(1) == f"/kategori/folkhalsa?sida={n + 1}"
        else:
            assert older is None
        if n > 1:
            assert newer.group(1) == ("/kategori/folkhalsa" if n == 2
                                      else f"/kategori/folkhalsa?sida={n - 1}")
        seen += post_links(r.text)
    want = [row[0] for row in news.sql(
        "SELECT slug FROM posts WHERE category_id=? AND status='published' AND published_at <= "
        "strftime('%Y-%m-%dT%H:%M:%SZ','now') ORDER BY published_at DESC, id DESC", (cat_id,))]
    assert seen == want
    assert news.get(f"/kategori/folkhalsa?sida={pages + 1}").status == 404


def test_empty_category_says_so(news):
    news.sql("INSERT INTO categories (slug, name, description) VALUES "
             "('tom-kategori', 'Tom kategori', 'Inget här')")
    r = news.get("/kategori/tom-kategori")
    assert r.status == 200
    assert "Det finns inga nyheter här ännu." in r.text
    assert post_links(r.text) == []


def test_drafts_and_future_posts_are_not_public(news):
    add_post(news, "hemligt-utkast", "Hemligt utkast", "2020-05-01T10:00:00Z", status="draft")
    add_post(news, "framtida-nyhet", "Framtida nyhet", "2099-05-01T10:00:00Z")
    add_post(news, "framtida-utkast", "Framtida utkast", "2099-05-02T10:00:00Z", status="draft")
    for slug in ("hemligt-utkast", "framtida-nyhet", "framtida-utkast"):
        assert news.get(f"/nyheter/{slug}").status == 404
    pages = (public_count(news) + 9) // 10
    texts = [news.get("/").text] + [news.get(f"/nyheter?sida={n}").text
                                     for n in range(1, pages + 1)]
    for t in texts:
        assert "Hemligt utkast" not in t and "Framtida" not in t
    # The same post becomes public once published and its time has come.
    news.sql("UPDATE posts SET status='published' WHERE slug='hemligt-utkast'")
    assert news.get("/nyheter/hemligt-utkast").status == 200
    news.sql("UPDATE posts SET published_at='2000-01-01T00:00:00Z' WHERE slug='framtida-nyhet'")
    assert news.get("/nyheter/framtida-nyhet").status == 200


@pytest.mark.parametrize("utc,shown,iso", [
    ("2024-03-14T08:00:00Z", "14 mars 2024", "2024-03-14T09:00:00+01:00"),
    # late evening UTC is already the next day in Stockholm (summer and winter time)
    ("2024-03-31T22:30:00Z", "1 april 2024", "2024-04-01T00:30:00+02:00"),
    ("2023-12-31T23:30:00Z", "1 januari 2024", "2024-01-01T00:30:00+01:00"),
    ("2024-10-27T00:30:00Z", "27 oktober 2024", "2024-10-27T02:30:00+02:00"),
])
def test_dates_in_swedish_stockholm_time(news, utc, shown, iso):
    slug = "datum-" + utc[:10] + "-" + utc[11:13]
    add_post(news, slug, "Datumtest " + slug, utc)
    r = news.get(f"/nyheter/{slug}")
    assert r.status == 200
    assert f'<time datetime="{iso}">{shown}</time>' in r.text, r.text[:3000]


# --- HEAD ------------------------------------------------------------------

@pytest.mark.parametrize("path,status", [
    ("/", 200), ("/nyheter", 200), ("/nyheter?sida=2", 200), ("/kategori/natverket", 200),
    ("/nyheter/healthy-cities-sverige-fyller-35-ar", 200),
    ("/nyheter/finns-inte", 404), ("/nyheter?sida=abc", 400)])
def test_head_like_get_without_body(news, path, status):
    g = news.request("GET", path)
    h = news.request("HEAD", path)
    assert g.status == status
    assert h.status == g.status
    assert h.body == b""
    for k in ("content-type", "content-security-policy", "x-content-type-options",
              "referrer-policy", "cache-control", "content-length"):
        assert h.headers.get(k) == g.headers.get(k), k
    assert int(g.headers["content-length"]) == len(g.body)


def test_error_pages_carry_security_headers(news):
    for path, status in (("/finns-inte", 404), ("/nyheter?sida=abc", 400)):
        r = news.get(path)
        assert r.status == status
        check_headers(r)
    r = news.request("POST", "/nyheter", body="", headers={"Content-Type":
                                                           "application/x-www-form-urlencoded"})
    assert r.status == 405
    check_headers(r)
    assert r.headers.get("allow") == "GET, HEAD"


def test_scheduled_post_appears_when_due_without_any_write(news):
    """The list's page count follows the clock, not only writes to the database."""
    def last_page():
        r = news.get("/nyheter")
        return int(re.search(r"Sida 1 av (\d+)", r.text).group(1))
    total = public_count(news)
    for i in range((10 - total % 10) % 10):          # fill the last page exactly
        add_post(news, f"fyllnad-{i}", f"Fyllnad {i}", "2018-01-01T10:00:00Z")
    due = news.sql("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+2 seconds')")[0][0]
    add_post(news, "snart-publicerad", "Snart publicerad", due)
    before = last_page()
    assert news.get(f"/nyheter?sida={before + 1}").status == 404
    import time
    time.sleep(3)
    assert last_page() == before + 1
    r = news.get(f"/nyheter?sida={before + 1}")
    assert r.status == 200 and len(post_links(r.text)) == 1
    assert post_links(news.get("/").text)[0] == "snart-publicerad"
