"""A scripted session of 1,000 requests against hcweb running under valgrind memcheck (test/valgrind.sh)."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "e2e"))
import conftest  # noqa: E402
from admin_helpers import Admin, add_user  # noqa: E402

LOG = os.environ["HCWEB_VALGRIND_LOG"]


class ValgrindSite(conftest.Site):
    """A Site whose hcweb runs under valgrind (one worker less noise: still two)."""

    def start(self):
        real = subprocess.Popen

        def popen(args, *a, **kw):
            if args and args[0].endswith("/hcweb"):
                args = ["valgrind", "--tool=memcheck", "--leak-check=full",
                        "--show-leak-kinds=definite,indirect", "--errors-for-leak-kinds=definite,indirect",
                        f"--log-file={LOG}", *args]
            return real(args, *a, **kw)
        wait = conftest.wait_for
        subprocess.Popen = popen
        conftest.wait_for = lambda check, what, timeout=300: wait(check, what, timeout)
        try:
            super().start()
        finally:
            subprocess.Popen = real
            conftest.wait_for = wait


    def stop(self):
        """valgrind needs time to write its summary: wait for it."""
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=300)
        self.procs = []


def main():
    s = ValgrindSite(seed=True)
    n = 0
    try:
        ed = Admin(s, add_user(s, "vg"))
        n += 2
        public = ["/", "/nyheter", "/evenemang", "/medlemmar", "/styrelse", "/om", "/bli-medlem",
                  "/evenemang.ics", "/nyheter?sida=2", "/evenemang/tidigare", "/tillganglighet",
                  "/personuppgifter", "/finns-inte", "/nyheter?sida=x", "/kategori/finns-inte"]
        admin = ["/admin", "/admin/nyheter", "/admin/evenemang", "/admin/medlemmar", "/admin/sidor",
                 "/admin/nyheter/ny", "/admin/media"]
        i = 0
        while n < 1000:
            i += 1
            if i % 10 == 0:
                ed.post("/admin/nyheter/ny", {"title": f"Valgrind {i}", "author": "A", "category": "0",
                                              "excerpt": "", "body": "**Text** <b>x</b>", "publish_at": "",
                                              "version": "1", "action": "publish" if i % 20 else "draft"})
            elif i % 7 == 0:
                ed.get(admin[i % len(admin)])
            elif i % 13 == 0:
                s.request("GET", "/nyheter", headers={"Cookie": 'a={"x":1}; junk; ' + "k=v;" * 80})
            elif i % 17 == 0:
                s.post("/admin/login", {"email": "fel@example.se", "password": "fel-lösenord-här"})
            else:
                s.get(public[i % len(public)])
            n += 1
    finally:
        s.stop()   # SIGTERM: hcweb ends its workers and valgrind writes its summary
        print(f"valgrind session: {n} requests")


if __name__ == "__main__":
    main()
