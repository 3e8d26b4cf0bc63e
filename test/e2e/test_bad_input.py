"""Malformed requests through nginx: each gets a 4xx and the Swedish error page, never a 500."""
import re
import socket

import pytest

from conftest import Site

SWEDISH_HEADINGS = ("Felaktig begäran", "Sidan finns inte", "Metoden är inte tillåten",
                    "För lång adress", "För stor begäran")


@pytest.fixture(scope="module")
def bad():
    s = Site(seed=True)
    yield s
    s.close()


def check_swedish_error(r, statuses):
    assert r.status in statuses, r
    assert 400 <= r.status < 500
    assert '<html lang="sv">' in r.text, r.text[:300]
    h1 = re.findall(r"<h1>([^<]*)</h1>", r.text)
    assert len(h1) == 1 and h1[0] in SWEDISH_HEADINGS, h1
    assert r.headers.get("content-type", "").startswith("text/html")
    assert "charset=utf-8" in r.headers.get("content-type", "").lower()
    assert r.headers.get("x-content-type-options") == "nosniff"
    assert "frame-ancestors 'none'" in r.headers.get("content-security-policy", "")


# The path part. nginx answers some of these itself (its static pages in
# static/fel/), hcweb the rest; either way the reader gets a Swedish 4xx page.
PATHS = [
    "/nyheter/%00",
    "/nyheter/a%00b",
    "/%00",
    "/nyheter/%zz",
    "/nyheter/%",
    "/nyheter/%4",
    "/nyheter/%C0%AF",
    "/nyheter/%C0%AE%C0%AE%C0%AFetc%C0%AFpasswd",
    "/nyheter/%ED%A0%80",          # a UTF-16 surrogate in UTF-8
    "/nyheter/%FF",
    "/nyheter/../etc/passwd",
    "/../etc/passwd",
    "/nyheter/%2e%2e/etc/passwd",
    "/nyheter/%2E%2E%2Fetc%2Fpasswd",
    "/nyheter/..%2fetc%2fpasswd",
    "/nyheter/..%2Fetc%2Fpasswd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/nyheter/%2e",
    "/nyheter/.%2e/",
    "/nyheter/..%5c..%5cetc%5cpasswd",
    "/nyheter/%0Afalsk-loggrad",
    "/nyheter/%1b%5b31m",
    "/" + "a" * 4096,
    "/nyheter/" + "x" * 4096,
]


@pytest.mark.parametrize("path", PATHS)
def test_bad_path(bad, path):
    r = bad.get(path)
    check_swedish_error(r, (400, 404, 414))
    if "%00" in path or "%zz" in path or path.endswith("%") or "%C0" in path:
        assert r.status == 400


QUERIES = [
    "sida=-1", "sida=0", "sida=abc", "sida=99999999999999999999", "sida=1e9", "sida=+1",
    "sida=%201", "sida=1.0", "sida=0x10", "sida=", "sida", "sida=1&sida=1", "sida=1&sida=2",
    "sida=%00", "sida=%zz", "x=%", "x=%C0%AF", "x=%FF", "sida=1%00",
    "&".join(f"k{i}=v" for i in range(200)),
]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("base", ["/nyheter", "/kategori/natverket"])
def test_bad_query(bad, base, query):
    r = bad.get(f"{base}?{query}")
    check_swedish_error(r, (400,))


def test_good_queries_still_work(bad):
    assert bad.get("/nyheter?sida=1").status == 200
    assert bad.get("/nyheter?sida=2").status == 200
    assert bad.get("/nyheter?annat=1").status == 200      # undeclared values are ignored
    assert bad.get("/nyheter?").status == 200


@pytest.mark.parametrize("path", ["/", "/nyheter", "/nyheter/healthy-cities-sverige-fyller-35-ar",
                                  "/kategori/natverket"])
def test_post_to_get_only_page_is_405_with_allow(bad, path):
    r = bad.post(path, {"a": "b"})
    check_swedish_error(r, (405,))
    assert r.headers.get("allow") == "GET, HEAD"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "BREW", "PROPFIND"])
def test_unknown_or_unsupported_method(bad, method):
    r = bad.request(method, "/nyheter")
    check_swedish_error(r, (400, 405, 501) if method != "BREW" else (400, 405))
    if r.status == 405:
        assert r.headers.get("allow") == "GET, HEAD"


def test_unknown_method_on_unknown_path_is_404(bad):
    r = bad.request("BREW", "/finns-inte")
    check_swedish_error(r, (404, 405))


@pytest.mark.parametrize("cookie", [
    b"\x01\x02\x03",
    b";;;;",
    b"=",
    b"=value",
    b"a=\"unterminated",
    b"a=b; c",
    b"a=b,c=d",
    b"a=\xc3\x28",              # invalid UTF-8
    b"a=" + b"x" * 5000,
    b"; ".join(b"k%d=v" % i for i in range(100)),
    b"{}[]<>@",
])
def test_garbage_cookie_never_fails_a_page(bad, cookie):
    """What consent tools, JSON cookies and parent-domain services send: the page is served."""
    r = bad.request("GET", "/nyheter", headers={"Cookie": cookie})
    assert r.status == 200 and "<h1" in r.text


def test_good_cookie_is_fine(bad):
    r = bad.get("/nyheter", headers={"Cookie": 'a=b; c="d"; e=f'})
    assert r.status == 200


def test_raw_garbage_request_lines(bad):
    """Request lines http.client would refuse to send; nginx answers 400, no crash."""
    for line in (b"GET /nyheter\x00 HTTP/1.1", b"GET nyheter HTTP/1.1", b"get /nyheter HTTP/1.1",
                 b"GET /nyheter HTTP/9.9", b"\xff\xfe / HTTP/1.1"):
        with socket.create_connection(("127.0.0.1", bad.port), timeout=5) as s:
            s.sendall(line + b"\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        status = int(data.split(b" ", 2)[1])
        assert 400 <= status < 600 and status != 500, (line, data[:200])


def test_hcweb_survived_and_logged_no_500(bad):
    assert bad.hcweb.poll() is None, "hcweb is still running"
    assert bad.get("/").status == 200
    assert bad.get("/nyheter?sida=2").status == 200
    log = bad.log()
    assert not re.search(r"hcweb: 5\d\d ", log), log[-2000:]
    assert "\n" + "falsk-loggrad" not in log, "a decoded newline must not start a log line"
    with open(f"{bad.tmp}/nginx/error.log") as f:
        assert "upstream" not in f.read()
