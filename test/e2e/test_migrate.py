"""hcadmin migrate and hcadmin backup on databases of their own (no server needed)."""
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile

import pytest

from conftest import BUILD, ROOT


class Env:
    """A temp folder with its own hcweb.conf, database and copy of migrations/."""

    def __init__(self, tmp, migrations=None):
        self.tmp = tmp
        self.db = os.path.join(tmp, "hcweb.db")
        self.mig = os.path.join(tmp, "migrations")
        self.backups = os.path.join(tmp, "backups")
        os.makedirs(self.mig)
        for f in sorted(glob.glob(os.path.join(ROOT, "migrations", "[0-9]*.sql"))):
            if migrations is None or os.path.basename(f)[:4] in migrations:
                shutil.copy(f, self.mig)
        self.conf = os.path.join(tmp, "hcweb.conf")
        with open(self.conf, "w") as f:
            f.write(f"database = {self.db}\nmigrations = {self.mig}\nbackups = {self.backups}\n"
                    f"templates = {ROOT}/templates\n")

    def hcadmin(self, *args):
        return subprocess.run([os.path.join(BUILD, "hcadmin"), "-c", self.conf, *args],
                              capture_output=True, text=True, timeout=60)

    def add_from_repo(self, number):
        for f in glob.glob(os.path.join(ROOT, "migrations", f"{number}_*.sql")):
            shutil.copy(f, self.mig)

    def write(self, name, text):
        with open(os.path.join(self.mig, name), "w") as f:
            f.write(text)

    def sql(self, q, params=()):
        con = sqlite3.connect(self.db)
        try:
            rows = con.execute(q, params).fetchall()
            con.commit()
            return rows
        finally:
            con.close()

    def dump(self):
        """Everything in the database, schema and rows, as text."""
        con = sqlite3.connect(self.db)
        try:
            return "\n".join(con.iterdump())
        finally:
            con.close()

    def versions(self):
        return [r[0] for r in self.sql("SELECT version FROM schema_migrations ORDER BY version")]


@pytest.fixture
def env():
    """Makes Envs, each in a new folder under one temp folder."""
    tmp = tempfile.mkdtemp(prefix="hcweb-mig-")
    yield lambda migrations=None: Env(tempfile.mkdtemp(dir=tmp), migrations)
    shutil.rmtree(tmp, ignore_errors=True)


def repo_versions():
    return sorted(os.path.basename(f)[:4] for f in glob.glob(os.path.join(ROOT, "migrations",
                                                                          "[0-9]*.sql")))


def normalise_sql(sql):
    sql = re.sub(r"--[^\n]*", "", sql or "")
    return re.sub(r"\s+", " ", sql).strip()


def structure(con):
    """Tables, columns, indexes, foreign keys, triggers and views of a database."""
    out = {}
    objs = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                       "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").fetchall()
    for typ, name, tbl, sql in objs:
        if typ == "table":
            q = con.execute
            out[("table", name)] = {
                "columns": q(f"PRAGMA table_xinfo('{name}')").fetchall(),
                "indexes": sorted(
                    (il[1], il[2], il[3], il[4],
                     q(f"PRAGMA index_xinfo('{il[1]}')").fetchall())
                    for il in q(f"PRAGMA index_list('{name}')").fetchall()),
                "fks": q(f"PRAGMA foreign_key_list('{name}')").fetchall(),
                "strict_without_rowid": normalise_sql(sql).rsplit(")", 1)[-1].strip().upper(),
                "checks": sorted(re.findall(r"CHECK\s*\((?:[^()]|\([^()]*\))*\)",
                                            normalise_sql(sql))),
            }
        elif typ == "index":
            out[("index", name)] = (tbl, normalise_sql(sql))
        else:
            out[(typ, name)] = (tbl, normalise_sql(sql))
    return out


def test_migrating_an_empty_database_gives_schema_sql(env):
    e = env()
    r = e.hcadmin("migrate")
    assert r.returncode == 0, r.stderr
    with open(os.path.join(ROOT, "schema.sql")) as f:
        schema = f.read()
    ref = sqlite3.connect(":memory:")
    ref.executescript(schema)
    got = sqlite3.connect(e.db)
    a, b = structure(got), structure(ref)
    assert sorted(a) == sorted(b), "the same tables, indexes, triggers and views"
    for key in a:
        assert a[key] == b[key], key
    assert [v for v in e.versions()] == [int(v) for v in repo_versions()]


