"""make faults: hcweb under kill -9, a full disk, migrations and backups under writes, broken
templates. Each test is bounded in time and uses loopback only. Not part of make test."""
import os
import shutil
import signal
import sqlite3
import subprocess
import threading
import time

import pytest

from admin_helpers import Admin, add_user
from conftest import BUILD, ROOT, Site, free_port, wait_for

NEWS = {"author": "A", "category": "0", "excerpt": "", "body": "Text", "publish_at": "",
        "version": "1", "action": "draft"}


def _write_posts(ed, prefix, n, acked, statuses):
    """Creates n drafts titled prefix-i; appends the titles answered 303 to acked.
    Like a person pressing save again, a write that meets hcweb down (502) is
    sent again, with the same one-time form key, so it is never made twice."""
    for i in range(n):
        title = f"{prefix}-{i}"
        key = os.urandom(32).hex()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                r = ed.post("/admin/nyheter/ny", dict(NEWS, title=title, form_key=key))
            except OSError:
                statuses.append("error")
                time.sleep(0.1)
                continue
            if r.status == 502:
                statuses.append("502sv" if 'lang="sv"' in r.text else "502en")
                time.sleep(0.1)
                continue
            statuses.append(str(r.status))
            if r.status == 303:
                acked.append(title)
            break


def _titles(site):
    return {t for (t,) in site.sql("SELECT title FROM posts")}


