"""Every page is well-formed HTML5 as tidy sees it, public and admin alike."""
import re
import subprocess

import pytest

from admin_helpers import Admin, add_user

# Debian 12's tidy (5.6) does not know these valid HTML5/ARIA attributes.
KNOWN = re.compile(r'proprietary attribute "(aria-current|minlength|inputmode)"')

PUBLIC = ["/", "/nyheter", "/nyheter?sida=2", "/evenemang", "/evenemang/tidigare",
          "/medlemmar", "/styrelse", "/om", "/bli-medlem", "/admin/login", "/finns-inte"]
ADMIN = ["/admin", "/admin/nyheter", "/admin/nyheter/ny", "/admin/evenemang",
         "/admin/evenemang/ny", "/admin/medlemmar", "/admin/medlemmar/ny", "/admin/styrelse",
         "/admin/styrelse/ny", "/admin/sidor", "/admin/sidor/om", "/admin/media",
         "/admin/anvandare", "/admin/logg", "/admin/intresse"]


def tidy_problems(text):
    """tidy's errors and warnings for text, less the known one."""
    r = subprocess.run(["tidy", "-q", "-e", "-utf8"], input=text.encode(),
                       capture_output=True, timeout=30)
    lines = r.stderr.decode("utf-8", "replace").splitlines()
    return [ln for ln in lines if ln.strip() and not KNOWN.search(ln)]


def first_links(site):
    """One post, one category and one event page, taken from the lists."""
    news = site.get("/nyheter").text
    events = site.get("/evenemang").text
    paths = [re.search(r'href="(/nyheter/[a-z0-9-]+)"', news).group(1),
             re.search(r'href="(/kategori/[a-z0-9-]+)"', news).group(1),
             re.search(r'href="(/evenemang/(?!tidigare)[a-z0-9-]+)"', events).group(1)]
    return paths


def test_public_pages_are_valid(site):
    for path in PUBLIC + first_links(site):
        r = site.get(path)
        assert r.status in (200, 404), (path, r.status)
        assert r.text.startswith("<!DOCTYPE html>"), path
        assert tidy_problems(r.text) == [], path


@pytest.mark.parametrize("path", ADMIN)
def test_admin_pages_are_valid(site, path):
    admin = Admin(site, add_user(site, "html", role="admin"))
    r = admin.get(path)
    assert r.status == 200, (path, r.status)
    assert tidy_problems(r.text) == [], path


@pytest.mark.parametrize("path", ADMIN)
def test_scrollable_tables_reachable_by_keyboard(site, path):
    """A table that may scroll sideways at 390 px sits in a focusable, labelled region (axe scrollable-region-focusable)."""
    admin = Admin(site, add_user(site, "scroll", role="admin"))
    text = admin.get(path).text
    for tag in re.findall(r'<div class="table-wrap"[^>]*>', text):
        assert 'tabindex="0"' in tag and 'role="region"' in tag and re.search(r'aria-label="[^"]+"', tag), (path, tag)
