"""mail.py: part of `make bench`: the newsletter to 10,000 subscribers through hcweb's sender thread
to an SMTP sink on loopback (aiosmtpd), and the public pages' throughput before and during the send.

Run with /usr/bin/python3 (python3-aiosmtpd). Env: BUILD (build), SUBSCRIBERS (10000), DURATION (10),
CONNS (32), PAGE (/nyheter).
"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "test", "e2e"))
os.environ.setdefault("HCWEB_BUILD", os.environ.get("BUILD", "build"))

from admin_helpers import Admin, add_user  # noqa: E402
from conftest import Site  # noqa: E402
from smtp_sink import Sink  # noqa: E402

N = int(os.environ.get("SUBSCRIBERS", "10000"))
DURATION = int(os.environ.get("DURATION", "10"))
CONNS = int(os.environ.get("CONNS", "32"))
PAGE = os.environ.get("PAGE", "/nyheter")


def wrk(url):
    out = subprocess.run(["wrk", "-t2", f"-c{CONNS}", f"-d{DURATION}s", url],
                         capture_output=True, text=True, timeout=DURATION + 60).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main():
    folder = tempfile.mkdtemp(prefix="hcweb-bench-mail-")
    sink = Sink(folder, parse=False)
    site = Site(seed=True, extra_conf=(
        f"mail_transport = smtp\nsmtp_host = 127.0.0.1\nsmtp_port = {sink.port}\n"
        "smtp_tls = none\n"))
    try:
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 60))
        con = sqlite3.connect(site.db_path)
        con.executemany("INSERT INTO subscribers (email, state, consent_text, consent_at,"
                        " confirmed_at, created_at) VALUES (?, 'confirmed', 'bench', ?, ?, ?)",
                        [(f"s{i:05d}@example.se", now, now, now) for i in range(N)])
        con.commit()
        con.close()
        admin = Admin(site, add_user(site))
        page = admin.get("/admin/nyhetsbrev/ny")
        posts = re.findall(r'name="post" value="(\d+)"', page.text)[:3]
        r = admin.post("/admin/nyhetsbrev/ny", [("subject", "Bench"), ("intro", "Hej **alla**.")]
                       + [("post", p) for p in posts])
        nid = r.headers["location"].split("?")[0].rsplit("/", 1)[1]
        url = site.url + PAGE
        subprocess.run(["wrk", "-t2", f"-c{CONNS}", "-d1s", url], capture_output=True, timeout=60)
        before = wrk(url)
        print(f"bench mail: public {PAGE} before the send: {before:.0f} req/s")

        t0 = time.monotonic()
        assert admin.post(f"/admin/nyhetsbrev/skicka/{nid}", {"antal": str(N)}).status == 303
        during = wrk(url)
        sent_during = sink.handler.count
        print(f"bench mail: public {PAGE} while sending: {during:.0f} req/s "
              f"({(during - before) / before * 100:+.1f} %; {sent_during} messages went out meanwhile)")
        deadline = time.monotonic() + 900
        while sink.handler.count < N and time.monotonic() < deadline:
            time.sleep(0.2)
        t1 = time.monotonic()
        count = sink.handler.count
        rcpts = {m[0][0] for m in sink.messages}
        print(f"bench mail: {count} messages to {len(rcpts)} recipients in {t1 - t0:.1f} s: "
              f"{count / (t1 - t0):.0f} messages/s (queueing, MIME, SMTP to aiosmtpd on loopback)")
        if count != N or len(rcpts) != N:
            print("bench mail: NOT every subscriber got exactly one message", file=sys.stderr)
            return 1
        return 0
    finally:
        site.close()
        sink.stop()


if __name__ == "__main__":
    sys.exit(main())
