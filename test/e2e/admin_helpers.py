"""Helpers of the admin tests: users, logging in, a client that carries the session and CSRF token."""
import html
import itertools
import os
import re

PASSWORD = "korrekt-häst-batteri-häfta"
_seq = itertools.count()


def unique_email(prefix):
    return f"{prefix}-{os.getpid()}-{next(_seq)}@test.example"


def add_user(site, prefix="u", role="coordinator", name="Test Person", password=PASSWORD):
    email = unique_email(prefix)
    r = site.hcadmin("user", "add", email, "--name", name, "--role", role, input=password + "\n")
    assert r.returncode == 0, r.stderr
    return email


def session_cookie(resp):
    sc = resp.headers.get("set-cookie", "")
    m = re.match(r"hcsession=([0-9a-f]{64});", sc)
    return m.group(1) if m else None


def csrf_of(text):
    m = re.search(r'name="csrf" value="([0-9a-f]{64})"', text)
    return m.group(1) if m else None


def field_value(text, name):
    """The value attribute of input name, unescaped."""
    m = re.search(r'<input[^>]*name="%s"[^>]*value="([^"]*)"' % re.escape(name), text)
    return html.unescape(m.group(1)) if m else None


def textarea(text, name):
    m = re.search(r'<textarea[^>]*name="%s"[^>]*>(.*?)</textarea>' % re.escape(name), text, re.S)
    return html.unescape(m.group(1)) if m else None


class Admin:
    """A logged-in browser."""

    def __init__(self, site, email, password=PASSWORD):
        self.site = site
        self.email = email
        r = site.post("/admin/login", {"email": email, "password": password, "next": "/admin"})
        assert r.status == 303, r
        self.token = session_cookie(r)
        assert self.token
        page = self.get("/admin")
        assert page.status == 200, page
        self.csrf = csrf_of(page.text)
        assert self.csrf

    def headers(self, extra=None):
        h = {"Cookie": f"hcsession={self.token}"}
        h.update(extra or {})
        return h

    def get(self, path, headers=None):
        return self.site.get(path, headers=self.headers(headers))

    def post(self, path, fields, headers=None, csrf=True):
        if isinstance(fields, dict):
            fields = list(fields.items())
        if csrf and isinstance(fields, list):
            fields = [("csrf", self.csrf)] + fields
        return self.site.post(path, fields, headers=self.headers(headers))
