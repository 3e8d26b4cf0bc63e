"""hcadmin import-wordpress against a stand-in WordPress on loopback, old URLs through nginx, check-links."""
import html.parser
import os
import re
import signal
import subprocess
import time

import pytest

from conftest import BUILD, Site
from admin_helpers import Admin, add_user
from wp_site import WpServer, base_site, media, post

HOSTILE = ('<p>Före<script>alert(1)</script> efter</p><img src="x" onerror="alert(2)">'
           '<p><a href="javascript:alert(3)">klicka</a> <a href=" jav&#x09;ascript:alert(4)">igen</a></p>'
           '<iframe src="https://evil.example/"></iframe><form action="/x"><input name="a"><button>Skicka'
           '</button></form><div><div><span><b><i><u>djupt</u></i></b></span></div></div>'
           '<style>body{display:none}</style><p style="x" onclick="alert(5)">stil</p>'
           '<a href="data:text/html,<script>alert(6)</script>">data</a><svg onload="alert(7)"></svg>'
           '<!-- wp:paragraph --><p>[gallery ids="1,2"]slut</p><!-- /wp:paragraph -->')

# Posts whose visible text must come over exactly.
NORMAL = {
    1: ("Webbinarium om EU&#8211;valet &amp; folkh&auml;lsan",
        '<!-- wp:paragraph --><p>Den 15 april h&aring;ller vi ett <strong>webbinarium</strong> om '
        '<em>EU-valet</em>.</p><!-- /wp:paragraph --><h2>Program</h2><ol><li>V&auml;lkommen</li>'
        '<li>Samtal med <a href="https://www.folkhalsomyndigheten.se/">Folkh&auml;lsomyndigheten</a></li>'
        '</ol><blockquote><p>H&auml;lsa f&ouml;r alla.</p></blockquote>'
        '<p>Programmet: <a href="{base}/wp-content/uploads/2024/04/program.pdf">program (PDF)</a></p>'
        '<figure class="wp-block-image"><img src="{base}/wp-content/uploads/2024/04/torg-1024x683.png" '
        'alt="Torget i Malm&ouml;"><figcaption>Torget, v&aring;ren 2024</figcaption></figure>'),
    2: ("Id&eacute;skrift: 10 &lt;steg&gt; mot j&auml;mlik h&auml;lsa",
        '<p>*Inte kursiv* _och_ [inte l&auml;nk](x) &mdash; 3 &lt; 4 &amp; 5 &gt; 2.</p>'
        '<ul><li>Ett<ul><li>Ett och ett</li></ul></li><li>Tv&aring;</li></ul><p>1. inte lista<br>- inte heller</p>'
        '<table><tr><td>Kommun</td><td>Region</td></tr></table>'),
    3: ("Nyhet med manuellt utdrag", "<p>Br&ouml;dtext som inte &auml;r utdraget.</p><p>Andra stycket.</p>"),
}


