"""Shared helpers of the end-to-end tests: the Site harness (a real nginx and hcweb on a free
127.0.0.1 port with a fresh database), the admin client that carries a session and its CSRF
token, and direct inserts of fixtures. Test files import from here, never from each other."""
import html
import http.client
import itertools
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(ROOT, os.environ.get("HCWEB_BUILD", "build"))
START_TIMEOUT = 10.0


class Resp:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def __repr__(self):
        return f"<Resp {self.status} {self.text[:200]!r}>"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what, timeout=START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


class Site:
    """One running site. Everything lives in its own temporary folder."""

    def __init__(self, seed=True):
        self.tmp = tempfile.mkdtemp(prefix="hcweb-e2e-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_path = os.path.join(self.tmp, "hcweb.db")
        self.socket = os.path.join(self.tmp, "hcweb.sock")
        self.uploads = os.path.join(self.tmp, "uploads")
        self.conf_path = os.path.join(self.tmp, "hcweb.conf")
        self.procs = []
        os.makedirs(os.path.join(self.tmp, "nginx", "tmp"))
        os.makedirs(self.uploads)
        with open(self.conf_path, "w") as f:
            f.write(
                f"database = {self.db_path}\n"
                f"socket = {self.socket}\n"
                "workers = 2\n"
                f"site_url = {self.url}\n"
                f"templates = {ROOT}/templates\n"
                f"migrations = {ROOT}/migrations\n"
                f"backups = {self.tmp}/backups\n"
                f"uploads = {self.uploads}\n"
            )
        self.hcadmin("migrate", check=True)
        if seed:
            self.hcadmin("seed-demo", check=True)
        self.start()

    def hcadmin(self, *args, input=None, check=False):
        """Runs build/hcadmin with this site's configuration."""
        return subprocess.run(
            [os.path.join(BUILD, "hcadmin"), "-c", self.conf_path, *args],
            input=input, capture_output=True, text=True, timeout=60, check=check,
        )

    def start(self):
        self.hcweb_log = open(os.path.join(self.tmp, "hcweb.log"), "ab")
        self.hcweb = subprocess.Popen(
            [os.path.join(BUILD, "hcweb"), "-c", self.conf_path],
            stdin=subprocess.DEVNULL, stdout=self.hcweb_log, stderr=self.hcweb_log,
        )
        self.procs.append(self.hcweb)
        wait_for(lambda: os.path.exists(self.socket), "the hcweb socket")
        nconf = os.path.join(self.tmp, "nginx", "nginx.conf")
        subprocess.run(
            [os.path.join(ROOT, "conf", "render-nginx.sh"), os.path.join(ROOT, "conf", "nginx.conf.in"),
             nconf, str(self.port), ROOT, self.tmp, self.socket, self.uploads, "1"],
            check=True, timeout=10,
        )
        self.nginx = subprocess.Popen(
            ["nginx", "-c", nconf, "-p", os.path.join(self.tmp, "nginx"), "-e",
             os.path.join(self.tmp, "nginx", "error.log"), "-g", "daemon off;"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        self.procs.append(self.nginx)

        def answers():
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return True
            except OSError:
                return False
        wait_for(answers, "nginx")

    def stop(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        self.procs = []

    def close(self):
        """Stops the servers; fails when hcweb's log shows a sanitizer report."""
        self.stop()
        log = self.log()
        shutil.rmtree(self.tmp, ignore_errors=True)
        for sign in ("AddressSanitizer", "LeakSanitizer", "runtime error:"):
            assert sign not in log, f"hcweb reported a sanitizer error:\n{log[-4000:]}"

    def log(self):
        """What hcweb wrote to its log so far."""
        self.hcweb_log.flush()
        with open(os.path.join(self.tmp, "hcweb.log"), "rb") as f:
            return f.read().decode("utf-8", "replace")

    def request(self, method, path, body=None, headers=None, timeout=10):
        """Sends one request with the target exactly as given (no normalisation)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)
            hdrs = dict(headers or {})
            if body is not None:
                if isinstance(body, str):
                    body = body.encode()
                hdrs.setdefault("Content-Length", str(len(body)))
            for k, v in hdrs.items():
                conn.putheader(k, v)
            conn.endheaders(body)
            r = conn.getresponse()
            data = r.read()
            return Resp(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        finally:
            conn.close()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, headers=None):
        """POSTs fields (dict, list of pairs, or bytes) urlencoded."""
        body = fields if isinstance(fields, (bytes, str)) else urllib.parse.urlencode(fields).encode()
        hdrs = {"Content-Type": "application/x-www-form-urlencoded", "Origin": self.url}
        hdrs.update(headers or {})
        return self.request("POST", path, body=body, headers=hdrs)

    def sql(self, query, params=()):
        """Runs SQL on the live database (setup and checks); returns all rows."""
        con = sqlite3.connect(self.db_path, timeout=10)
        try:
            con.execute("PRAGMA foreign_keys=ON")
            rows = con.execute(query, params).fetchall()
            con.commit()
            return rows
        finally:
            con.close()


# ---- the coordinator's desk ----

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


# ---- fixtures written straight into the database ----

def insert_event(site, slug, start, end, status="published", all_day=0, title=None,
                 online=0, reg_url="", reg_until=None, kind="seminarium"):
    """Inserts an event straight into the database (times in UTC storage form)."""
    site.sql(
        "INSERT INTO events (slug, title, kind, status, all_day, online, starts_at, ends_at, "
        "venue, town, description_html, description_text, registration_url, "
        "registration_until, created_at, updated_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, 'Stadshuset', 'Borås', '<p>Beskrivning</p>', 'Beskrivning', "
        "?, ?, '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')",
        (slug, title or slug, kind, status, all_day, online, start, end, reg_url, reg_until))
