"""End-to-end harness: a real nginx and hcweb on a free 127.0.0.1 port with a fresh database."""
import http.client
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse

import pytest

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

    # The test sites log in far more often than people do: generous nginx
    # login limits, unless a test asks for the production ones (strict).
    RELAXED = {"LOGIN_RATE": "20000r/s", "LOGIN_BURST": "20000", "LOGIN_RATE_ALL": "20000r/s"}

    def __init__(self, seed=True, strict=False, data_dir=None, migrations=None, extra_conf=""):
        """data_dir: where the database lives (default: the temporary folder);
        migrations: the migrations folder (default: the checkout's)."""
        self.strict = strict
        self.tmp = tempfile.mkdtemp(prefix="hcweb-e2e-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_path = os.path.join(data_dir or self.tmp, "hcweb.db")
        self.socket = os.path.join(self.tmp, "hcweb.sock")
        self.uploads = os.path.join(self.tmp, "uploads")
        self.conf_path = os.path.join(self.tmp, "hcweb.conf")
        self.spool = os.path.join(self.tmp, "outbox")
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
                f"migrations = {migrations or ROOT + '/migrations'}\n"
                f"backups = {self.tmp}/backups\n"
                f"uploads = {self.uploads}\n"
                f"mail_spool = {self.spool}\n"
                "mail_rate = 0\nmail_retry_base = 1\n"
                + extra_conf
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

    def start_hcweb(self):
        """Starts hcweb alone (also again after it was killed)."""
        self.hcweb_log = open(os.path.join(self.tmp, "hcweb.log"), "ab")
        if os.path.exists(self.socket):
            os.unlink(self.socket)
        self.hcweb = subprocess.Popen(
            [os.path.join(BUILD, "hcweb"), "-c", self.conf_path],
            stdin=subprocess.DEVNULL, stdout=self.hcweb_log, stderr=self.hcweb_log,
        )
        self.procs.append(self.hcweb)
        wait_for(lambda: os.path.exists(self.socket), "the hcweb socket")

    def start(self):
        self.start_hcweb()
        nconf = os.path.join(self.tmp, "nginx", "nginx.conf")
        subprocess.run(
            [os.path.join(ROOT, "conf", "render-nginx.sh"), os.path.join(ROOT, "conf", "nginx.conf.in"),
             nconf, str(self.port), ROOT, self.tmp, self.socket, self.uploads, "1"],
            check=True, timeout=10, env={**os.environ, **({} if self.strict else self.RELAXED)},
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

    def request(self, method, path, body=None, headers=None, timeout=10, source=None):
        """Sends one request with the target exactly as given (no normalisation),
        from the loopback address source (e.g. "127.0.0.9") when given."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout,
                                          source_address=(source, 0) if source else None)
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

    def request_from(self, source, method, path, fields=None, headers=None):
        """A request from another loopback address; fields are posted urlencoded."""
        hdrs = {"Origin": self.url}
        body = None
        if fields is not None:
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(fields).encode()
        hdrs.update(headers or {})
        return self.request(method, path, body=body, headers=hdrs, source=source)

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


@pytest.fixture(scope="session")
def site():
    s = Site(seed=True)
    yield s
    s.close()


@pytest.fixture
def make_site():
    made = []

    def make(seed=True, strict=False, **kw):
        s = Site(seed=seed, strict=strict, **kw)
        made.append(s)
        return s
    yield make
    for s in made:
        s.close()
