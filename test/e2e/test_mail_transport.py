"""The mail transport: queue -> sender -> a real SMTP server (aiosmtpd) or the spool folder.

Driven through hcadmin (mail test / mail run --drain) on a fresh database; the newsletter tests
drive the same sender through hcweb and nginx.
"""
import email
import email.policy
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile

import pytest

from conftest import BUILD, ROOT
from smtp_sink import Sink


class Env:
    def __init__(self, extra=""):
        self.tmp = tempfile.mkdtemp(prefix="hcweb-mail-")
        self.db = os.path.join(self.tmp, "hcweb.db")
        self.spool = os.path.join(self.tmp, "outbox")
        self.conf = os.path.join(self.tmp, "hcweb.conf")
        self.write_conf(extra)
        assert self.hcadmin("migrate").returncode == 0

    def write_conf(self, extra):
        with open(self.conf, "w") as f:
            f.write(f"database = {self.db}\nmigrations = {ROOT}/migrations\n"
                    f"templates = {ROOT}/templates\nmail_spool = {self.spool}\n"
                    "site_url = https://www.example.se\nmail_from = info@example.se\n"
                    "mail_retry_base = 1\nmail_rate = 0\nsmtp_timeout = 10\n" + extra)

    def hcadmin(self, *args, timeout=60):
        return subprocess.run([os.path.join(BUILD, "hcadmin"), "-c", self.conf, *args],
                              capture_output=True, text=True, timeout=timeout)

    def rows(self):
        con = sqlite3.connect(self.db)
        try:
            return con.execute("SELECT rcpt, state, attempts, last_reply FROM mail_queue "
                               "ORDER BY id").fetchall()
        finally:
            con.close()

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


@pytest.fixture
def env():
    made = []

    def make(extra=""):
        e = Env(extra)
        made.append(e)
        return e
    yield make
    for e in made:
        e.close()


def smtp_conf(sink, tls="none", user=None, folder=None):
    conf = f"mail_transport = smtp\nsmtp_host = 127.0.0.1\nsmtp_port = {sink.port}\nsmtp_tls = {tls}\n"
    if sink.cert:
        conf += f"smtp_ca_file = {sink.cert}\n"
    if user:
        pw = os.path.join(folder, "smtp-password")
        with open(pw, "w") as f:
            f.write(user[1] + "\n")
        conf += f"smtp_user = {user[0]}\nsmtp_password_file = {pw}\n"
    return conf


def test_spool_is_the_default_and_writes_whole_mime_files(env):
    e = env()
    assert e.hcadmin("mail", "test", "anna@example.se").returncode == 0
    r = e.hcadmin("mail", "run", "--drain")
    assert r.returncode == 0, r.stderr
    files = glob.glob(os.path.join(e.spool, "*.eml"))
    assert len(files) == 1
    raw = open(files[0], "rb").read()
    assert b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends only"
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert msg["To"] == "anna@example.se"
    assert msg["Subject"] == "Testbrev från hcweb"
    assert re.fullmatch(r"<[^<>@\s]+@www\.example\.se>", msg["Message-ID"])
    assert msg["Date"] and msg["MIME-Version"] == "1.0"
    assert e.rows()[0][1] == "sent"


def test_unwritable_spool_marks_nothing_sent(env):
    e = env()
    blocker = os.path.join(e.tmp, "not-a-folder")
    open(blocker, "w").close()
    spool = os.path.join(blocker, "outbox")      # cannot be made, even by root
    e.write_conf(f"mail_spool = {spool}\n")
    e.hcadmin("mail", "test", "anna@example.se")
    p = subprocess.Popen([os.path.join(BUILD, "hcadmin"), "-c", e.conf, "mail", "run"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        p.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        p.terminate()
        p.wait(timeout=10)
    (rcpt, state, attempts, reply), = e.rows()
    assert state == "queued" and attempts >= 1
    assert reply.startswith(f"Utkorgen {spool} går inte att skriva i"), reply


@pytest.mark.parametrize("tls", ["none", "starttls"])
def test_smtp_with_and_without_starttls_and_auth(env, tls):
    folder = tempfile.mkdtemp(prefix="hcweb-cert-")
    sink = Sink(folder, tls=(tls == "starttls"), auth=("hcweb", "hemligt-lösen-1"))
    try:
        e = env(smtp_conf(sink, tls=tls, user=("hcweb", "hemligt-lösen-1"), folder=folder))
        for i in range(3):
            assert e.hcadmin("mail", "test", f"p{i}@example.se").returncode == 0
        r = e.hcadmin("mail", "run", "--drain")
        assert r.returncode == 0, r.stderr
        got = sink.wait_count(3)
        assert sorted(m[0][0] for m in got) == ["p0@example.se", "p1@example.se", "p2@example.se"]
        assert all(s == "sent" for _, s, _, _ in e.rows())
        assert all(reply.startswith("250") for *_, reply in e.rows())
        assert "hemligt" not in r.stderr
    finally:
        sink.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_starttls_is_required_by_default(env):
    folder = tempfile.mkdtemp(prefix="hcweb-cert-")
    sink = Sink(folder, tls=False)
    try:
        e = env(smtp_conf(sink, tls="starttls") + "mail_max_attempts = 1\n")
        e.hcadmin("mail", "test", "anna@example.se")
        e.hcadmin("mail", "run", "--drain")
        (rcpt, state, attempts, reply), = e.rows()
        assert state == "failed" and sink.messages == []
    finally:
        sink.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_wrong_password_sends_nothing_and_keeps_it_queued(env):
    folder = tempfile.mkdtemp(prefix="hcweb-cert-")
    sink = Sink(folder, tls=False, auth=("hcweb", "rätt"))
    try:
        e = env(smtp_conf(sink, user=("hcweb", "fel"), folder=folder) + "mail_max_attempts = 2\n")
        e.hcadmin("mail", "test", "anna@example.se")
        r = e.hcadmin("mail", "run", "--drain")
        (rcpt, state, attempts, reply), = e.rows()
        assert sink.messages == [] and attempts == 2 and state == "failed"
        assert reply.startswith("535"), reply
    finally:
        sink.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_4xx_is_retried_and_5xx_fails_one_with_its_reply(env):
    folder = tempfile.mkdtemp(prefix="hcweb-cert-")
    sink = Sink(folder)
    sink.handler.temp_fail = 3
    sink.handler.temp_reply = "421 4.7.0 Too many messages, slow down"
    sink.handler.refuse["nobody@example.se"] = "550 5.1.1 No such user here"
    try:
        e = env(smtp_conf(sink))
        for a in ("a@example.se", "nobody@example.se", "b@example.se"):
            e.hcadmin("mail", "test", a)
        r = e.hcadmin("mail", "run", "--drain")
        assert r.returncode == 0, r.stderr
        rows = {row[0]: row for row in e.rows()}
        assert rows["nobody@example.se"][1] == "failed"
        assert rows["nobody@example.se"][3] == "550 5.1.1 No such user here"
        assert rows["a@example.se"][1] == "sent" and rows["b@example.se"][1] == "sent"
        assert rows["a@example.se"][2] + rows["b@example.se"][2] >= 4, "retried after 421"
        delivered = sorted(m[0][0] for m in sink.messages)
        assert delivered == ["a@example.se", "b@example.se"], "each exactly once"
    finally:
        sink.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_header_injection_is_refused_in_swedish(env):
    e = env()
    r = e.hcadmin("mail", "test", "anna@example.se\r\nBcc: x@evil.example")
    assert r.returncode == 1
    assert "inte giltig" in r.stderr
    assert e.rows() == []
