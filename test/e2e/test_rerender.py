"""hcadmin migrate renders the stored HTML of every text again when the Markdown renderer changes
(libcmark 0.30 → cmark-gfm with tables, autolinks, strikethrough and hard breaks), and every page
keeps its text."""
import html
import os
import re
import shutil
import subprocess

import pytest

from test_migrate import env, repo_versions  # noqa: F401 (the fixture)

BODIES = [
    "Vi möts i **Malmö** den 14 mars.\nAnmäl dig senast 1 mars.\n\nVälkomna!",
    "| Kommun | Invånare |\n|---|---:|\n| Malmö | 357 377 |\n| Umeå | 130 000 |\n",
    "Läs mer på https://www.healthycities.se/om eller www.who.int, skriv till info@healthycities.se.",
    "## Program\n\n1. Kaffe\n2. Föredrag av *Anna*\n\n- punkt\n- ~~inställt~~ flyttat\n\n> citat\n",
    "Rå HTML <b>fet</b> <script>alert(1)</script>\n\n<table><tr><td>WP</td></tr></table>\n\n"
    "```\nkod & <mer>\n```\n\n[länk](https://hcs.se/x \"titel\") och ![bild](/uploads/a.png)",
    "",
]


def old_html(md):
    """What the earlier program stored: libcmark 0.30's safe HTML (the cmark program)."""
    return subprocess.run(["cmark", "--validate-utf8"], input=md, capture_output=True, text=True,
                          check=True, timeout=10).stdout


def words(fragment):
    """The words a reader sees in an HTML fragment, in order."""
    text = re.sub(r"<!--.*?-->", " ", fragment, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.findall(r"\w+", text)


def test_existing_texts_rendered_again_keep_their_words(env):  # noqa: F811
    if shutil.which("cmark") is None:
        pytest.fail("the cmark program is missing: apt-get install cmark (make deps-test)")
    before = [v for v in repo_versions() if v < "0011"]
    e = env(before)
    assert e.hcadmin("migrate").returncode == 0
    now = "2024-03-14T09:00:00Z"
    for i, md in enumerate(BODIES):
        e.sql("INSERT INTO posts (slug, title, body_md, body_html, status, published_at, created_at, updated_at) "
              "VALUES (?, ?, ?, ?, 'published', ?, ?, ?)", (f"p{i}", f"Post {i}", md, old_html(md), now, now, now))
        e.sql("INSERT INTO events (slug, title, starts_at, ends_at, town, description_md, description_html, "
              "created_at, updated_at) VALUES (?, ?, ?, ?, 'Malmö', ?, ?, ?, ?)",
              (f"e{i}", f"Event {i}", now, now, md, old_html(md), now, now))
    e.sql("UPDATE pages SET body_md = ?, body_html = ? WHERE slug = 'om'", (BODIES[0], old_html(BODIES[0])))
    old = {("post", s): h for s, h in e.sql("SELECT slug, body_html FROM posts")}
    old.update({("event", s): h for s, h in e.sql("SELECT slug, description_html FROM events")})
    old.update({("page", s): h for s, h in e.sql("SELECT slug, body_html FROM pages")})

    for v in repo_versions():
        if v >= "0011":
            e.add_from_repo(v)
    r = e.hcadmin("migrate")
    assert r.returncode == 0, r.stderr
    assert "rendered 6 news posts, 6 events and 4 pages again" in r.stdout
    assert e.sql("SELECT version FROM markdown_render") == [(2,)]
    new = {("post", s): h for s, h in e.sql("SELECT slug, body_html FROM posts")}
    new.update({("event", s): h for s, h in e.sql("SELECT slug, description_html FROM events")})
    new.update({("page", s): h for s, h in e.sql("SELECT slug, body_html FROM pages")})
    assert new.keys() == old.keys()
    for key in old:
        assert words(new[key]) == words(old[key]), key
    # ... and they now read the way they were typed
    assert "<br />\nAnmäl dig" in new[("post", "p0")] and "<br />" in new[("page", "om")]
    assert "<td align=\"right\">357 377</td>" in new[("post", "p1")]
    assert '<a href="mailto:info@healthycities.se">' in new[("post", "p2")]
    assert "<del>inställt</del>" in new[("event", "e3")]
    assert "<script" not in new[("post", "p4")] and "<b>" not in new[("post", "p4")]
    text = e.sql("SELECT description_text FROM events WHERE slug = 'e1'")[0][0]
    assert text == "Kommun | Invånare\nMalmö | 357 377\nUmeå | 130 000"
    # a second run has nothing to do
    r = e.hcadmin("migrate")
    assert r.returncode == 0 and "rendered" not in r.stdout
