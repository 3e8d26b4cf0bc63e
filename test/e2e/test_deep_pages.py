"""Deep pages of the news and of a category (read from anchors, not a long OFFSET) equal the SQL order."""
import re
import sqlite3

import pytest

N = 2600


@pytest.fixture(scope="module")
def deep():
    from conftest import Site
    s = Site(seed=True)
    cat = s.sql("SELECT id FROM categories WHERE slug = 'folkhalsa'")[0][0]
    con = sqlite3.connect(s.db_path)
    # Groups of 7 posts share a publication time: ties cross the anchors.
    con.executemany(
        "INSERT INTO posts (slug, title, category_id, status, published_at, created_at, updated_at) "
        "VALUES (?, ?, ?, 'published', ?, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
        [(f"djup-{i}", f"Djup {i}", cat if i % 3 else None,
          f"2019-{1 + (i // 7) % 12:02d}-{1 + (i // 84) % 28:02d}T10:00:00Z") for i in range(N)])
    con.commit()
    con.close()
    yield s, cat
    s.close()


def slugs(resp):
    return re.findall(r'<h2><a href="/nyheter/([^"]+)"', resp.text)


def expected(site, where, params, page):
    return [r[0] for r in site.sql(
        "SELECT slug FROM posts WHERE status = 'published' AND published_at <= "
        "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') " + where +
        " ORDER BY published_at DESC, id DESC LIMIT 10 OFFSET ?", params + ((page - 1) * 10,))]


def test_every_deep_page_matches(deep):
    s, cat = deep
    total = s.sql("SELECT count(*) FROM posts WHERE status = 'published' AND published_at <= "
                  "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")[0][0]
    last = (total + 9) // 10
    for page in (1, 99, 100, 101, 102, 150, 200, 201, 250, last):
        r = s.get(f"/nyheter?sida={page}")
        assert r.status == 200, page
        assert slugs(r) == expected(s, "", (), page), page
    assert s.get(f"/nyheter?sida={last + 1}").status == 404
    ctotal = s.sql("SELECT count(*) FROM posts WHERE category_id = ? AND status = 'published' AND "
                   "published_at <= strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", (cat,))[0][0]
    clast = (ctotal + 9) // 10
    for page in (1, 100, 101, 150, clast):
        r = s.get(f"/kategori/folkhalsa?sida={page}")
        assert r.status == 200, page
        assert slugs(r) == expected(s, "AND category_id = ?", (cat,), page), page
    assert f"Sida {clast} av {clast}" in s.get(f"/kategori/folkhalsa?sida={clast}").text


def test_deep_pages_follow_a_change(deep):
    s, cat = deep
    before = slugs(s.get("/nyheter?sida=150"))
    s.sql("DELETE FROM posts WHERE slug = ?", (before[0],))
    after = slugs(s.get("/nyheter?sida=150"))
    assert after == expected(s, "", (), 150) and before[0] not in after


def test_unknown_query_values_share_the_copy(deep):
    s, _ = deep
    a = s.get("/nyheter?sida=120")
    for v in ("utm_source=x", "x=1", "sida=120&y=2"):
        r = s.get(f"/nyheter?{v}" if v.startswith("sida") else f"/nyheter?sida=120&{v}")
        assert r.status == 200 and r.body == a.body
    assert s.get("/nyheter?sida=0120").body == a.body
