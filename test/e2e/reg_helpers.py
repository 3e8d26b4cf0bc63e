"""Helpers of the registration tests: a site with its own limits, events that take registrations, posting as a browser."""
import os
import re
import secrets
import html as htmlmod

from conftest import Site


def make_reg_site(extra_conf=""):
    """A site (no demo data) whose mail goes to a spool in its folder, with a generous
    rate limit unless extra_conf says otherwise."""
    s = Site(seed=False)
    s.stop()
    s.spool = os.path.join(s.tmp, "outbox")
    with open(s.conf_path, "a") as f:
        f.write(f"mail_spool = {s.spool}\nmail_rate = 0\nmail_retry_base = 1\n")
        f.write(extra_conf or "form_posts_per_hour = 100000\n")
    s.start()
    return s


def add_event(site, slug, start="2031-05-20T07:00:00Z", end="2031-05-20T15:00:00Z",
              status="published", reg_until=None, places=None, waitlist=1,
              asks=(0, 0, 0, 0), title=None):
    """Inserts an event that takes registrations on the site; returns its id."""
    site.sql(
        "INSERT INTO events (slug, title, kind, status, starts_at, ends_at, venue, town, "
        "description_html, description_text, registration_until, created_at, updated_at) "
        "VALUES (?, ?, 'seminarium', ?, ?, ?, 'Stadshuset', 'Malmö', '<p>Om dagen</p>', "
        "'Om dagen', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
        (slug, title or f"Seminarium {slug}", status, start, end, reg_until))
    eid = site.sql("SELECT id FROM events WHERE slug = ?", (slug,))[0][0]
    site.sql("INSERT INTO event_signups (event_id, places, waitlist, ask_phone, ask_diet, "
             "ask_attend, ask_message) VALUES (?, ?, ?, ?, ?, ?, ?)",
             (eid, places, waitlist, *asks))
    return eid


def form_cookie():
    return secrets.token_hex(32)


def person(n, **extra):
    d = {"name": f"Person {n} Åström", "email": f"p{n}@kommun.example",
         "organisation": "Örebro kommun"}
    d.update(extra)
    return d


def register(site, slug, fields, cookie=None, headers=None):
    """Posts the registration form as a browser that holds a form cookie."""
    h = {"Cookie": f"hcform={cookie or form_cookie()}"}
    h.update(headers or {})
    return site.post(f"/anmalan/{slug}", fields, headers=h)


def registrations(site, eid):
    return site.sql("SELECT name, email, status FROM registrations WHERE event_id = ? ORDER BY id",
                    (eid,))


def main(text):
    return text.split('<main', 1)[1].split('</main>', 1)[0]


def summary_links(text):
    """The error summary's links: [(href, message)]."""
    m = re.search(r'<div class="error-summary"[^>]*id="[^"]*-fel">(.*?)</div>', text, re.S)
    if not m:
        return []
    return [(a, htmlmod.unescape(b)) for a, b in re.findall(r'<a href="([^"]+)">([^<]*)</a>', m.group(1))]
