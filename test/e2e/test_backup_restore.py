"""Backups a small organisation keeps: the nightly rotation, and hcadmin restore that checks a file first."""
import datetime
import os
import shutil
import sqlite3
import subprocess

from conftest import BUILD, ROOT


def _rotate(site, folder, day):
    env = dict(os.environ, HCADMIN=os.path.join(BUILD, "hcadmin"), TODAY=day.isoformat(),
               WEEKDAY=str(day.isoweekday()))
    return subprocess.run([os.path.join(ROOT, "conf", "backup-rotate.sh"), site.conf_path, folder],
                          env=env, capture_output=True, text=True, timeout=60)


def test_nightly_rotation_keeps_seven_daily_and_four_weekly(make_site):
    s = make_site(seed=False)
    folder = os.path.join(s.tmp, "rot")
    start = datetime.date(2026, 1, 4)   # a Sunday: five Sundays in 29 days
    days = [start + datetime.timedelta(days=i) for i in range(29)]
    for d in days:
        r = _rotate(s, folder, d)
        assert r.returncode == 0, r.stderr
    daily = sorted(os.listdir(os.path.join(folder, "daily")))
    weekly = sorted(os.listdir(os.path.join(folder, "weekly")))
    assert daily == [f"hcweb-{d.isoformat()}.db" for d in days[-7:]]
    sundays = [d for d in days if d.isoweekday() == 7]
    assert weekly == [f"hcweb-{d.isoformat()}.db" for d in sundays[-4:]]
    f = os.path.join(folder, "daily", daily[-1])
    assert os.stat(f).st_mode & 0o077 == 0
    con = sqlite3.connect(f"file:{f}?immutable=1", uri=True)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    # the same night twice replaces that night's file
    assert _rotate(s, folder, days[-1]).returncode == 0
    assert sorted(os.listdir(os.path.join(folder, "daily"))) == daily


def test_restore_checks_the_file_before_replacing(make_site):
    s = make_site(seed=True)
    good = os.path.join(s.tmp, "good.db")
    assert s.hcadmin("backup", good).returncode == 0
    posts = s.sql("SELECT count(*) FROM posts")[0][0]
    s.sql("DELETE FROM posts")
    # a damaged file is refused and nothing changes
    bad = os.path.join(s.tmp, "bad.db")
    shutil.copy(good, bad)
    with open(bad, "r+b") as f:
        f.seek(4096 * 3)
        f.write(os.urandom(4096 * 2))
    r = s.hcadmin("restore", bad)
    assert r.returncode == 1 and "nothing was changed" in r.stderr, r
    garbage = os.path.join(s.tmp, "garbage.db")
    with open(garbage, "wb") as f:
        f.write(os.urandom(10000))
    assert s.hcadmin("restore", garbage).returncode == 1
    # a backup from a newer hcweb is refused
    newer = os.path.join(s.tmp, "newer.db")
    shutil.copy(good, newer)
    con = sqlite3.connect(newer)
    con.execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) "
                "VALUES (9999, '9999_future.sql', 'x', '2030-01-01T00:00:00Z')")
    con.commit()
    con.close()
    r = s.hcadmin("restore", newer)
    assert r.returncode == 1 and "newer" in r.stderr, r
    assert s.sql("SELECT count(*) FROM posts") == [(0,)]
    # the good one goes in while the site runs; a safety copy is made first
    r = s.hcadmin("restore", good)
    assert r.returncode == 0 and "restored" in r.stdout, r
    assert s.sql("SELECT count(*) FROM posts") == [(posts,)]
    assert any("before-restore" in n for n in os.listdir(os.path.join(s.tmp, "backups")))
    assert s.get("/nyheter").status == 200
    assert s.sql("PRAGMA integrity_check") == [("ok",)]
