"""Login, sessions, CSRF/origin checks, lock-out, expiry, user commands and the audit log of the coordinator's desk."""
import os
import re
import time
import urllib.parse

import pytest

from conftest import wait_for
from admin_helpers import PASSWORD, Admin, add_user, csrf_of, session_cookie, unique_email

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def admin_routes():
    """Every /admin route of lib/http/routes.c (also other engineers'), as (method, sample path, multipart)."""
    with open(os.path.join(ROOT, "lib", "http", "routes.c")) as f:
        text = f.read()
    out = []
    for m in re.finditer(r'\{\s*(M_GET|M_POST)[^,]*,\s*"(/admin[^"]*)",[^}]*\}', text):
        method, pattern = m.group(1), m.group(2)
        if pattern == "/admin/login":
            continue
        out.append(("GET" if method == "M_GET" else "POST", pattern.replace("*", "1"),
                    "R_MULTIPART" in m.group(0)))
    return out


ROUTES = admin_routes()
ADMIN_GETS = [p for (m, p, _) in ROUTES if m == "GET"]
ADMIN_POSTS = [(p, mp) for (m, p, mp) in ROUTES if m == "POST"]


def post_raw(site, path, multipart, fields, headers):
    """POSTs fields urlencoded, or as multipart/form-data for upload routes."""
    if multipart:
        b = "----hcwebtestboundary"
        body = "".join(f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                       for k, v in fields) + f"--{b}--\r\n"
        ctype = f"multipart/form-data; boundary={b}"
    else:
        body = urllib.parse.urlencode(fields)
        ctype = "application/x-www-form-urlencoded"
    h = {"Content-Type": ctype}
    h.update(headers)
    return site.request("POST", path, body=body, headers=h)


def test_route_table_has_admin_routes():
    assert "/admin" in ADMIN_GETS and "/admin/nyheter/1" in ADMIN_GETS
    assert ("/admin/logout", False) in ADMIN_POSTS and len(ADMIN_POSTS) >= 6


@pytest.fixture(scope="module")
def admin(site):
    return Admin(site, add_user(site, "admin", role="admin"))


@pytest.fixture(scope="module")
def coord(site):
    return Admin(site, add_user(site, "coord"))


