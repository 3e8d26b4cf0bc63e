"""The optional nginx micro-cache (MICROCACHE=1): one second, keyed on the URL, never for sessions, the desk or POST."""
import time

import pytest

from admin_helpers import Admin, add_user


@pytest.fixture(scope="module")
def mc():
    import os
    from conftest import Site
    os.environ["MICROCACHE"] = "1"
    try:
        s = Site(seed=True)
    finally:
        del os.environ["MICROCACHE"]
    yield s
    s.close()


def status(r):
    return r.headers.get("x-micro-cache")


def test_off_by_default(site):
    assert "x-micro-cache" not in site.get("/").headers


def test_public_page_is_kept_one_second(mc):
    first = mc.get("/medlemmar")
    second = mc.get("/medlemmar")
    if status(second) != "HIT":   # the second ended between the two
        second = mc.get("/medlemmar")
    assert status(first) in ("MISS", "EXPIRED") and status(second) == "HIT"
    assert second.body == first.body
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert status(mc.get("/medlemmar?x=1")) in ("MISS", "EXPIRED"), "keyed on the URL"
    # a write shows within a second
    mc.sql("UPDATE members SET name = 'Ny medlemsnamn stad' WHERE id = (SELECT min(id) FROM members WHERE active = 1)")
    assert "Ny medlemsnamn stad" not in mc.get("/medlemmar").text, "the copy is still kept"
    t0 = time.monotonic()
    while "Ny medlemsnamn stad" not in mc.get("/medlemmar").text:
        assert time.monotonic() - t0 < 1.2, "at most a second stale after a write"
        time.sleep(0.05)


def test_sessions_desk_and_post_bypass(mc):
    ed = Admin(mc, add_user(mc, "mc"))
    mc.get("/")
    r = ed.get("/")
    assert status(r) == "BYPASS"
    r = ed.get("/admin")
    assert r.status == 200 and status(r) == "BYPASS"
    mc.get("/admin/login")
    assert status(mc.get("/admin/login")) in (None, "BYPASS"), "the login form is never kept"
    r = mc.post("/feed", {"a": "b"})
    assert r.status == 405 and status(r) in (None, "", "BYPASS", "MISS")
    r2 = mc.post("/feed", {"a": "b"})
    assert status(r2) != "HIT"
