"""Builds stand-in WordPress sites (for wp_server.py) and runs that server: used by the tests and the benchmark."""
import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WpServer:
    """wp_server.py on a free port, serving the description in a JSON file."""

    def __init__(self, tmp, data_fn, mode="pretty"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.path = os.path.join(tmp, f"wp-{self.port}.json")
        self.data = data_fn(self.url)
        self.data["mode"] = mode
        self.save()
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(HERE, "wp_server.py"), self.path,
                                      str(self.port)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        atexit.register(self.stop)
        line = self.proc.stdout.readline()
        assert line.strip() == b"ready", line

    def save(self):
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.data, f)
        os.replace(tmp, self.path)
        # the server compares mtimes: make a change within the same tick visible
        st = os.stat(self.path)
        os.utime(self.path, ns=(st.st_atime_ns, st.st_mtime_ns + 1000))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc.stdout.close()


def post(base, pid, title, content, *, day=1, slug=None, status="publish", author=1, cats=(1,), tags=(),
         featured=0, excerpt=None, modified=None):
    slug = slug or f"inlagg-{pid}"
    date = f"2024-04-{day:02d}T10:30:00"
    gmt = f"2024-04-{day:02d}T08:30:00"
    return {
        "id": pid, "date": date, "date_gmt": gmt, "modified_gmt": modified or gmt, "slug": slug,
        "status": status, "link": f"{base}/2024/04/{day:02d}/{slug}/",
        "title": {"rendered": title}, "content": {"rendered": content, "protected": False},
        "excerpt": {"rendered": excerpt if excerpt is not None else "<p>" + content[:40] + " [&hellip;]</p>"},
        "author": author, "featured_media": featured, "categories": list(cats), "tags": list(tags),
    }


def media(base, mid, path, alt="", mime="image/png", title="Bild"):
    return {"id": mid, "source_url": base + path, "alt_text": alt, "mime_type": mime,
            "title": {"rendered": title}}


def base_site(base):
    """Categories, tags and a user every site has."""
    return {
        "categories": [
            {"id": 1, "slug": "nyhet", "name": "Nyhet", "link": f"{base}/category/nyhet/"},
            {"id": 2, "slug": "uncategorized", "name": "Uncategorized", "link": f"{base}/category/uncategorized/"},
            {"id": 3, "slug": "halsa-och-miljo", "name": "H&auml;lsa &amp; milj&ouml;",
             "link": f"{base}/category/halsa-och-miljo/"},
        ],
        "tags": [{"id": 7, "slug": "webbinarium", "name": "Webbinarium", "link": f"{base}/tag/webbinarium/"}],
        "users": [{"id": 1, "name": "Anna Koordinator", "slug": "anna", "link": f"{base}/author/anna/"}],
        "media": [], "posts": [], "files": {}, "faults": [],
    }


def bulk_site(n_posts, n_images):
    """A site of n_posts posts, n_images of which have an image (for the benchmark)."""
    def make(base):
        d = base_site(base)
        for i in range(1, n_posts + 1):
            body = f"<p>Nyhet nummer {i} om folkh&auml;lsa i kommunerna.</p><p>Mer text <em>h&auml;r</em>.</p>"
            fid = 0
            if i <= n_images:
                path = f"/wp-content/uploads/2024/04/bild-{i}.png"
                d["files"][path] = f"png:{i}"
                d["media"].append(media(base, 10000 + i, path, alt=f"Bild {i}"))
                body += f'<figure><img src="{base}{path[:-4]}-300x200.png" alt="Bild {i}"></figure>'
                fid = 10000 + i
            d["posts"].append(post(base, i, f"Nyhet {i} &#8211; kommunerna", body, day=1 + i % 28,
                                   slug=f"nyhet-{i}", featured=fid))
        return d
    return make


if __name__ == "__main__":
    # python3 wp_site.py TMPDIR POSTS IMAGES: starts a bulk site and prints its URL until killed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    srv = WpServer(sys.argv[1], bulk_site(int(sys.argv[2]), int(sys.argv[3])))
    print(srv.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        srv.stop()