def test_login_form_and_cookie_flags(site):
    r = site.get("/admin/login")
    assert r.status == 200
    assert 'name="password"' in r.text and 'type="password"' in r.text
    assert r.headers["cache-control"] == "no-store"
    email = add_user(site, "flags")
    r = site.post("/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 303 and r.headers["location"] == "/admin"
    c = r.headers["set-cookie"]
    assert "HttpOnly" in c and "SameSite=Lax" in c and "Path=/" in c
    assert "Secure" not in c          # the test site is http
    token = session_cookie(r)
    # only a hash of the token is stored
    rows = site.sql("SELECT token_hash FROM sessions")
    assert all(token not in h for (h,) in rows)
    assert len(rows) >= 1
    rows = site.sql("SELECT ok, prefix FROM logins WHERE email = ?", (email,))
    assert rows == [(1, "127.0.0.1")]
    assert "password" not in site.log().lower() or PASSWORD not in site.log()
    assert PASSWORD not in site.log()


def test_new_token_every_login(site):
    email = add_user(site, "twice")
    t1 = session_cookie(site.post("/admin/login", {"email": email, "password": PASSWORD}))
    t2 = session_cookie(site.post("/admin/login", {"email": email, "password": PASSWORD}))
    assert t1 and t2 and t1 != t2


def test_next_is_kept_and_only_local(site):
    r = site.get("/admin/nyheter?status=utkast")
    assert r.status == 303
    assert r.headers["location"].startswith("/admin/login?next=/admin/nyheter%3Fstatus%3Dutkast")
    email = add_user(site, "next")
    r = site.post("/admin/login", {"email": email, "password": PASSWORD, "next": "/admin/nyheter"})
    assert r.headers["location"] == "/admin/nyheter"
    for bad in ["//evil.example/admin", "https://evil.example/", "/adminx", "/admin/\\evil"]:
        r = site.post("/admin/login", {"email": email, "password": PASSWORD, "next": bad})
        assert r.status == 303 and r.headers["location"] == "/admin", bad


def test_every_admin_route_refused_without_session(site):
    for path in ADMIN_GETS:
        r = site.get(path)
        assert r.status == 303, path
        assert r.headers["location"].startswith("/admin/login?next="), path
    for path, mp in ADMIN_POSTS:
        r = post_raw(site, path, mp, [("csrf", "0" * 64)], {"Origin": site.url})
        assert r.status == 403, path
        # an upload is refused; a form is kept for after the login (test_desk_keeps_work.py)
        if mp or path in ("/admin/autospara", "/admin/forhandsvisning"):   # uploads, the script's calls
            assert "Åtkomst nekad" in r.text
        else:
            assert 'action="/admin/login"' in r.text and 'name="kept"' in r.text, path


def test_wrong_or_missing_csrf_and_cross_origin(site, coord):
    ck = {"Cookie": f"hcsession={coord.token}"}
    for path, mp in ADMIN_POSTS:
        same = dict(ck, Origin=site.url)
        r = post_raw(site, path, mp, [("title", "x")], same)
        assert r.status == 403, ("missing csrf", path)
        r = post_raw(site, path, mp, [("csrf", "a" * 64), ("title", "x")], same)
        assert r.status == 403, ("wrong csrf", path)
        r = post_raw(site, path, mp, [("csrf", coord.csrf[:-1]), ("title", "x")], same)
        assert r.status == 403, ("short csrf", path)
        r = post_raw(site, path, mp, [("csrf", coord.csrf)], dict(ck, Origin="https://evil.example"))
        assert r.status == 403, ("cross origin", path)
        r = post_raw(site, path, mp, [("csrf", coord.csrf)], dict(ck, Origin="null"))
        assert r.status == 403, ("null origin", path)
        # no Origin and no Sec-Fetch-Site: refused; cross-site fetch metadata: refused
        r = post_raw(site, path, mp, [("csrf", coord.csrf)], ck)
        assert r.status == 403, ("no origin", path)
        r = post_raw(site, path, mp, [("csrf", coord.csrf)], dict(ck, **{"Sec-Fetch-Site": "cross-site"}))
        assert r.status == 403, ("cross-site", path)
        r = post_raw(site, path, mp, [("csrf", coord.csrf)], dict(ck, **{"Sec-Fetch-Site": "same-site"}))
        assert r.status == 403, ("same-site", path)
    # Sec-Fetch-Site same-origin without Origin is accepted
    r = coord.site.request("POST", "/admin/nyheter/ny", body=f"csrf={coord.csrf}&action=preview&version=1&title=ok",
                           headers=coord.headers({"Content-Type": "application/x-www-form-urlencoded",
                                                  "Sec-Fetch-Site": "same-origin"}))
    assert r.status == 200, r
    # still logged in: nothing above ended the session, changed or deleted anything
    assert coord.get("/admin").status == 200
    assert site.sql("SELECT count(*) FROM audit_log WHERE user_email = ? AND action <> 'login'",
                    (coord.email,)) == [(0,)]


def test_get_where_post_required(site, coord):
    gets = set(ADMIN_GETS)
    for path, _ in ADMIN_POSTS:
        if path in gets:
            continue            # the same path has a GET page (a form or a confirmation)
        r = coord.get(path)
        assert r.status == 405, path
        assert "POST" in r.headers.get("allow", ""), path
    # a GET of a confirmation page changes nothing
    assert coord.get("/admin").status == 200


def test_login_cross_origin_refused(site):
    email = add_user(site, "xo")
    r = site.post("/admin/login", {"email": email, "password": PASSWORD},
                  headers={"Origin": "https://evil.example"})
    assert r.status == 403 and session_cookie(r) is None


def test_admin_pages_not_cached(site, admin):
    for path in ["/admin", "/admin/logg", "/admin/anvandare", "/admin/nyheter", "/admin/nyheter/ny"]:
        r = admin.get(path)
        assert r.status == 200, path
        assert r.headers["cache-control"] == "no-store", path


def test_roles(site, coord, admin):
    assert coord.get("/admin/logg").status == 403
    assert coord.get("/admin/anvandare").status == 403
    r = coord.post("/admin/anvandare", {"name": "X", "email": unique_email("x"), "role": "admin",
                                        "password": PASSWORD})
    assert r.status == 403
    assert "Användare" not in coord.get("/admin").text.split("<main")[0]
    assert admin.get("/admin/logg").status == 200


def test_logout_ends_session_on_server(site):
    a = Admin(site, add_user(site, "logout"))
    r = a.post("/admin/logout", {})
    assert r.status == 303 and r.headers["location"] == "/admin/login"
    assert "Max-Age=0" in r.headers["set-cookie"]
    # the old cookie no longer works even if the browser kept it
    r = a.get("/admin")
    assert r.status == 303


def test_session_idle_and_absolute_expiry(site):
    a = Admin(site, add_user(site, "idle"))
    # idle 7 h 59 min: still alive
    site.sql("UPDATE sessions SET last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-479 minutes') "
             "WHERE user_id = (SELECT id FROM users WHERE email = ?)", (a.email,))
    assert a.get("/admin").status == 200
    # idle 8 h 1 min: gone
    site.sql("UPDATE sessions SET last_seen = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-481 minutes') "
             "WHERE user_id = (SELECT id FROM users WHERE email = ?)", (a.email,))
    assert a.get("/admin").status == 303
    assert site.sql("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?",
                    (a.email,)) == [(0,)]
    # active but older than 7 days: gone
    b = Admin(site, add_user(site, "absolute"))
    site.sql("UPDATE sessions SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-7 days', '-1 minute') "
             "WHERE user_id = (SELECT id FROM users WHERE email = ?)", (b.email,))
    assert b.get("/admin").status == 303


def test_user_disable_ends_live_session(site):
    a = Admin(site, add_user(site, "disable"))
    assert a.get("/admin").status == 200
    r = site.hcadmin("user", "disable", a.email)
    assert r.returncode == 0, r.stderr
    assert a.get("/admin").status == 303
    r = site.post("/admin/login", {"email": a.email, "password": PASSWORD})
    assert r.status == 403 and "Fel e-postadress eller lösenord" in r.text
    lst = site.hcadmin("user", "list").stdout
    assert re.search(re.escape(a.email) + r"\tcoordinator\tdisabled", lst)


def test_hcadmin_user_commands(site):
    email = unique_email("cli")
    short = site.hcadmin("user", "add", email, "--name", "K", "--role", "coordinator", input="kort\n")
    assert short.returncode != 0 and "12" in short.stderr
    long_pw = "x" * 129
    r = site.hcadmin("user", "add", email, "--name", "K", "--role", "coordinator", input=long_pw + "\n")
    assert r.returncode != 0 and "128" in r.stderr
    huge = site.hcadmin("user", "add", email, "--name", "K", "--role", "coordinator", input="x" * 100000 + "\n")
    assert huge.returncode != 0
    bad_role = site.hcadmin("user", "add", email, "--name", "K", "--role", "root", input=PASSWORD + "\n")
    assert bad_role.returncode == 2
    ok = site.hcadmin("user", "add", email, "--name", "K", "--role", "coordinator", input="å" * 12 + "\n")
    assert ok.returncode == 0, ok.stderr
    dup = site.hcadmin("user", "add", email.upper(), "--name", "K", "--role", "admin", input=PASSWORD + "\n")
    assert dup.returncode != 0 and "already exists" in dup.stderr
    h = site.sql("SELECT password_hash FROM users WHERE email = ?", (email,))[0][0]
    assert h.startswith("$argon2id$") and "m=65536" in h
    a = Admin(site, email, "å" * 12)
    r = site.hcadmin("user", "passwd", email, input="nytt-lösenord-123\n")
    assert r.returncode == 0, r.stderr
    assert a.get("/admin").status == 303       # password change ends sessions
    Admin(site, email, "nytt-lösenord-123")
    assert email in site.hcadmin("user", "list").stdout


def test_admin_manages_users_in_browser(site, admin):
    email = unique_email("web")
    r = admin.post("/admin/anvandare", {"name": "<b>Webb</b>", "email": email, "role": "coordinator",
                                        "password": "kort"})
    assert r.status == 422
    assert "minst 12 tecken" in r.text
    assert "&lt;b&gt;Webb&lt;/b&gt;" in r.text and "<b>Webb</b>" not in r.text
    assert 'value="' + email + '"' in r.text            # kept as typed
    r = admin.post("/admin/anvandare", {"name": "Webb Person", "email": email, "role": "coordinator",
                                        "password": PASSWORD})
    assert r.status == 303
    page = admin.get("/admin/anvandare").text
    assert email in page
    b = Admin(site, email)
    uid = site.sql("SELECT id FROM users WHERE email = ?", (email,))[0][0]
    r = admin.post(f"/admin/anvandare/stang-av/{uid}", {})
    assert r.status == 303
    assert b.get("/admin").status == 303
    log = admin.get("/admin/logg").text
    assert "disable" in log and email in log


def test_audit_log_records_logins_and_changes(site, admin):
    rows = site.sql("SELECT action, item_type, user_email FROM audit_log WHERE user_email = ?", (admin.email,))
    assert ("login", "user", admin.email) in rows
    r = admin.get("/admin/logg")
    assert r.status == 200 and admin.email in r.text


def test_lockout_after_five_failures(make_site):
    s = make_site(seed=False)
    email = add_user(s, "lock")
    for i in range(5):
        r = s.post("/admin/login", {"email": email, "password": f"fel-lösenord-{i}"})
        assert r.status == 403 and "Fel e-postadress eller lösenord" in r.text
    # unknown account: the same message
    r = s.post("/admin/login", {"email": unique_email("nobody"), "password": "fel-lösenord-x"})
    assert r.status == 403
    # now locked from this address, even with the right password
    t0 = time.monotonic()
    r = s.post("/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 429 and "spärrad i 15 minuter" in r.text
    assert int(r.headers["retry-after"]) > 0
    assert session_cookie(r) is None
    assert time.monotonic() - t0 < 5
    # refusals are counted in the log, never stored
    assert [ok for (ok,) in s.sql("SELECT ok FROM logins WHERE email = ? ORDER BY id", (email,))] == [0] * 5
    log = s.log()
    assert log.count(f"login failed for {email}") == 5 and f"login locked for {email}" in log
    assert "refused since start" in log
    assert "fel-lösenord" not in log
    # 16 minutes later the lock is over
    s.sql("UPDATE logins SET at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-16 minutes')")
    r = s.post("/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 303


def test_purge_on_start_keeps_recent(make_site):
    s = make_site(seed=False)
    old = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-91 days')"
    day = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')"
    s.sql(f"INSERT INTO logins (at, email, addr, prefix, ok) VALUES ({old}, 'old@test.example', "
          "'127.0.0.1', '127.0.0.1', 1), "
          f"({day}, 'oldfail@test.example', '127.0.0.1', '127.0.0.1', 0), "
          f"({day}, 'recent@test.example', '127.0.0.1', '127.0.0.1', 1)")
    s.stop()
    s.start()   # the housekeeping timer runs at start, then every ten minutes
    wait_for(lambda: s.sql("SELECT count(*) FROM logins WHERE email LIKE 'old%'") == [(0,)],
             "the purge")
    assert s.sql("SELECT email FROM logins") == [("recent@test.example",)]


def test_attacker_never_locks_out_the_right_password_elsewhere(make_site):
    s = make_site(seed=False)
    email = add_user(s, "victim")
    for i in range(12):
        r = s.request_from("127.0.0.66", "POST", "/admin/login",
                           {"email": email, "password": f"gissning-nummer-{i}"})
        assert r.status in (403, 429)
    assert r.status == 429    # the attacker's own pair is locked
    # the right password from another address works at once
    r = s.request_from("127.0.0.77", "POST", "/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 303 and session_cookie(r)
    # and hcadmin user unlock forgets the failures
    out = s.hcadmin("user", "unlock", email)
    assert out.returncode == 0 and "5 failed logins forgotten" in out.stdout, out
    r = s.request_from("127.0.0.66", "POST", "/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 303
    assert s.hcadmin("user", "unlock", "ingen@test.example").returncode == 1


def test_many_addresses_slow_an_account_down_but_known_pairs_pass(make_site):
    s = make_site(seed=False)
    email = add_user(s, "spaced")
    # a first login from .5 makes (account, 127.0.0.5) a known pair
    assert s.request_from("127.0.0.5", "POST", "/admin/login",
                          {"email": email, "password": PASSWORD}).status == 303
    statuses = []
    for i in range(14):   # failures from many addresses: the account's checks get spaced
        r = s.request_from(f"127.0.1.{i + 1}", "POST", "/admin/login",
                           {"email": email, "password": f"gissning-nummer-{i}"})
        statuses.append(r.status)
    assert statuses[:10] == [403] * 10 and 429 in statuses[10:]
    r = s.request_from("127.0.2.1", "POST", "/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 429 and "Vänta" in r.text and int(r.headers["retry-after"]) >= 1
    # the known pair is not slowed
    r = s.request_from("127.0.0.5", "POST", "/admin/login", {"email": email, "password": PASSWORD})
    assert r.status == 303


def test_same_message_for_unknown_and_wrong(make_site):
    s = make_site(seed=False)
    email = add_user(s, "same")
    a = s.post("/admin/login", {"email": email, "password": "fel-lösenord-1"})
    b = s.post("/admin/login", {"email": unique_email("unknown"), "password": "fel-lösenord-1"})
    strip = lambda t: re.sub(r'value="[^"]*"', "", t)
    assert a.status == b.status == 403
    assert strip(a.text) == strip(b.text)
    c = s.post("/admin/login", {"email": email, "password": "x" * 600})
    assert c.status == 403 and "Fel e-postadress eller lösenord" in c.text


def test_password_from_terminal_without_echo(site):
    """hcadmin reads the password twice from a terminal with echo off."""
    import pty
    import select
    import subprocess as sp
    email = unique_email("tty")
    secret = "terminal-lösenord-42"
    master, slave = pty.openpty()
    p = sp.Popen([os.path.join(ROOT, os.environ.get("HCWEB_BUILD", "build"), "hcadmin"), "-c", site.conf_path,
                  "user", "add", email, "--name", "Tty", "--role", "coordinator"],
                 stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""

    def read_until(word, timeout=10):
        nonlocal seen
        end = time.monotonic() + timeout
        while word.encode() not in seen and time.monotonic() < end:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    seen += os.read(master, 4096)
                except OSError:
                    break
    read_until("Lösenord")
    os.write(master, (secret + "\n").encode())
    read_until("igen")
    os.write(master, (secret + "\n").encode())
    read_until("added")
    assert p.wait(timeout=20) == 0, seen
    os.close(master)
    assert secret.encode() not in seen          # never echoed
    Admin(site, email, secret)


def test_session_survives_messy_cookies_but_not_a_twin(site):
    a = Admin(site, add_user(site, "messy"))
    messy = f'consent={{"ads":false, "stats":true}}; junk; theme=dark mode; hcsession={a.token}; x=1,2'
    r = site.get("/admin", headers={"Cookie": messy})
    assert r.status == 200 and "<title>Översikt" in r.text   # logged in, not sent to the login
    # the same name twice (e.g. one set by a sibling subdomain): no session
    r = site.get("/admin", headers={"Cookie": f"hcsession={a.token}; hcsession={'0' * 64}"})
    assert r.status == 303 and r.headers["location"].startswith("/admin/login")
    r = site.get("/admin", headers={"Cookie": f"hcsession={a.token}; hcsession={a.token}"})
    assert r.status == 303
