"""A post full of script attempts reaches no page unescaped or clickable.

The body's HTML is made by the `cmark` program (Debian package cmark), which
uses libcmark's safe defaults exactly as lib/util/markdown.c does (no
CMARK_OPT_UNSAFE), so the stored row is what hcweb would have saved.
"""
import html.parser
import json
import shutil
import subprocess

import pytest

from conftest import Site

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JSLINK = "[klick](javascript:alert(1))"
TITLE = f"Rubrik {SCRIPT} {IMG}"
EXCERPT = f"Utdrag {SCRIPT} {IMG}"
BODY_MD = (f"Stycke {SCRIPT} och {IMG}\n\n{JSLINK} och "
           "[annan](JAVASCRIPT:alert(2)) och [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
           f"{SCRIPT}\n\n<img src=x onerror=alert(3)>\n\n"
           "<a href=\"javascript:alert(4)\">rå länk</a>\n")


def cmark(md):
    return subprocess.run(["cmark", "--validate-utf8"], input=md, capture_output=True,
                          text=True, check=True, timeout=10).stdout


class Tags(html.parser.HTMLParser):
    """Collects every start tag with its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


LD_OPEN = '<script type="application/ld+json">'


def without_json_ld(text):
    """text without its JSON-LD data blocks, each checked to hold JSON with no '<' (no way out)."""
    while LD_OPEN in text:
        before, rest = text.split(LD_OPEN, 1)
        data, after = rest.split("</script>", 1)
        assert "<" not in data and ">" not in data, data
        json.loads(data)
        text = before + after
    return text


def assert_harmless(text):
    text = without_json_ld(text)
    p = Tags()
    p.feed(text)
    p.close()
    for tag, attrs in p.tags:
        assert tag not in ("script", "img", "iframe", "object", "embed"), (tag, attrs)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction"):
                v = (value or "").strip().lower()
                assert not v.startswith(("javascript:", "data:", "vbscript:")), (tag, name, value)
    low = text.lower()
    assert "<script" not in low
    # The raw payload never appears as markup anywhere.
    assert SCRIPT not in text
    assert "<img src=x" not in text


@pytest.fixture(scope="module")
def xss():
    if shutil.which("cmark") is None:
        pytest.fail("the cmark program is missing: apt-get install cmark (make deps-test)")
    s = Site(seed=True)
    s.sql("INSERT INTO categories (slug, name, description) VALUES (?,?,?)",
          ("xss-kat", f"Kategori {SCRIPT}", f"Beskrivning {IMG}"))
    cat = s.sql("SELECT id FROM categories WHERE slug='xss-kat'")[0][0]
    body_html = cmark(BODY_MD)
    s.sql("INSERT INTO posts (slug, title, category_id, author, excerpt, body_md, body_html, "
          "status, published_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          ("xss-test", TITLE, cat, f"Författare {IMG}", EXCERPT, BODY_MD, body_html,
           "published", "2099-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z"))
    # Newest post, so it is on / and the first page of /nyheter.
    s.sql("UPDATE posts SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ','now','-1 second') "
          "WHERE slug='xss-test'")
    s.body_html = body_html
    yield s
    s.close()


def test_cmark_output_is_already_safe(xss):
    """The renderer we rely on: raw HTML omitted, javascript:/data: links emptied."""
    assert_harmless(xss.body_html)
    assert "<!-- raw HTML omitted -->" in xss.body_html
    assert '<a href="">klick</a>' in xss.body_html


@pytest.mark.parametrize("path", ["/", "/nyheter", "/nyheter/xss-test", "/kategori/xss-kat"])
def test_no_page_carries_the_payload_live(xss, path):
    r = xss.get(path)
    assert r.status == 200
    assert_harmless(r.text)
    # The text is shown, escaped, rather than silently dropped.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    if path != "/nyheter/xss-test":
        assert 'href="/nyheter/xss-test"' in r.text, "the post is listed on this page"


def test_post_page_shows_escaped_title_and_dead_link(xss):
    r = xss.get("/nyheter/xss-test")
    assert "<h1>Rubrik &lt;script&gt;alert(1)&lt;/script&gt; &#34;&gt;&lt;img" in r.text or \
        "<h1>Rubrik &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img" in r.text
    assert '<a href="">klick</a>' in r.text
    assert "javascript:" not in r.text.lower()
    # the excerpt in <meta name="description" content="..."> stays inside its quotes
    p = Tags()
    p.feed(r.text)
    metas = [dict(a) for t, a in p.tags if t == "meta" and dict(a).get("name") == "description"]
    assert metas and metas[0]["content"] == EXCERPT


def test_category_page_escapes_name_and_description(xss):
    r = xss.get("/kategori/xss-kat")
    assert "<h1>Kategori &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in r.text
    assert_harmless(r.text)