def test_schema_sql_comments_every_table():
    with open(os.path.join(ROOT, "schema.sql")) as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("CREATE TABLE"):
            assert lines[i - 1].startswith("--"), f"no comment above: {line}"


def test_migrate_twice_is_a_noop(env):
    e = env()
    assert e.hcadmin("migrate").returncode == 0
    before = e.dump()
    r = e.hcadmin("migrate")
    assert r.returncode == 0
    assert "up to date" in r.stdout
    assert "applied" not in r.stdout
    assert e.dump() == before
    assert not os.path.exists(e.backups) or os.listdir(e.backups) == []


def test_status_lists_applied_and_pending(env):
    e = env(migrations={"0001"})
    r = e.hcadmin("migrate", "--status")
    assert r.returncode == 0, r.stderr
    assert re.search(r"^pending\s+0001_\S+\.sql$", r.stdout, re.M), r.stdout
    assert e.hcadmin("migrate").returncode == 0
    for v in repo_versions()[1:]:
        e.add_from_repo(v)
    r = e.hcadmin("migrate", "--status")
    assert r.returncode == 0
    assert re.search(r"^applied\s+0001_\S+\.sql$", r.stdout, re.M), r.stdout
    for v in repo_versions()[1:]:
        assert re.search(rf"^pending\s+{v}_\S+\.sql$", r.stdout, re.M), r.stdout
    assert e.versions() == [1], "--status changes nothing"


def test_backup_before_applying_to_a_non_empty_database(env):
    e = env(migrations={"0001"})
    assert e.hcadmin("migrate").returncode == 0
    assert not os.path.exists(e.backups) or os.listdir(e.backups) == [], \
        "an empty database needs no backup"
    e.sql("INSERT INTO categories (slug, name) VALUES ('fore', 'Före')")
    e.write("0002_extra.sql", "CREATE TABLE extra (id INTEGER PRIMARY KEY);\n")
    r = e.hcadmin("migrate")
    assert r.returncode == 0, r.stderr
    files = os.listdir(e.backups)
    assert len(files) == 1 and re.fullmatch(r"hcweb-\d{8}T\d{6}Z-before-0002\.db", files[0]), files
    assert "backup" in r.stdout and files[0] in r.stdout
    assert r.stdout.index("backup") < r.stdout.index("applied"), "backup first"
    bk = sqlite3.connect(os.path.join(e.backups, files[0]))
    assert bk.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert bk.execute("SELECT version FROM schema_migrations").fetchall() == [(1,)]
    assert bk.execute("SELECT name FROM categories").fetchall() == [("Före",)]
    assert bk.execute("SELECT count(*) FROM sqlite_master WHERE name='extra'").fetchone() == (0,)
    assert e.versions() == [1, 2]


def test_changed_applied_migration_is_refused(env):
    e = env(migrations={"0001"})
    assert e.hcadmin("migrate").returncode == 0
    e.sql("INSERT INTO categories (slug, name) VALUES ('x', 'X')")
    e.write("0002_next.sql", "CREATE TABLE next_one (id INTEGER PRIMARY KEY);\n")
    first = glob.glob(os.path.join(e.mig, "0001_*.sql"))[0]
    with open(first, "a") as f:
        f.write("\n-- edited after release\n")
    before = e.dump()
    r = e.hcadmin("migrate")
    assert r.returncode != 0
    assert "changed" in r.stderr and os.path.basename(first) in r.stderr
    assert "nothing was changed" in r.stderr
    assert e.dump() == before, "the pending 0002 was not applied either"
    assert not os.path.exists(e.backups) or os.listdir(e.backups) == []
    s = e.hcadmin("migrate", "--status")
    assert s.returncode != 0
    assert re.search(r"^CHANGED\s+0001_", s.stdout, re.M), s.stdout


