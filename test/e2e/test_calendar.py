"""Calendar files: every calendar the site serves, parsed with python3-icalendar."""
import datetime as dt
import re

import icalendar
import pytest

from test_events import insert_event

UTC = dt.timezone.utc


def served_calendars(site):
    """Every .ics the site serves: the feed and one per public event."""
    paths = ["/evenemang.ics"] + [f"/evenemang/{s}.ics" for (s,) in site.sql(
        "SELECT slug FROM events WHERE status IN ('published', 'cancelled')")]
    return {p: site.get(p) for p in paths}


def check_lines(raw):
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")        # folding never splits a character


def test_every_calendar_parses(site):
    cals = served_calendars(site)
    assert len(cals) > 5
    for path, r in cals.items():
        assert r.status == 200, path
        assert r.headers["content-type"] == "text/calendar; charset=utf-8"
        check_lines(r.body)
        cal = icalendar.Calendar.from_ical(r.body)
        assert cal["VERSION"] == "2.0"
        assert len(cal.walk("VTIMEZONE")) == 1
        for ev in cal.walk("VEVENT"):
            for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
                assert prop in ev, (path, prop)
            assert ev.decoded("DTSTAMP").tzinfo is not None
        if path != "/evenemang.ics":
            assert len(cal.walk("VEVENT")) == 1


def feed_events(site):
    cal = icalendar.Calendar.from_ical(site.get("/evenemang.ics").body)
    return cal, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def uid_of(site, slug):
    (eid,) = site.sql("SELECT id FROM events WHERE slug = ?", (slug,))[0]
    return f"event-{eid}@127.0.0.1"


def test_feed_holds_coming_and_last_twelve_months(site):
    insert_event(site, "for-aretton-manader", "2024-01-10T08:00:00Z", "2024-01-10T09:00:00Z")
    _, evs = feed_events(site)
    listed = {str(e["URL"]).rsplit("/", 1)[1] for e in evs.values()}
    coming = {s for (s,) in site.sql(
        "SELECT slug FROM events WHERE status IN ('published', 'cancelled') AND ends_at > "
        "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")}
    assert coming <= listed
    assert "webbinarium-om-folkhalsodata" in listed       # 60 days ago
    assert "seminarium-trygghet-i-bostadsomraden" in listed   # 200 days ago
    assert "arskonferens-om-barns-uppvaxtvillkor" not in listed   # 420 days ago
    assert "for-aretton-manader" not in listed
    assert not any(s.startswith("utkast") for s in listed)


def test_times_across_daylight_saving_changes(site):
    # 2027: summer time starts Sunday 28 March, ends Sunday 31 October.
    insert_event(site, "sista-sondagen-i-mars", "2027-03-28T08:00:00Z", "2027-03-28T10:30:00Z")
    insert_event(site, "sista-sondagen-i-oktober", "2027-10-31T09:00:00Z", "2027-10-31T11:30:00Z")
    insert_event(site, "over-omstallningen", "2027-03-27T11:00:00Z", "2027-03-28T10:00:00Z")
    insert_event(site, "heldag-i-oktober", "2027-10-30T22:00:00Z", "2027-10-31T23:00:00Z",
                 all_day=1)
    cal, evs = feed_events(site)
    vtz = cal.walk("VTIMEZONE")[0]
    assert vtz["TZID"] == "Europe/Stockholm"
    own_tz = vtz.to_tz()      # the VTIMEZONE the file carries, not the system's rules

    def check(slug, start_utc, end_utc, local_start):
        ev = evs[uid_of(site, slug)]
        assert ev["DTSTART"].params["TZID"] == "Europe/Stockholm"
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        assert start.astimezone(UTC) == start_utc
        assert end.astimezone(UTC) == end_utc
        assert start.replace(tzinfo=None) == local_start
        assert own_tz.localize(start.replace(tzinfo=None)).astimezone(UTC) == start_utc
        assert own_tz.localize(end.replace(tzinfo=None)).astimezone(UTC) == end_utc

    check("sista-sondagen-i-mars", dt.datetime(2027, 3, 28, 8, 0, tzinfo=UTC),
          dt.datetime(2027, 3, 28, 10, 30, tzinfo=UTC), dt.datetime(2027, 3, 28, 10, 0))
    check("sista-sondagen-i-oktober", dt.datetime(2027, 10, 31, 9, 0, tzinfo=UTC),
          dt.datetime(2027, 10, 31, 11, 30, tzinfo=UTC), dt.datetime(2027, 10, 31, 10, 0))
    check("over-omstallningen", dt.datetime(2027, 3, 27, 11, 0, tzinfo=UTC),
          dt.datetime(2027, 3, 28, 10, 0, tzinfo=UTC), dt.datetime(2027, 3, 27, 12, 0))
    day = evs[uid_of(site, "heldag-i-oktober")]
    assert day["DTSTART"].params["VALUE"] == "DATE"
    assert day.decoded("DTSTART") == dt.date(2027, 10, 31)
    assert day.decoded("DTEND") == dt.date(2027, 11, 1)      # exclusive end


def test_cancelled_escaped_and_stable(site):
    insert_event(site, "med-tecken", "2028-02-01T08:00:00Z", "2028-02-01T09:00:00Z",
                 title="Möte; med, tecken \\ och " + "långt namn " * 12, status="cancelled")
    site.sql("UPDATE events SET description_text = 'Rad ett\nRad två; tre, fyra' "
             "WHERE slug = 'med-tecken'")
    r1 = site.get("/evenemang/med-tecken.ics")
    check_lines(r1.body)
    assert b"SUMMARY:Inst\xc3\xa4llt: M\xc3\xb6te\\; med\\, tecken \\\\ och" in r1.body
    ev = icalendar.Calendar.from_ical(r1.body).walk("VEVENT")[0]
    assert ev["STATUS"] == "CANCELLED"
    assert str(ev["SUMMARY"]).startswith("Inställt: Möte; med, tecken \\ och långt namn")
    assert str(ev["DESCRIPTION"]).startswith("Rad ett\nRad två; tre, fyra")
    assert str(ev["LOCATION"]) == "Stadshuset, Borås"
    assert str(ev["URL"]).endswith("/evenemang/med-tecken")
    r2 = site.get("/evenemang/med-tecken.ics")
    assert r1.body == r2.body        # stable UID and DTSTAMP
    assert str(ev["UID"]) == uid_of(site, "med-tecken")


def test_registration_and_head(site):
    insert_event(site, "med-anmalan", "2033-03-01T08:00:00Z", "2033-03-01T09:00:00Z",
                 reg_url="https://example.org/anm", reg_until="2033-02-20")
    r = site.get("/evenemang/med-anmalan.ics")
    ev = icalendar.Calendar.from_ical(r.body).walk("VEVENT")[0]
    assert "Anmälan: https://example.org/anm, senast 20 februari 2033" in str(ev["DESCRIPTION"])
    assert r.headers["content-disposition"] == 'inline; filename="med-anmalan.ics"'
    h = site.request("HEAD", "/evenemang/med-anmalan.ics")
    assert h.status == 200 and h.body == b""
    assert h.headers["content-length"] == str(len(r.body))
    assert h.headers["content-type"] == "text/calendar; charset=utf-8"
