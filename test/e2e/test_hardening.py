"""Least privilege and clean logs: file modes, refusing to start on a bad database, escaped log lines,
nginx's own answers in Swedish with our headers, security.txt, a dashboard without admin-only lines."""
import os
import socket
import sqlite3
import stat
import subprocess

import pytest

from admin_helpers import Admin, add_user
from conftest import BUILD


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def _start_hcweb(site):
    """Runs hcweb in the foreground until it stops (a refused start) or 5 s pass."""
    try:
        p = subprocess.run([os.path.join(BUILD, "hcweb"), "-c", site.conf_path],
                           capture_output=True, text=True, timeout=5)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return None, ""


def test_database_is_created_private(make_site):
    s = make_site(seed=False)
    assert _mode(s.db_path) == 0o600
    for ext in ("-wal", "-shm"):
        if os.path.exists(s.db_path + ext):
            assert _mode(s.db_path + ext) & 0o077 == 0
    backup = os.path.join(s.tmp, "b.db")
    assert s.hcadmin("backup", backup).returncode == 0
    assert _mode(backup) == 0o600


def test_refuses_to_start_on_a_readable_database(make_site):
    s = make_site(seed=False)
    s.stop()
    os.chmod(s.db_path, 0o644)
    rc, err = _start_hcweb(s)
    assert rc == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "mode 0644" in lines[0] and "chmod 0600" in lines[0], err


def test_refuses_to_start_on_garbage_or_missing_database(make_site):
    s = make_site(seed=False)
    s.stop()
    for ext in ("-wal", "-shm"):
        if os.path.exists(s.db_path + ext):
            os.unlink(s.db_path + ext)
    with open(s.db_path, "wb") as f:
        f.write(os.urandom(8192))
    rc, err = _start_hcweb(s)
    assert rc == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "not a usable hcweb database" in lines[0], err
    os.unlink(s.db_path)
    rc, err = _start_hcweb(s)
    assert rc == 1 and "missing" in err and len(err.strip().splitlines()) == 1, err


def test_refuses_to_start_with_an_unusable_uploads_folder(make_site):
    if os.geteuid() == 0:
        pytest.skip("run as root: every folder is readable and writable")
    s = make_site(seed=False)
    s.stop()
    os.chmod(s.uploads, 0o000)
    try:
        rc, err = _start_hcweb(s)
    finally:
        os.chmod(s.uploads, 0o750)
    assert rc == 1 and "uploads folder" in err and len(err.strip().splitlines()) == 1, err


def test_log_lines_escape_controls_and_bidi(site):
    a = Admin(site, add_user(site, "logs"))
    site.get("/finns-inte%E2%80%AEfdp.exe")   # a bidi override in a path that is logged
    a.post("/admin/nyheter/ny", {"title": "x"},
           headers={"Origin": "https://evil.example\u202e\x1b[31m".encode().decode("latin-1")})
    log = site.log()
    assert "\x1b[31m" not in log and "\u202e" not in log
    assert "/finns-inte\\u{202E}fdp.exe" in log
    assert "Origin https://evil.example\\u{202E}\\x1B[31m" in log


def test_security_txt(site):
    r = site.get("/.well-known/security.txt")
    assert r.status == 200 and r.headers["content-type"].startswith("text/plain")
    assert "Contact: mailto:" in r.text and "Expires: " in r.text


def _raw(site, data):
    with socket.create_connection(("127.0.0.1", site.port), timeout=10) as sock:
        sock.sendall(data)
        out = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            out += chunk
    head, _, body = out.partition(b"\r\n\r\n")
    return head.decode("latin-1"), body.decode("utf-8", "replace")


def test_nginx_own_errors_are_swedish_with_headers(site):
    cases = {
        # a header larger than nginx's buffers
        b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\nConnection: close\r\n\r\n": "400",
        b"GET / HTTP/2.5\r\nHost: x\r\nConnection: close\r\n\r\n": "505",
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked2\r\nConnection: close\r\n\r\n": "501",
    }
    for req, status in cases.items():
        head, body = _raw(site, req)
        first = head.split("\r\n")[0]
        assert first.split(" ")[1] == status, (first, status)
        assert 'lang="sv"' in body, (status, body[:300])
        h = head.lower()
        assert "x-content-type-options: nosniff" in h and "content-security-policy:" in h, head


def test_hcweb_answers_carry_each_header_once(site):
    r = site.request("GET", "/nyheter")
    raw = subprocess.run(["curl", "-sS", "-D", "-", "-o", "/dev/null", site.url + "/nyheter"],
                         capture_output=True, text=True, timeout=10).stdout.lower()
    assert r.status == 200
    assert raw.count("content-security-policy:") == 1 and raw.count("x-frame-options:") == 1, raw


def test_coordinator_dashboard_shows_content_changes_only(site):
    boss = Admin(site, add_user(site, "boss", role="admin"))
    coord = Admin(site, add_user(site, "dash"))
    r = coord.post("/admin/nyheter/ny", {"title": "Synlig ändring", "author": "A", "category": "0",
                                         "excerpt": "", "body": "Text", "publish_at": "",
                                         "version": "1", "action": "draft"})
    assert r.status == 303
    page = coord.get("/admin").text
    assert "Synlig ändring" in page
    assert boss.email not in page             # the admin's login is not a content change
    assert "loggade in" not in page
    assert "Synlig ändring" in boss.get("/admin").text
    assert boss.email in boss.get("/admin/logg").text   # the admin's log keeps everything