class Visible(html.parser.HTMLParser):
    """The visible text of an HTML fragment, whitespace removed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)

    @classmethod
    def text(cls, fragment):
        p = cls()
        p.feed(fragment)
        p.close()
        return re.sub(r"\s+", "", "".join(p.out))


def post_body(page):
    m = re.search(r'<div class="post-body">(.*?)</div>\s*</article>', page, re.S)
    assert m, page[:2000]
    return m.group(1)


def full_site(base, filler=True):
    d = base_site(base)
    for pid, (title, body) in NORMAL.items():
        d["posts"].append(post(base, pid, title, body.format(base=base), day=pid + 10,
                               slug=f"nyhet-{pid}", featured=501 if pid == 1 else 0))
    d["posts"][2]["excerpt"] = {"rendered": "<p>Ett eget utdrag &amp; kort.</p>"}
    d["posts"].append(post(base, 4, "Farlig HTML", HOSTILE, day=20, slug="farlig"))
    d["posts"].append(post(base, 5, "Bara etikett", "<p>Text.</p>", day=21, slug="etikett", cats=(2,), tags=(7,)))
    d["posts"].append(post(base, 6, "Trasig bild", f'<p><img src="{base}/wp-content/uploads/2024/04/saknas.png" '
                           'alt="Saknas"></p>', day=22, slug="trasig-bild", cats=(3,)))
    d["posts"].append(post(base, 7, "Utkast", "<p>Hemligt.</p>", day=23, slug="utkast", status="draft"))
    d["posts"].append(post(base, 8, "Schemalagd", "<p>Snart.</p>", day=24, slug="snart", status="future"))
    # Many small posts, so that the posts come in three pages of 100.
    for i in range(100, 310 if filler else 100):
        d["posts"].append(post(base, i, f"Kort nyhet {i}", f"<p>Nummer {i}.</p>", day=1 + i % 28,
                               slug=f"kort-{i}"))
    d["media"] = [media(base, 501, "/wp-content/uploads/2024/04/torg.png", alt="Torget i Malmö"),
                  media(base, 502, "/wp-content/uploads/2024/04/program.pdf", mime="application/pdf",
                        title="Program")]
    d["files"] = {"/wp-content/uploads/2024/04/torg.png": "png:torg",
                  "/wp-content/uploads/2024/04/program.pdf": "pdf"}
    d["password"] = "anna:abcd efgh ijkl mnop"
    return d


def lean_site(base):
    """full_site without the small posts that fill three pages: 6 posts, 8 with drafts."""
    return full_site(base, filler=False)


def run_import(site, url, *args, timeout=60):
    return subprocess.run([os.path.join(BUILD, "hcadmin"), "-c", site.conf_path, "import-wordpress", url,
                           "--retry-wait", "100", *args], capture_output=True, text=True, timeout=timeout)


def dump(site):
    """Every row of every table, and the uploads folder."""
    tables = [r[0] for r in site.sql("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    rows = {t: site.sql(f"SELECT * FROM {t}") for t in tables}
    return rows, sorted(os.listdir(site.uploads))


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("wp"))
    wp = WpServer(tmp, full_site)
    s = Site(seed=True)
    first = run_import(s, wp.url)
    yield s, wp, first
    wp.stop()
    s.close()


def test_import_brings_posts_over_with_summary(imported):
    s, wp, r = imported
    assert r.returncode == 0, r.stdout + r.stderr
    # 3 normal, hostile, tag, broken image, 210 small; not the draft or the scheduled one (no password)
    assert "216 created, 0 updated, 0 unchanged, 0 skipped" in r.stdout
    assert "files fetched: 2 " in r.stdout
    assert "saknas.png: HTTP status 404" in r.stdout
    assert s.sql("SELECT count(*) FROM wp_posts")[0][0] == 216
    ids = [r[0] for r in s.sql("SELECT wp_id FROM wp_posts ORDER BY wp_id")]
    assert len(ids) == len(set(ids))


def test_titles_authors_categories_dates(imported):
    s, wp, _ = imported
    rows = dict(s.sql("SELECT p.slug, p.title || '|' || p.author || '|' || coalesce(c.name, '') || '|' || "
                      "p.published_at || '|' || p.status FROM posts p LEFT JOIN categories c ON c.id = p.category_id"))
    assert rows["nyhet-1"] == "Webbinarium om EU–valet & folkhälsan|Anna Koordinator|Nyhet|2024-04-11T08:30:00Z|published"
    assert rows["nyhet-2"].startswith("Idéskrift: 10 <steg> mot jämlik hälsa|")
    assert rows["etikett"].split("|")[2] == "Webbinarium"      # the tag, since "Uncategorized" is none
    assert rows["trasig-bild"].split("|")[2] == "Hälsa & miljö"
    assert "utkast" not in rows and "snart" not in rows
    excerpt = s.sql("SELECT excerpt FROM posts WHERE slug = 'nyhet-3'")[0][0]
    assert excerpt == "Ett eget utdrag & kort."
    excerpt = s.sql("SELECT excerpt FROM posts WHERE slug = 'nyhet-2'")[0][0]
    assert excerpt.startswith("\\*Inte kursiv\\*") is False and excerpt.startswith("*Inte kursiv*")


def test_visible_text_equals_wordpress_rendered_text(imported):
    s, wp, _ = imported
    for p in wp.data["posts"]:
        if p["id"] in (4, 7, 8):
            continue
        page = s.get(f"/nyheter/{p['slug']}")
        assert page.status == 200, p["slug"]
        assert Visible.text(post_body(page.text)) == Visible.text(p["content"]["rendered"]), p["slug"]


def test_media_in_library_and_links_rewritten(imported):
    s, wp, _ = imported
    files = s.sql("SELECT file_name, mime_type, alt_text, original_name FROM media ORDER BY mime_type")
    kinds = {f[1]: f for f in files}
    assert set(kinds) >= {"application/pdf", "image/png"}
    png = kinds["image/png"]
    assert png[2] == "Torget i Malmö" and png[3] == "torg.png"
    md = s.sql("SELECT body_md FROM posts WHERE slug = 'nyhet-1'")[0][0]
    assert f"/uploads/{png[0]}" in md and f"/uploads/{kinds['application/pdf'][0]}" in md
    assert "wp-content" not in md
    assert "https://www.folkhalsomyndigheten.se/" in md           # links elsewhere are kept
    assert s.sql("SELECT m.file_name FROM posts p JOIN media m ON m.id = p.featured_media_id "
                 "WHERE p.slug = 'nyhet-1'")[0][0] == png[0]
    got = s.get(f"/uploads/{png[0]}")
    assert got.status == 200 and got.body.startswith(b"\x89PNG")
    broken = s.sql("SELECT body_md FROM posts WHERE slug = 'trasig-bild'")[0][0]
    assert f"{wp.url}/wp-content/uploads/2024/04/saknas.png" in broken


def test_hostile_html_is_refused(imported):
    s, wp, _ = imported
    body = post_body(s.get("/nyheter/farlig").text)
    for bad in ("<script", "onerror", "javascript:", "<iframe", "<form", "<input", "<button", "onclick",
                "style=", "data:", "<svg", "onload", "gallery", "wp:paragraph", "alert("):
        assert bad not in body.lower(), bad
    for good in ("Före", "efter", "klicka", "igen", "djupt", "stil", "slut"):
        assert good in body
    assert "Skicka" not in body


def test_audit_log_names_the_import(imported):
    s, _, _ = imported
    n = s.sql("SELECT count(*) FROM audit_log WHERE user_email = 'wordpress-import' AND item_type = 'post'")
    assert n[0][0] == 216
    assert s.sql("SELECT count(*) FROM audit_log WHERE user_email = 'wordpress-import' AND item_type = 'media'")[0][0] == 2


OLD_URLS = [
    ("/2024/04/11/nyhet-1/", "/nyheter/nyhet-1"),
    ("/2024/04/11/nyhet-1", "/nyheter/nyhet-1"),
    ("/?p=1", "/nyheter/nyhet-1"),
    ("/?p=4", "/nyheter/farlig"),
    ("/category/nyhet/", "/kategori/nyhet"),
    ("/category/nyhet", "/kategori/nyhet"),
    ("/category/nyhet/page/2/", "/kategori/nyhet?sida=2"),
    ("/category/halsa-och-miljo/", "/kategori/halsa-och-miljo"),
    ("/?cat=1", "/kategori/nyhet"),
    ("/author/anna/", "/nyheter"),
    ("/?author=1", "/nyheter"),
    ("/2024/", "/nyheter"),
    ("/2024/04/", "/nyheter"),
    ("/2024/04/11/", "/nyheter"),
    ("/category/nyhet/feed/", "/kategori/nyhet/feed"),
]


@pytest.mark.parametrize("old,new", OLD_URLS)
def test_old_urls_answer_301(imported, old, new):
    s, _, _ = imported
    r = s.get(old)
    assert r.status == 301, (old, r)
    assert r.headers["location"] == new
    assert s.get(new).status == 200, new


def test_old_feed_address_is_the_feed(imported):
    s, _, _ = imported
    for path in ("/feed/", "/feed"):
        r = s.get(path)
        assert r.status == 200 and r.text.startswith("<?xml") and "<rss" in r.text, path
    assert not s.sql("SELECT 1 FROM redirects WHERE path = '/feed'")


def test_old_upload_urls_answer_301(imported):
    s, _, _ = imported
    name = s.sql("SELECT file_name FROM media WHERE mime_type = 'application/pdf'")[0][0]
    r = s.get("/wp-content/uploads/2024/04/program.pdf")
    assert r.status == 301 and r.headers["location"] == f"/uploads/{name}"


def test_unknown_paths_still_404_and_routes_win(imported):
    s, _, _ = imported
    assert s.get("/2023/01/01/finns-inte/").status == 404
    assert s.get("/?utm_source=x").status == 200          # the home page, not a lookup
    assert s.get("/nyheter").status == 200


def test_second_run_changes_nothing(imported):
    s, wp, _ = imported
    before = dump(s)
    r = run_import(s, wp.url)
    after = dump(s)
    assert "0 created, 0 updated, 216 unchanged" in r.stdout, r.stdout
    # the post with the missing image is tried again (and fails again): nothing else moves
    assert "saknas.png" in r.stdout
    strip = lambda d: {k: v for k, v in d[0].items() if k not in ("wp_posts", "posts", "audit_log")}
    assert strip(before) == strip(after) and before[1] == after[1]


def test_dry_run_writes_nothing(tmp_path):
    wp = WpServer(str(tmp_path), lean_site)
    s = Site(seed=False)
    try:
        before = dump(s)
        r = run_import(s, wp.url, "--dry-run")
        assert r.returncode == 0, r.stderr
        assert "dry run, nothing written: 6 created" in r.stdout
        assert "files to fetch: 3" in r.stdout
        assert dump(s) == before
    finally:
        wp.stop()
        s.close()


def test_rest_route_site_and_application_password(tmp_path):
    wp = WpServer(str(tmp_path), lean_site, mode="query")
    s = Site(seed=False)
    pw = tmp_path / "pw"
    pw.write_text("abcd efgh ijkl mnop\n")
    try:
        r = run_import(s, wp.url, "--user", "anna", "--password-file", str(pw))
        assert r.returncode == 0, r.stdout + r.stderr
        assert "?rest_route=/" in r.stdout
        assert "8 created" in r.stdout
        st = dict(s.sql("SELECT slug, status || ' ' || published_at FROM posts WHERE slug IN ('utkast', 'snart')"))
        assert st["utkast"].startswith("draft")
        assert st["snart"] == "published 2024-04-24T08:30:00Z"
        pw.write_text("fel lösenord\n")
        r = run_import(s, wp.url, "--user", "anna", "--password-file", str(pw))
        assert r.returncode == 1 and "HTTP status 400" in r.stdout
    finally:
        wp.stop()
        s.close()


def small_site(base):
    d = base_site(base)
    for i in range(1, 202):
        d["posts"].append(post(base, i, f"Nyhet {i}", f"<p>Text {i}.</p>", day=1 + i % 28, slug=f"n-{i}"))
    return d


def test_server_error_once_is_retried(tmp_path):
    wp = WpServer(str(tmp_path), small_site)
    wp.data["faults"] = [{"match": "wp/v2/posts?per_page=100&page=2", "kind": "500once"},
                         {"match": "wp/v2/categories", "kind": "429once"}]
    wp.save()
    s = Site(seed=False)
    try:
        r = run_import(s, wp.url)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "201 created" in r.stdout
    finally:
        wp.stop()
        s.close()


def test_slow_page_times_out_and_is_reported(tmp_path):
    wp = WpServer(str(tmp_path), small_site)
    wp.data["faults"] = [{"match": "page=2", "kind": "slow", "seconds": 2}]
    wp.save()
    s = Site(seed=False)
    try:
        t = time.monotonic()
        r = run_import(s, wp.url, "--timeout", "0.5", "--retries", "1")
        assert time.monotonic() - t < 6
        assert r.returncode == 1
        assert "posts, page 2:" in r.stdout and "timeout" in r.stdout
        assert "101 created" in r.stdout                     # pages 1 and 3
        assert "deleted in WordPress" not in r.stdout
    finally:
        wp.stop()
        s.close()


def test_invalid_json_is_reported(tmp_path):
    wp = WpServer(str(tmp_path), small_site)
    wp.data["faults"] = [{"match": "wp/v2/posts?per_page=100&page=3", "kind": "badjson"}]
    wp.save()
    s = Site(seed=False)
    try:
        r = run_import(s, wp.url)
        assert r.returncode == 1
        assert "invalid JSON" in r.stdout
        assert s.sql("SELECT count(*) FROM posts")[0][0] == 200
    finally:
        wp.stop()
        s.close()


def test_redirect_to_another_host_is_not_followed(tmp_path):
    wp = WpServer(str(tmp_path), lean_site)
    wp.data["faults"] = [{"match": "program.pdf", "kind": "redirect", "to": "http://198.51.100.7/x.pdf"}]
    wp.save()
    s = Site(seed=False)
    try:
        r = run_import(s, wp.url)
        assert "program.pdf: redirect to another site" in r.stdout
        assert s.sql("SELECT count(*) FROM media WHERE mime_type = 'application/pdf'")[0][0] == 0
        wp.data["faults"] = [{"match": "/", "kind": "redirect", "to": "http://198.51.100.7/"}]
        wp.save()
        r = run_import(s, wp.url)
        assert r.returncode == 1 and "HTTP status 301, moved to http://198.51.100.7/" in r.stderr
    finally:
        wp.stop()
        s.close()


def test_failed_media_is_fetched_by_the_next_run(tmp_path):
    wp = WpServer(str(tmp_path), lean_site)
    s = Site(seed=False)
    try:
        r = run_import(s, wp.url)
        assert "saknas.png: HTTP status 404" in r.stdout
        wp.data["files"]["/wp-content/uploads/2024/04/saknas.png"] = "png:saknas"
        wp.save()
        r = run_import(s, wp.url)
        assert "1 updated" in r.stdout and "files fetched: 1 " in r.stdout, r.stdout
        md = s.sql("SELECT body_md FROM posts WHERE slug = 'trasig-bild'")[0][0]
        assert "/uploads/" in md and "saknas" not in md
        # WordPress's library had no entry (and so no alt text) for it: listed for the coordinator
        assert re.search(r"images without alt text.*\n.*saknas\.png, in \"Trasig bild\"", r.stdout), r.stdout
    finally:
        wp.stop()
        s.close()


def test_updates_edits_here_and_deletions(tmp_path):
    wp = WpServer(str(tmp_path), small_site)
    s = Site(seed=True)
    try:
        assert run_import(s, wp.url).returncode == 0
        # the demo content has no "n-1"; a collision: a post here already called "krock"
        p = wp.data["posts"]
        p[0]["title"]["rendered"] = "Nyhet 1, ändrad"
        p[0]["modified_gmt"] = "2024-05-01T00:00:00"
        p[1]["title"]["rendered"] = "Nyhet 2, ändrad där"
        p[1]["modified_gmt"] = "2024-05-01T00:00:00"
        del p[2]
        wp.save()
        s.sql("UPDATE posts SET title = 'Ändrad här', version = version + 1 WHERE slug = 'n-2'")
        r = run_import(s, wp.url)
        assert "0 created, 1 updated, 198 unchanged, 1 skipped" in r.stdout, r.stdout
        assert 'post 2 "Nyhet 2, ändrad där" (/nyheter/n-2): edited here since the last import' in r.stdout
        assert 'post 3 "Nyhet 3" (/nyheter/n-3): deleted in WordPress, kept here' in r.stdout
        assert s.sql("SELECT title FROM posts WHERE slug = 'n-1'")[0][0] == "Nyhet 1, ändrad"
        assert s.sql("SELECT title FROM posts WHERE slug = 'n-2'")[0][0] == "Ändrad här"
        assert s.sql("SELECT count(*) FROM posts WHERE slug = 'n-3'")[0][0] == 1
    finally:
        wp.stop()
        s.close()


def test_slug_collision_gets_a_suffix_and_the_redirect_follows(tmp_path):
    def site_fn(base):
        d = base_site(base)
        d["posts"].append(post(base, 1, "Krock", "<p>Text.</p>", day=3, slug="krock"))
        d["posts"].append(post(base, 2, "Hälsa och vård", "<p>Text.</p>", day=4,
                               slug="h%c3%a4lsa-och-v%c3%a5rd", modified="2024-06-01T00:00:00"))
        return d
    wp = WpServer(str(tmp_path), site_fn)
    s = Site(seed=False)
    try:
        s.sql("INSERT INTO posts (slug, title, published_at, created_at, updated_at) "
              "VALUES ('krock', 'Här först', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')")
        run_import(s, wp.url)
        assert s.sql("SELECT title FROM posts WHERE slug = 'krock-2'")[0][0] == "Krock"
        r = s.get("/2024/04/03/krock/")
        assert r.status == 301 and r.headers["location"] == "/nyheter/krock-2"
        # a Swedish slug, percent-encoded by WordPress: our slug rules, the old address follows
        r = s.get("/2024/04/04/h%C3%A4lsa-och-v%C3%A5rd/")
        assert r.status == 301 and r.headers["location"] == "/nyheter/halsa-och-vard"
        # --since reads only what changed since that day
        r = run_import(s, wp.url, "--since", "2024-05-01")
        assert "0 created, 0 updated, 1 unchanged" in r.stdout, r.stdout
    finally:
        wp.stop()
        s.close()


def test_killed_run_resumes_without_duplicates(tmp_path):
    wp = WpServer(str(tmp_path), small_site)
    wp.data["faults"] = [{"match": "page=3", "kind": "slow", "seconds": 20}]
    wp.save()
    s = Site(seed=False)
    try:
        p = subprocess.Popen([os.path.join(BUILD, "hcadmin"), "-c", s.conf_path, "import-wordpress", wp.url,
                              "--timeout", "30"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and s.sql("SELECT count(*) FROM posts")[0][0] < 200:
            time.sleep(0.05)
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=10)
        assert s.sql("SELECT count(*) FROM posts")[0][0] == 200
        wp.data["faults"] = []
        wp.save()
        r = run_import(s, wp.url)
        assert "1 created, 0 updated, 200 unchanged" in r.stdout, r.stdout
        assert s.sql("SELECT count(*) FROM posts")[0][0] == 201
        assert s.sql("SELECT count(DISTINCT wp_id) FROM wp_posts")[0][0] == 201
        assert s.sql("PRAGMA integrity_check")[0][0] == "ok"
    finally:
        wp.stop()
        s.close()


def test_bad_arguments(imported):
    s, wp, _ = imported
    assert run_import(s, "ftp://x").returncode == 1
    assert s.hcadmin("import-wordpress").returncode == 2
    assert s.hcadmin("import-wordpress", wp.url, "--since", "2024-1-1").returncode == 2
    assert s.hcadmin("import-wordpress", wp.url, "--user", "anna").returncode == 2


def links_site(base):
    return {"faults": [{"match": "/slow", "kind": "slow", "seconds": 3}], "files": {
        "/wp-content/uploads/ok.pdf": "pdf"}}


def test_check_links_and_the_desk_page(tmp_path):
    wp = WpServer(str(tmp_path), links_site)
    s = Site(seed=False)
    try:
        ok = f"{wp.url}/wp-content/uploads/ok.pdf"
        body = (f"[fungerar]({ok}) [borta]({wp.url}/borta) [långsam]({wp.url}/slow) "
                f"[dns](http://finns-inte.invalid/) [egen](http://127.0.0.1:{s.port}/nyheter)")
        html_body = (f'<p><a href="{ok}">fungerar</a> <a href="{wp.url}/borta">borta</a> '
                     f'<a href="{wp.url}/slow">långsam</a> <a href="http://finns-inte.invalid/">dns</a> '
                     f'<a href="http://127.0.0.1:{s.port}/nyheter">egen</a></p>')
        s.sql("INSERT INTO posts (slug, title, body_md, body_html, status, published_at, created_at, updated_at) "
              "VALUES ('lankar', 'Länkar <här>', ?, ?, 'published', '2024-01-01T00:00:00Z', "
              "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')", (body, html_body))
        r = s.hcadmin("check-links", "--timeout", "1", "--host-gap", "0")
        assert r.returncode == 0, r.stderr
        assert "checking 4 links" in r.stdout
        rows = dict((u, (st, err, b)) for u, st, err, b in s.sql("SELECT url, status, error, broken FROM link_checks"))
        assert rows[ok] == (200, "", 0)
        assert rows[f"{wp.url}/borta"] == (404, "", 1)
        assert rows[f"{wp.url}/slow"] == (0, "timeout", 1)
        assert rows["http://finns-inte.invalid/"][1:] == ("dns", 1)
        pid = s.sql("SELECT id FROM posts WHERE slug = 'lankar'")[0][0]
        a = Admin(s, add_user(s))
        page = a.get("/admin/lankar")
        assert page.status == 200
        assert "Sidan finns inte (404)" in page.text and "Svarar inte" in page.text
        assert "Adressen finns inte" in page.text
        assert f'href="/admin/nyheter/{pid}"' in page.text and "Länkar &lt;här&gt;" in page.text
        assert "ok.pdf" not in page.text
        assert s.get("/admin/lankar").status in (302, 303)      # login first
    finally:
        wp.stop()
        s.close()
