"""A stand-in WordPress site on 127.0.0.1: serves the REST API and uploads from a JSON description.

Run: /usr/bin/python3 wp_server.py DATA.json PORT   (prints "ready" when listening)
The description is read again whenever the file changes, so a test can edit the site between runs.

DATA = {
  "mode": "pretty" | "query",         # Link header: /wp-json/ or /?rest_route=/
  "password": "user:app password",    # Basic auth that unlocks drafts (or absent)
  "posts": [...], "categories": [...], "tags": [...], "users": [...], "media": [...],
  "files": {"/wp-content/uploads/x.png": "png:RED" | "pdf" | "text"},
  "faults": [{"match": "substring of the request target", "kind": "500once" | "500" |
              "slow" | "badjson" | "404" | "redirect" | "429once", "to": "URL"}]
}
A REST item is given as WordPress sends it (title.rendered etc.); every route pages
with per_page/page and answers X-WP-Total and X-WP-TotalPages.
"""
import base64
import json
import os
import struct
import sys
import threading
import time
import urllib.parse
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DATA_PATH = sys.argv[1] if __name__ == "__main__" else None
STATE = {"mtime": None, "data": None, "fired": set(), "lock": threading.Lock(), "log": []}


def png(rgb, size=2):
    """A small valid PNG of one colour."""
    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def file_bytes(spec):
    if spec == "pdf":
        return PDF
    if spec.startswith("png:"):
        h = spec[4:]
        seed = zlib.crc32(h.encode())
        return png(((seed >> 16) & 255, (seed >> 8) & 255, seed & 255))
    return b"just text, not an image\n"


def data():
    st = os.stat(DATA_PATH)
    with STATE["lock"]:
        if STATE["mtime"] != st.st_mtime_ns:
            with open(DATA_PATH) as f:
                STATE["data"] = json.load(f)
            STATE["mtime"] = st.st_mtime_ns
        return STATE["data"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, status, body, ctype="application/json; charset=UTF-8", headers=()):
        if isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def fault(self, d):
        for i, f in enumerate(d.get("faults", [])):
            if f["match"] not in self.path:
                continue
            kind = f["kind"]
            key = (i, f["match"])
            if kind.endswith("once"):
                with STATE["lock"]:
                    if key in STATE["fired"]:
                        continue
                    STATE["fired"].add(key)
            if kind in ("500", "500once"):
                self.send(500, '{"code":"internal_server_error"}')
            elif kind == "429once":
                self.send(429, '{"code":"too_many"}', headers=[("Retry-After", "1")])
            elif kind == "slow":
                time.sleep(f.get("seconds", 3))
                self.send(200, "[]")
            elif kind == "badjson":
                self.send(200, '[{"id": 1, "title": {"rendered": "half')
            elif kind == "404":
                self.send(404, "not found", "text/plain")
            elif kind == "redirect":
                self.send(301, "", "text/plain", [("Location", f["to"])])
            return True
        return False

    def do_GET(self):
        d = data()
        STATE["log"].append(self.path)
        if self.fault(d):
            return
        u = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(u.query)
        if u.path.startswith("/wp-json/"):
            return self.api(d, u.path[len("/wp-json/"):], q)
        if u.path == "/" and "rest_route" in q:
            return self.api(d, q["rest_route"][0].lstrip("/"), q)
        if u.path.startswith("/wp-content/uploads/"):
            spec = d.get("files", {}).get(u.path)
            if spec is None:
                return self.send(404, "not found", "text/html")
            return self.send(200, file_bytes(spec), "application/octet-stream")
        if u.path == "/":
            root = "/?rest_route=/" if d.get("mode") == "query" else "/wp-json/"
            host = self.headers.get("Host")
            return self.send(200, "<!doctype html><title>Gamla sajten</title>", "text/html; charset=UTF-8",
                             [("Link", f'<http://{host}{root}>; rel="https://api.w.org/"')])
        self.send(404, "not found", "text/html")

    def authorised(self, d):
        want = d.get("password")
        got = self.headers.get("Authorization", "")
        return want and got == "Basic " + base64.b64encode(want.encode()).decode()

    def api(self, d, route, q):
        route = route.rstrip("/")
        names = {"wp/v2/posts": "posts", "wp/v2/categories": "categories", "wp/v2/tags": "tags",
                 "wp/v2/users": "users", "wp/v2/media": "media"}
        if route not in names:
            return self.send(404, '{"code":"rest_no_route"}')
        items = d.get(names[route], [])
        if route == "wp/v2/posts":
            statuses = ["publish"]
            if "status" in q:
                if not self.authorised(d):
                    return self.send(400, '{"code":"rest_invalid_param"}')
                statuses = q["status"][0].split(",")
            items = [p for p in items if p.get("status", "publish") in statuses]
            if "modified_after" in q:
                items = [p for p in items if p["modified_gmt"] > q["modified_after"][0]]
            items = sorted(items, key=lambda p: p["id"])
        per = int(q.get("per_page", ["10"])[0])
        page = int(q.get("page", ["1"])[0])
        pages = max(1, (len(items) + per - 1) // per)
        if page > pages:
            return self.send(400, '{"code":"rest_post_invalid_page_number"}')
        body = json.dumps(items[(page - 1) * per: page * per])
        self.send(200, body, headers=[("X-WP-Total", str(len(items))), ("X-WP-TotalPages", str(pages))])


def exit_with_parent(parent):
    """Stops the server when the process that started it is gone (a killed test or benchmark)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


def main():
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()
    port = int(sys.argv[2])
    srv = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    srv.daemon_threads = True
    print("ready", flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()
