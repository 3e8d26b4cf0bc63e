"""The media library through nginx: uploads (good and hostile), serving, listing, deleting, featured images."""
import base64
import os
import re
import socket
import struct
import zlib

import pytest

from admin_helpers import Admin, add_user

BOUNDARY = "----hcwebTestBoundary7MA4YWxkTrZu0gW"


# ---- test files, made here (nothing from the internet) ----

def png(w=2, h=2, rgb=(200, 30, 60)):
    """A minimal valid PNG."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def jpeg():
    """A baseline 8x8 grey JPEG with one-code Huffman tables (DC category 0, AC EOB)."""
    def seg(marker, data):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(data) + 2) + data
    dqt = b"\x00" + bytes([1] * 64)
    sof = struct.pack(">BHHB", 8, 8, 8, 1) + b"\x01\x11\x00"
    one_code = bytes([1] + [0] * 15) + b"\x00"
    dht = b"\x00" + one_code + b"\x10" + one_code
    sos = b"\x01\x01\x00\x00\x3f\x00"
    return (b"\xff\xd8" + seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00") +
            seg(0xDB, dqt) + seg(0xC0, sof) + seg(0xC4, dht) + seg(0xDA, sos) +
            b"\x3f" + b"\xff\xd9")


def gif():
    return (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00"
            b"\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def webp():
    """A 1x1 lossless WebP."""
    return base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")


def pdf():
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


# ---- multipart bodies, built by hand so that broken ones can be sent ----

def part(name, value, filename=None, ctype=None):
    head = f'Content-Disposition: form-data; name="{name}"'
    if filename is not None:
        head += f'; filename="{filename}"'
    head += "\r\n"
    if ctype:
        head += f"Content-Type: {ctype}\r\n"
    if isinstance(value, str):
        value = value.encode()
    return f"--{BOUNDARY}\r\n".encode() + head.encode() + b"\r\n" + value + b"\r\n"


def body(parts, close=True):
    return b"".join(parts) + (f"--{BOUNDARY}--\r\n".encode() if close else b"")


def send(site, admin, data, headers=None):
    h = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}", "Origin": site.url}
    if admin is not None:
        h.update(admin.headers())
    h.update(headers or {})
    return site.request("POST", "/admin/media/upload", body=data, headers=h, timeout=60)


def upload(site, admin, content, filename, alt="", title="", csrf=True, ctype="application/octet-stream"):
    parts = [part("csrf", admin.csrf)] if csrf else []
    parts += [part("alt", alt), part("title", title), part("file", content, filename, ctype)]
    return send(site, admin, body(parts))


# ---- fixtures and checks ----

@pytest.fixture(scope="module")
def admin(site):
    return Admin(site, add_user(site, "media"))


def media_rows(site):
    return site.sql("SELECT id, file_name, mime_type, size_bytes, original_name, alt_text, title FROM media ORDER BY id")


def stored_files(site):
    return sorted(os.listdir(site.uploads))


def uploaded_id(resp):
    assert resp.status == 303, (resp.status, resp.text[:2000])
    m = re.fullmatch(r"/admin/media\?ny=(\d+)", resp.headers["location"])
    assert m, resp.headers["location"]
    return int(m.group(1))


@pytest.fixture
def nothing_stored(site):
    """Asserts that the test leaves no new row and no new file."""
    rows, files = media_rows(site), stored_files(site)
    yield
    assert media_rows(site) == rows, "a row was stored"
    assert stored_files(site) == files, "a file was stored"


# ---- good uploads ----

@pytest.mark.parametrize("kind, content, name, ctype, ext", [
    ("png", png(), "Karta över Malmö.png", "image/png", "png"),
    ("jpeg", jpeg(), "foto.jpeg", "image/jpeg", "jpg"),
    ("gif", gif(), "liten.gif", "image/gif", "gif"),
    ("webp", webp(), "bild.webp", "image/webp", "webp"),
    ("pdf", pdf(), "Program 2025.pdf", "application/pdf", "pdf"),
])
def test_upload_is_stored_and_served_by_nginx(site, admin, kind, content, name, ctype, ext):
    is_pdf = ext == "pdf"
    r = upload(site, admin, content, name, alt="" if is_pdf else f"Bild {kind} på <b>&</b>",
               title="Programmet" if is_pdf else "")
    mid = uploaded_id(r)
    (row,) = site.sql("SELECT file_name, mime_type, size_bytes, original_name, alt_text FROM media WHERE id = ?",
                      (mid,))
    fname, mime, size, orig, alt = row
    assert re.fullmatch(r"[0-9a-f]{32}\." + ext, fname)
    assert mime == ctype and size == len(content) and orig == name
    with open(os.path.join(site.uploads, fname), "rb") as f:
        assert f.read() == content
    assert os.stat(os.path.join(site.uploads, fname)).st_mode & 0o777 == 0o640   # docs/deploy.md
    assert not [f for f in stored_files(site) if f.startswith(".tmp")]

    served = site.get(f"/uploads/{fname}")
    assert served.status == 200
    assert served.headers["content-type"].split(";")[0] == ctype
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.headers["content-security-policy"].startswith("sandbox;")   # a PDF runs no script
    assert served.body == content

    page = admin.get(r.headers["location"])
    assert page.status == 200
    md = f"[Programmet](/uploads/{fname})" if is_pdf else f"![Bild {kind} på <b>&</b>](/uploads/{fname})"
    escaped = md.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in page.text, "the Markdown to paste is shown, escaped"
    assert "<b>&</b>" not in page.text
    assert name.replace("&", "&amp;") in page.text
    assert page.headers["cache-control"] == "no-store"


def test_large_file_read_in_many_pieces(site, admin):
    content = png() + os.urandom(6 * 1024 * 1024)
    mid = uploaded_id(upload(site, admin, content, "stor.png", alt="Stor bild"))
    (fname, size) = site.sql("SELECT file_name, size_bytes FROM media WHERE id = ?", (mid,))[0]
    assert size == len(content)
    assert site.get(f"/uploads/{fname}").body == content


def test_boundary_text_without_crlf_is_content(site, admin):
    content = png() + f"--{BOUNDARY}\n--{BOUNDARY}--".encode() + b"\r--" + BOUNDARY.encode()
    mid = uploaded_id(upload(site, admin, content, "med-gräns.png", alt="Gränsfall"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    assert site.get(f"/uploads/{fname}").body == content


# ---- refused files: none stored, each with a clear Swedish message ----

SVG = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<script>alert(1)</script><rect width="10" height="10"/></svg>\n')
HTML = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>\n"
TYPE_MSG = "Filtypen stöds inte"


@pytest.mark.parametrize("content, name, alt, message", [
    (HTML, "semester.jpg", "Alt", TYPE_MSG),
    (SVG, "logga.svg", "Alt", TYPE_MSG),
    (SVG, "logga.png", "Alt", TYPE_MSG),
    (b"just some text\n", "anteckning.pdf", "", TYPE_MSG),
    (b"\x89PNG but not really", "trasig.png", "Alt", TYPE_MSG),
    (b"", "tom.png", "Alt", "Filen är tom"),
    (png(), "../../x.png", "Alt", "får inte innehålla mappar"),
    (png(), "..\\..\\x.png", "Alt", "får inte innehålla mappar"),
    (png(), "a" * 296 + ".png", "Alt", "Filnamnet är för långt"),
    (b"", "", "Alt", "Välj en fil"),
    (png(), "", "Alt", "Filen saknar namn"),
    (png(), "bild.png", "", "Skriv en alternativtext"),
], ids=["html-as-jpg", "svg", "svg-as-png", "text-as-pdf", "fake-png", "empty", "traversal",
        "backslashes", "300-chars", "no-file", "no-name", "no-alt"])
def test_refused_file(site, admin, nothing_stored, content, name, alt, message):
    r = upload(site, admin, content, name, alt=alt, title="Titel som skrevs")
    assert r.status == 422, (r.status, r.text[:1500])
    assert message in r.text
    assert "Filen laddades inte upp" in r.text
    assert 'value="Titel som skrevs"' in r.text, "what was typed comes back"
    if alt:
        assert f'value="{alt}"' in r.text


def test_name_with_control_characters_refused(site, admin, nothing_stored):
    r = upload(site, admin, png(), "a\tb.png", alt="x")
    assert r.status == 400 and "felaktiga rubrikrader" in r.text
    r = upload(site, admin, png(), "a\x7fb.png", alt="x")
    assert r.status == 400 and "felaktiga rubrikrader" in r.text


def test_two_files_refused(site, admin, nothing_stored):
    parts = [part("csrf", admin.csrf), part("alt", "x"),
             part("file", png(), "a.png"), part("file", png(), "b.png")]
    r = send(site, admin, body(parts))
    assert r.status == 422 and "en fil i taget" in r.text


# ---- broken multipart bodies ----

def test_no_closing_boundary(site, admin, nothing_stored):
    data = body([part("csrf", admin.csrf), part("alt", "x"), part("file", png(), "a.png")], close=False)
    r = send(site, admin, data)
    assert r.status == 400
    assert "avslutande avgränsaren saknas" in r.text


def test_ten_thousand_parts(site, admin, nothing_stored):
    data = body([part("csrf", admin.csrf)] + [part("p", "v")] * 10000 + [part("file", png(), "a.png")])
    r = send(site, admin, data)
    assert r.status == 400
    assert "för många delar" in r.text


def test_boundary_inside_the_file(site, admin, nothing_stored):
    evil = png() + f"\r\n--{BOUNDARY}\r\nX-Junk: 1\r\n\r\nmore".encode()
    r = upload(site, admin, evil, "a.png", alt="x")
    assert r.status == 400
    assert "rubrikrader" in r.text


def test_boundary_prefix_inside_the_file(site, admin, nothing_stored):
    evil = png() + f"\r\n--{BOUNDARY}tail".encode()
    r = upload(site, admin, evil, "a.png", alt="x")
    assert r.status == 400
    assert "avgränsare står på fel ställe" in r.text


def test_bad_content_types(site, admin, nothing_stored):
    data = body([part("csrf", admin.csrf), part("file", png(), "a.png")])
    r = send(site, admin, data, {"Content-Type": "multipart/form-data"})
    assert r.status == 400 and "avgränsare" in r.text
    r = send(site, admin, data, {"Content-Type": "multipart/form-data; boundary=" + "b" * 71})
    assert r.status == 400
    r = send(site, admin, b"csrf=" + admin.csrf.encode(),
             {"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 415 and "filuppladdning" in r.text


def test_nul_in_field_name(site, admin, nothing_stored):
    data = body([part("csrf", admin.csrf)]) .replace(b"--%s--" % BOUNDARY.encode(), b"")
    data += (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"al\x00t\"\r\n\r\nx\r\n"
             f"--{BOUNDARY}--\r\n").encode()
    r = send(site, admin, data)
    assert r.status == 400 and "rubrikrader" in r.text


def test_over_the_limit_gets_413_from_nginx(site, admin, nothing_stored):
    size = 21 * 1024 * 1024
    head = (f"POST /admin/media/upload HTTP/1.1\r\nHost: 127.0.0.1:{site.port}\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
            f"Cookie: hcsession={admin.token}\r\nOrigin: {site.url}\r\n"
            f"Content-Length: {size}\r\nConnection: close\r\n\r\n").encode()
    s = socket.create_connection(("127.0.0.1", site.port), timeout=30)
    try:
        s.sendall(head)
        try:
            s.sendall(part("csrf", admin.csrf) + b"\0" * 65536)
        except OSError:
            pass
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    finally:
        s.close()
    status = data.split(b"\r\n", 1)[0]
    assert b" 413 " in status, status
    assert "för stort".encode() in data


# ---- login, CSRF and origin ----

def test_upload_needs_session_csrf_and_same_origin(site, admin, nothing_stored):
    good = [part("alt", "x"), part("file", png(), "a.png")]
    r = send(site, None, body([part("csrf", admin.csrf)] + good))
    assert r.status == 403, "no session"
    r = send(site, None, body([part("csrf", admin.csrf)] + good, close=False))
    assert r.status == 403, "no session: refused before the body is parsed"
    r = send(site, admin, body([part("csrf", admin.csrf)] + good, close=False),
             {"Origin": "https://evil.example"})
    assert r.status == 403, "cross-site: refused before the body is parsed"
    r = send(site, admin, body(good))
    assert r.status == 403, "no CSRF token"
    r = send(site, admin, body([part("csrf", "0" * 64)] + good))
    assert r.status == 403, "wrong CSRF token"
    r = send(site, admin, body([part("csrf", admin.csrf)] + good), {"Origin": "https://evil.example"})
    assert r.status == 403, "cross-site"
    r = site.request("POST", f"/admin/media/upload?csrf={admin.csrf}", body=body(good),
                     headers={**admin.headers(), "Origin": site.url,
                              "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
    assert r.status == 403, "a token in the query string is not accepted"
    assert site.get("/admin/media").status == 303, "the list needs a login"
    assert site.request("GET", "/admin/media/upload").status == 405


# ---- delete ----

def test_delete_with_confirmation(site, admin):
    mid = uploaded_id(upload(site, admin, png(3, 3), "radera-mig.png", alt="Ska bort"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    ask = admin.get(f"/admin/media/radera/{mid}")
    assert ask.status == 200 and "Ja, radera" in ask.text and "radera-mig.png" in ask.text
    assert admin.get(f"/admin/media/radera/{mid}").status == 200, "asking deletes nothing"
    assert site.sql("SELECT count(*) FROM media WHERE id = ?", (mid,))[0][0] == 1
    r = admin.post(f"/admin/media/radera/{mid}", {}, csrf=False)
    assert r.status == 403, "no CSRF token"
    r = admin.post(f"/admin/media/radera/{mid}", {})
    assert r.status == 303 and r.headers["location"] == "/admin/media?raderad=1"
    assert site.sql("SELECT count(*) FROM media WHERE id = ?", (mid,))[0][0] == 0
    assert fname not in stored_files(site)
    assert site.get(f"/uploads/{fname}").status == 404
    assert admin.get(f"/admin/media/radera/{mid}").status == 404
    assert site.sql("SELECT count(*) FROM audit_log WHERE item_type = 'media' AND item_id = ? "
                    "AND action = 'delete'", (mid,))[0][0] == 1


def test_file_in_use_cannot_be_deleted(site, admin):
    mid = uploaded_id(upload(site, admin, png(4, 4), "används.png", alt="Omslagsbild"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    (pid, slug, title) = site.sql("SELECT id, slug, title FROM posts WHERE status = 'published' "
                                  "ORDER BY published_at DESC LIMIT 1")[0]
    site.sql("UPDATE posts SET featured_media_id = ? WHERE id = ?", (mid, pid))
    try:
        ask = admin.get(f"/admin/media/radera/{mid}")
        assert ask.status == 200 and "används och kan inte raderas" in ask.text
        assert "Ja, radera" not in ask.text
        lst = admin.get("/admin/media")
        assert f'href="/admin/nyheter/{pid}"' in lst.text, "where it is used"
        r = admin.post(f"/admin/media/radera/{mid}", {})
        assert r.status == 409 and "används" in r.text
        assert site.sql("SELECT count(*) FROM media WHERE id = ?", (mid,))[0][0] == 1
        assert fname in stored_files(site)

        post = site.get(f"/nyheter/{slug}")
        assert f'<img src="/uploads/{fname}" alt="Omslagsbild"' in post.text
        news = site.get("/nyheter")
        assert f'src="/uploads/{fname}" alt="Omslagsbild"' in news.text
    finally:
        site.sql("UPDATE posts SET featured_media_id = NULL WHERE id = ?", (pid,))


def test_file_linked_in_a_text_cannot_be_deleted(site, admin):
    mid = uploaded_id(upload(site, admin, pdf(), "program.pdf", title="Programmet"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    (pid, body_md) = site.sql("SELECT id, body_md FROM posts ORDER BY id LIMIT 1")[0]
    site.sql("UPDATE posts SET body_md = body_md || ? WHERE id = ?",
             (f"\n\n[Programmet](/uploads/{fname})\n", pid))
    try:
        assert admin.post(f"/admin/media/radera/{mid}", {}).status == 409
        assert site.sql("SELECT count(*) FROM media WHERE id = ?", (mid,))[0][0] == 1
    finally:
        site.sql("UPDATE posts SET body_md = ? WHERE id = ?", (body_md, pid))
    assert admin.post(f"/admin/media/radera/{mid}", {}).status == 303


def test_event_programme_pdf(site, admin):
    mid = uploaded_id(upload(site, admin, pdf(), "Program.pdf", title="Programmet"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    (eid, slug) = site.sql("SELECT id, slug FROM events WHERE status = 'published' ORDER BY id LIMIT 1")[0]
    site.sql("UPDATE events SET programme_media_id = ? WHERE id = ?", (mid, eid))
    try:
        page = site.get(f"/evenemang/{slug}")
        assert page.status == 200
        assert f'href="/uploads/{fname}"' in page.text
        assert admin.post(f"/admin/media/radera/{mid}", {}).status == 409
        lst = admin.get("/admin/media")
        assert f'href="/evenemang/{slug}"' in lst.text
    finally:
        site.sql("UPDATE events SET programme_media_id = NULL WHERE id = ?", (eid,))
    assert admin.post(f"/admin/media/radera/{mid}", {}).status == 303


def test_featured_image_chosen_in_the_post_editor(site, admin):
    mid = uploaded_id(upload(site, admin, png(5, 3), "omslag.png", alt="Cyklister på en bro"))
    (fname,) = site.sql("SELECT file_name FROM media WHERE id = ?", (mid,))[0]
    pdf_id = uploaded_id(upload(site, admin, pdf(), "inte-en-bild.pdf", title="PDF"))
    form = admin.get("/admin/nyheter/ny")
    assert f'<option value="{mid}">omslag.png – Cyklister på en bro</option>' in form.text
    assert f'value="{pdf_id}"' not in form.text, "only images are offered"
    fields = {"title": "Nyhet med bild", "author": "Anna", "category": "0", "excerpt": "",
              "body": "Text.", "publish_date": "", "publish_time": "", "version": "1", "action": "publish"}
    r = admin.post("/admin/nyheter/ny", {**fields, "featured": str(pdf_id)})
    assert r.status == 422 and "Den valda bilden finns inte" in r.text
    r = admin.post("/admin/nyheter/ny", {**fields, "featured": str(mid)})
    assert r.status == 303, r
    pid = int(re.match(r"/admin/nyheter/(\d+)", r.headers["location"]).group(1))
    assert site.sql("SELECT featured_media_id FROM posts WHERE id = ?", (pid,))[0][0] == mid
    edit = admin.get(f"/admin/nyheter/{pid}")
    assert f'<option value="{mid}" selected>' in edit.text
    slug = site.sql("SELECT slug FROM posts WHERE id = ?", (pid,))[0][0]
    page = site.get(f"/nyheter/{slug}")
    assert f'<img src="/uploads/{fname}" alt="Cyklister på en bro">' in page.text
    assert f'src="/uploads/{fname}" alt="Cyklister på en bro"' in site.get("/nyheter").text
    assert admin.post(f"/admin/media/radera/{mid}", {}).status == 409
    ver = site.sql("SELECT version FROM posts WHERE id = ?", (pid,))[0][0]
    r = admin.post(f"/admin/nyheter/{pid}", {**fields, "featured": "0", "version": str(ver)})
    assert r.status == 303, r
    assert site.sql("SELECT featured_media_id FROM posts WHERE id = ?", (pid,))[0][0] is None
    assert "/uploads/" + fname not in site.get(f"/nyheter/{slug}").text
    assert admin.post(f"/admin/media/radera/{mid}", {}).status == 303


@pytest.mark.parametrize("method, path", [
    ("GET", "/admin/media"), ("GET", "/admin/media/radera/1"),
    ("POST", "/admin/media/radera/1"), ("POST", "/admin/media/upload"),
])
def test_media_routes_refused_without_session(site, method, path):
    r = site.request(method, path, body=b"" if method == "POST" else None,
                     headers={"Origin": site.url, "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status in ((303,) if method == "GET" else (403,)), r
    if method == "GET":
        assert r.headers["location"].startswith("/admin/login")


def test_delete_refused_cross_site_and_by_get(site, admin):
    mid = uploaded_id(upload(site, admin, png(), "kvar.png", alt="Kvar"))
    r = admin.post(f"/admin/media/radera/{mid}", {}, headers={"Origin": "https://evil.example"})
    assert r.status == 403
    assert admin.get(f"/admin/media/radera/{mid}").status == 200
    assert site.sql("SELECT count(*) FROM media WHERE id = ?", (mid,))[0][0] == 1
    assert admin.post(f"/admin/media/radera/{mid}", {}).status == 303