def test_missing_applied_migration_is_refused(env):
    e = env(migrations={"0001"})
    assert e.hcadmin("migrate").returncode == 0
    os.remove(glob.glob(os.path.join(e.mig, "0001_*.sql"))[0])
    e.write("0002_next.sql", "CREATE TABLE next_one (id INTEGER PRIMARY KEY);\n")
    before = e.dump()
    r = e.hcadmin("migrate")
    assert r.returncode != 0 and "missing" in r.stderr
    assert e.dump() == before


@pytest.mark.parametrize("bad", [
    "CREATE TABLE good_one (id INTEGER PRIMARY KEY);\nINSERT INTO good_one VALUES (1);\n"
    "INSERT INTO no_such_table VALUES (1);\n",
    "CREATE TABLE good_one (id INTEGER PRIMARY KEY);\nALTER TABLE posts ADD COLUMN x TEXT;\n"
    "THIS IS NOT SQL;\n",
    "ALTER TABLE posts ADD COLUMN extra TEXT;\nUPDATE posts SET extra = 'x';\n"
    "CREATE UNIQUE INDEX broken ON posts (status);\n",   # fails on duplicate values
])
def test_failing_migration_leaves_the_previous_version(env, bad):
    e = env()
    assert e.hcadmin("migrate").returncode == 0
    e.sql("INSERT INTO categories (slug, name) VALUES ('k', 'K')")
    now = "2024-01-01T00:00:00Z"
    for i in range(2):
        e.sql("INSERT INTO posts (slug, title, status, published_at, created_at, updated_at) "
              "VALUES (?, 'T', 'published', ?, ?, ?)", (f"p{i}", now, now, now))
    versions = e.versions()
    before = e.dump()
    e.write("0098_good.sql", "CREATE TABLE fine (id INTEGER PRIMARY KEY);\n")
    e.write("0099_bad.sql", bad)
    r = e.hcadmin("migrate")
    assert r.returncode != 0
    assert "0099_bad.sql failed" in r.stderr, r.stderr
    assert "as it was before 0099_bad.sql" in r.stderr
    # 0098 went in (its own transaction); 0099 left no trace.
    assert e.versions() == versions + [98]
    e.sql("DELETE FROM schema_migrations WHERE version = 98")
    e.sql("DROP TABLE fine")
    assert e.dump() == before
    # Fixing the file lets it run.
    e.write("0099_bad.sql", "CREATE TABLE good_one (id INTEGER PRIMARY KEY);\n")
    r = e.hcadmin("migrate")
    assert r.returncode == 0, r.stderr
    assert 99 in e.versions()


def test_backup_of_a_live_database(make_site):
    site = make_site(seed=True)
    # Rows that sit in the WAL, not yet in the main file, must be in the copy.
    now = "2024-01-01T00:00:00Z"
    for i in range(50):
        site.sql("INSERT INTO posts (slug, title, status, published_at, created_at, updated_at) "
                 "VALUES (?, 'Live', 'published', ?, ?, ?)", (f"live-{i}", now, now, now))
    assert os.path.getsize(site.db_path + "-wal") > 0
    # An open write transaction elsewhere: its row is not committed, so not copied.
    holder = sqlite3.connect(site.db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO posts (slug, title, status, published_at, created_at, "
                   "updated_at) VALUES ('uncommitted', 'U', 'draft', ?, ?, ?)", (now, now, now))
    dest = os.path.join(site.tmp, "copy.db")
    try:
        r = site.hcadmin("backup", dest)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.returncode == 0, r.stderr
    assert site.get("/").status == 200, "the site kept answering"
    copy = sqlite3.connect(dest)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("posts", "categories", "schema_migrations"):
        q = f"SELECT * FROM {table} ORDER BY 1"
        assert copy.execute(q).fetchall() == site.sql(q), table
    assert copy.execute("SELECT count(*) FROM posts WHERE slug='uncommitted'").fetchone() == (0,)
    copy.close()
    # Never overwrites a file.
    size = os.path.getsize(dest)
    r = site.hcadmin("backup", dest)
    assert r.returncode != 0 and "exists" in r.stderr
    assert os.path.getsize(dest) == size
    assert site.hcadmin("backup").returncode == 2
