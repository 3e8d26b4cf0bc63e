"""The events month view (/evenemang/manad/YYYY-MM) through nginx: the table, multi-day events, bad months."""
import datetime
import html.parser
import re
from zoneinfo import ZoneInfo

import pytest

STHLM = ZoneInfo("Europe/Stockholm")


class Table(html.parser.HTMLParser):
    """The month table: caption, header cells, and each row's cells as (class, text, links)."""

    def __init__(self):
        super().__init__()
        self.caption, self.head, self.rows = "", [], []
        self._where, self._cell = None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "caption":
            self._where = "caption"
        elif tag == "thead":
            self._where = "thead"
        elif tag == "tbody":
            self._where = "tbody"
        elif tag == "tr" and self._where == "tbody":
            self.rows.append([])
        elif tag in ("td", "th") and self._where in ("thead", "tbody"):
            self._cell = [a.get("class", ""), "", []]
            (self.head if self._where == "thead" else self.rows[-1]).append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell[2].append(a["href"])

    def handle_endtag(self, tag):
        if tag == "caption":
            self._where = None
        if tag in ("td", "th"):
            self._cell = None
        if tag == "table":
            self._where = None

    def handle_data(self, data):
        if self._where == "caption":
            self.caption += data
        elif self._cell is not None:
            self._cell[1] += data


def table(site, path):
    r = site.get(path)
    assert r.status == 200, (path, r)
    t = Table()
    t.feed(r.text)
    return r, t


def utc(y, m, d, h=0, mi=0):
    return datetime.datetime(y, m, d, h, mi, tzinfo=STHLM).astimezone(datetime.timezone.utc) \
        .strftime("%Y-%m-%dT%H:%M:%SZ")


def add_event(site, slug, title, start, end, all_day=0, status="published"):
    site.sql("INSERT INTO events (slug, title, all_day, starts_at, ends_at, status, created_at, updated_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (slug, title, all_day, start, end, status, start, start))


@pytest.fixture(scope="module")
def ms():
    from conftest import Site
    s = Site(seed=True)
    # whole days 30 Nov - 2 Dec 2026 (exclusive end: midnight after the last day)
    add_event(s, "flerdag", "Flerdagarsmöte", utc(2026, 11, 30), utc(2026, 12, 3), all_day=1)
    add_event(s, "kvall", "Kvällsmöte <&>", utc(2026, 12, 14, 18), utc(2026, 12, 14, 20))
    add_event(s, "installt", "Inställt möte", utc(2026, 12, 15, 9), utc(2026, 12, 15, 10), status="cancelled")
    add_event(s, "utkast-manad", "Utkastmöte", utc(2026, 12, 16, 9), utc(2026, 12, 16, 10), status="draft")
    yield s
    s.close()


def test_month_table(ms):
    r, t = table(ms, "/evenemang/manad/2026-12")
    assert "december 2026" in t.caption
    assert [c[1] for c in t.head] == ["Vecka", "mån", "tis", "ons", "tor", "fre", "lör", "sön"]
    weeks = [row[0][1] for row in t.rows]
    assert weeks == ["49", "50", "51", "52", "53"]        # ISO weeks of December 2026
    days = {}
    for row in t.rows:
        assert len(row) == 8
        for c in row[1:]:
            m = re.match(r"(\d+)", c[1])
            if m:
                days[int(m.group(1))] = c
    assert sorted(days) == list(range(1, 32))
    assert t.rows[0][1][0] == "outside" and t.rows[0][2][1].startswith("1")  # the 1st is a Tuesday
    # a multi-day event on every day it covers, and no day after
    for d in (1, 2):
        assert "/evenemang/flerdag" in days[d][2]
    assert "/evenemang/flerdag" not in days[3][2]
    assert "/evenemang/kvall" in days[14][2] and "kl. 18.00" in days[14][1]
    assert "Kvällsmöte <&>" in days[14][1]
    assert "&lt;&amp;&gt;" in r.text
    assert "/evenemang/installt" in days[15][2] and "Inställt" in days[15][1]
    assert all("/evenemang/utkast-manad" not in c[2] for c in days.values())
    assert 'rel="prev"' in r.text and 'href="/evenemang/manad/2026-11"' in r.text
    assert 'href="/evenemang/manad/2027-01"' in r.text
    r, t = table(ms, "/evenemang/manad/2026-11")
    assert any("/evenemang/flerdag" in c[2] for row in t.rows for c in row if c[1].startswith("30"))


def test_reachable_from_events_and_this_month(ms):
    now = datetime.datetime.now(STHLM)
    here = f"/evenemang/manad/{now.year:04d}-{now.month:02d}"
    assert f'href="{here}"' in ms.get("/evenemang").text
    r = ms.get("/evenemang/manad")
    assert r.status == 303 and r.headers["location"].endswith(here)


def test_empty_month_says_so(ms):
    r = ms.get("/evenemang/manad/1990-02")
    assert r.status == 200 and "Inga evenemang i februari 1990" in r.text


@pytest.mark.parametrize("month", ["2026-13", "0000-01", "abcd-ef", "9999-12", "2101-01", "2026-00",
                                   "2026-1", "2026-012", "+2026-01", "2026_01", "%20026-01", "1984-12"])
def test_bad_months(ms, month):
    r = ms.get(f"/evenemang/manad/{month}")
    assert r.status in (400, 404), (month, r)
    assert 'lang="sv"' in r.text and "<h1>" in r.text
    assert "content-security-policy" in r.headers


def test_limits_of_the_range(ms):
    r = ms.get("/evenemang/manad/2100-12")
    assert r.status == 200 and 'rel="next"' not in r.text
    r = ms.get("/evenemang/manad/1985-01")
    assert r.status == 200 and 'rel="prev"' not in r.text


def test_slug_manad_is_reserved(ms):
    ms.sql("UPDATE events SET slug = 'manad-x' WHERE slug = 'kvall'")
    from admin_helpers import Admin, add_user
    ed = Admin(ms, add_user(ms, "manad"))
    r = ed.post("/admin/evenemang/ny", {"title": "Månad", "kind": "annat", "status": "published",
                                        "start": "2027-01-10 10:00", "end": "2027-01-10 11:00",
                                        "venue": "Stadshuset", "town": "Lund", "join_url": "",
                                        "description": "",
                                        "registration_url": "", "registration_until": "",
                                        "programme_url": "", "version": "1"})
    assert r.status == 303, r.text[:3000]
    slugs = [s for (s,) in ms.sql("SELECT slug FROM events WHERE title = 'Månad'")]
    assert slugs and slugs[0].startswith("manad-")