class DevSite(Site):
    """The site as `make run` runs it: conf/run-dev.sh supervising hcweb and nginx."""

    def __init__(self):   # pylint: disable=super-init-not-called
        self.tmp = os.path.realpath(__import__("tempfile").mkdtemp(prefix="hcweb-faults-"))
        self.var = os.path.join(self.tmp, "var")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_path = os.path.join(self.var, "hcweb.db")
        self.conf_path = os.path.join(self.var, "hcweb.conf")
        self.out = open(os.path.join(self.tmp, "run-dev.log"), "wb")
        env = dict(os.environ, PORT=str(self.port), BUILD=BUILD, VAR=self.var)
        self.proc = subprocess.Popen([os.path.join(ROOT, "conf", "run-dev.sh")], env=env,
                                     stdout=self.out, stderr=subprocess.STDOUT)
        wait_for(lambda: b"Ctrl-C" in self._log_bytes(), "make run", timeout=60)

    def _log_bytes(self):
        with open(os.path.join(self.tmp, "run-dev.log"), "rb") as f:
            return f.read()

    def hcweb_pid(self):
        for _ in range(100):   # run-dev.sh may be writing it
            with open(os.path.join(self.var, "hcweb.pid")) as f:
                text = f.read().strip()
            if text:
                return int(text)
            time.sleep(0.02)
        raise RuntimeError("no hcweb.pid")

    def close(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self.out.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def test_kill9_during_writes_loses_nothing_acknowledged():
    s = DevSite()
    try:
        ed = Admin(s, add_user(s, "crash"))
        acked, statuses = [], []
        writers = [threading.Thread(target=_write_posts, args=(ed, f"w{t}", 250, acked, statuses))
                   for t in range(4)]
        for t in writers:
            t.start()
        pids = []
        for at in (200, 600):   # two crashes in the middle of the 1,000 writes
            try:
                wait_for(lambda: len(acked) >= at, f"{at} writes", timeout=120)
            except RuntimeError:
                raise AssertionError(f"{len(acked)} acked; answers "
                                     f"{ {k: statuses.count(k) for k in set(statuses)} }; "
                                     f"{s._log_bytes()[-3000:]!r}")
            pid = s.hcweb_pid()
            pids.append(pid)
            os.kill(pid, signal.SIGKILL)
            wait_for(lambda: s.hcweb_pid() != pid, "the restart", timeout=30)
        for t in writers:
            t.join(timeout=300)
        wait_for(lambda: s.get("/nyheter").status == 200, "hcweb back", timeout=30)
        assert s.hcweb_pid() not in pids
        titles = _titles(s)
        missing = [t for t in acked if t not in titles]
        assert not missing, f"{len(missing)} acknowledged writes lost: {missing[:5]}"
        assert len(acked) == 1000, f"only {len(acked)} of 1,000 writes got their 303"
        assert s.sql("SELECT count(*) FROM posts WHERE title LIKE 'w%-%'") == [(1000,)]   # none twice
        assert "502sv" in statuses                # nginx showed its Swedish 502 meanwhile
        assert s.sql("PRAGMA integrity_check") == [("ok",)]
        assert "502en" not in statuses          # nginx's 502 is the Swedish page
        assert b"startar om" in s._log_bytes()
        print(f"{len(acked)} writes acknowledged, all present; answers: "
              f"{ {k: statuses.count(k) for k in set(statuses)} }")
    finally:
        s.close()


@pytest.fixture
def small_fs():
    """A 3 MiB tmpfs for the data folder (needs root), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("a small file system needs root to mount; skipped")
    d = __import__("tempfile").mkdtemp(prefix="hcweb-fullfs-")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m,mode=0700", "tmpfs", d],
                       capture_output=True, text=True)
    if r.returncode != 0:
        os.rmdir(d)
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip()}); skipped")
    try:
        yield d
    finally:
        subprocess.run(["umount", "-l", d], check=False)
        os.rmdir(d)


def test_full_disk_refuses_saves_clearly_and_recovers(make_site, small_fs):
    s = make_site(seed=False, data_dir=small_fs)
    ed = Admin(s, add_user(s, "full"))
    assert ed.post("/admin/nyheter/ny", dict(NEWS, title="Före")).status == 303
    filler = os.path.join(small_fs, "filler")
    subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True)
    body = "Det här får inte försvinna. " * 200
    r = ed.post("/admin/nyheter/ny", dict(NEWS, title="Full disk", body=body))
    assert r.status == 503 and "Det gick inte att spara" in r.text, r
    assert "Det här får inte försvinna." in r.text          # the text is still in the form
    assert s.get("/nyheter").status == 200                   # reads still work
    os.unlink(filler)
    r = ed.post("/admin/nyheter/ny", dict(NEWS, title="Full disk", body=body))
    assert r.status == 303, r
    assert s.sql("PRAGMA integrity_check") == [("ok",)]
    assert sorted(_titles(s)) == ["Full disk", "Före"]


def test_migrate_and_backup_while_the_site_takes_writes(make_site):
    mig = __import__("tempfile").mkdtemp(prefix="hcweb-mig-")
    for name in os.listdir(os.path.join(ROOT, "migrations")):
        shutil.copy(os.path.join(ROOT, "migrations", name), mig)
    s = make_site(seed=True, migrations=mig)
    try:
        ed = Admin(s, add_user(s, "busy"))
        acked, statuses = [], []
        writers = [threading.Thread(target=_write_posts, args=(ed, f"m{t}", 150, acked, statuses))
                   for t in range(3)]
        for t in writers:
            t.start()
        wait_for(lambda: len(acked) >= 50, "writes", timeout=60)
        backups = []
        for i in range(3):
            b = os.path.join(s.tmp, f"under-load-{i}.db")
            r = s.hcadmin("backup", b)
            assert r.returncode == 0, r.stderr
            backups.append(b)
        with open(os.path.join(mig, "0099_fault_test.sql"), "w") as f:
            f.write("-- 0099: a migration applied while the site writes.\n"
                    "CREATE TABLE fault_test (id INTEGER PRIMARY KEY, note TEXT NOT NULL);\n"
                    "CREATE INDEX posts_fault_test ON posts (title);\n")
        r = s.hcadmin("migrate")
        assert r.returncode == 0 and "applied  0099_fault_test.sql" in r.stdout, r
        for t in writers:
            t.join(timeout=300)
        assert set(statuses) == {"303"}, "every write answered 303, none locked out"
        assert "database is locked" not in s.log()
        titles = _titles(s)
        assert all(t in titles for t in acked) and len(acked) == 450
        assert s.sql("PRAGMA integrity_check") == [("ok",)]

        # a backup taken under load restores cleanly
        snap = sqlite3.connect(f"file:{backups[1]}?immutable=1", uri=True)
        assert snap.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        in_backup = {t for (t,) in snap.execute("SELECT title FROM posts")}
        snap.close()
        r = s.hcadmin("restore", backups[1])
        assert r.returncode == 0 and "run hcadmin migrate" in r.stdout, r
        assert _titles(s) == in_backup
        assert s.hcadmin("migrate").returncode == 0
        assert s.sql("PRAGMA integrity_check") == [("ok",)]
        assert s.get("/nyheter").status == 200
        assert ed.post("/admin/nyheter/ny", dict(NEWS, title="Efter återställning")).status == 303
    finally:
        shutil.rmtree(mig, ignore_errors=True)


def _hcweb_once(conf_path):
    try:
        p = subprocess.run([os.path.join(BUILD, "hcweb"), "-c", conf_path],
                           capture_output=True, text=True, timeout=5)
        return p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return None, ""


def test_broken_or_missing_templates_refuse_start_in_one_line(make_site):
    s = make_site(seed=True)
    s.stop()
    tpl = os.path.join(s.tmp, "templates")
    shutil.copytree(os.path.join(ROOT, "templates"), tpl)
    with open(s.conf_path) as f:
        conf = f.read()
    with open(s.conf_path, "w") as f:
        f.write(conf.replace(f"templates = {ROOT}/templates", f"templates = {tpl}"))
    with open(os.path.join(tpl, "post.tpl"), "w") as f:
        f.write('{{%AUTOESCAPE context="HTML"}}\n{{#OPEN}}never closed\n')
    rc, err = _hcweb_once(s.conf_path)
    # ctemplate prints its own diagnosis ("ERROR: ...") before hcweb's one line
    ours = [line for line in err.splitlines() if line and not line.startswith("ERROR: ")]
    assert rc == 1 and len(ours) == 1 and "post.tpl: does not load" in ours[0], err
    shutil.copy(os.path.join(ROOT, "templates", "post.tpl"), tpl)
    os.unlink(os.path.join(tpl, "layout.tpl"))
    rc, err = _hcweb_once(s.conf_path)
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "layout.tpl" in err, err
    # a missing page template: the Swedish error page, never half a page
    shutil.copy(os.path.join(ROOT, "templates", "layout.tpl"), tpl)
    os.unlink(os.path.join(tpl, "event.tpl"))
    s.start()
    assert s.get("/nyheter").status == 200
    slug = s.sql("SELECT slug FROM events WHERE status = 'published' LIMIT 1")[0][0]
    r = s.get(f"/evenemang/{slug}")
    assert r.status == 500 and 'lang="sv"' in r.text and "Ett fel uppstod" in r.text
    assert r.text.rstrip().endswith("</html>")
