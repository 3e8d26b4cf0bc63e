"""hcweb as a server: a clean stop on SIGTERM, and a socket handed over on fd 0."""
import os
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time

from conftest import BUILD, ROOT, wait_for

FCGI_BEGIN, FCGI_END, FCGI_PARAMS, FCGI_STDIN, FCGI_STDOUT = 1, 3, 4, 5, 6


def record(typ, content=b"", req_id=1):
    return struct.pack(">BBHHBB", 1, typ, req_id, len(content), 0, 0) + content


def nv(name, value):
    out = b""
    for s in (name, value):
        n = len(s)
        out += bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)
    return out + name + value


def params(path):
    p = {"REQUEST_METHOD": "GET", "REQUEST_URI": path, "QUERY_STRING": "",
         "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "test"}
    return b"".join(nv(k.encode(), v.encode()) for k, v in p.items())


def read_response(sock):
    """Reads records until END_REQUEST; returns the STDOUT bytes."""
    buf, out = b"", b""
    while True:
        while len(buf) < 8:
            chunk = sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed before END_REQUEST")
            buf += chunk
        _, typ, _, clen, plen, _ = struct.unpack(">BBHHBB", buf[:8])
        while len(buf) < 8 + clen + plen:
            chunk = sock.recv(65536)
            if not chunk:
                raise EOFError("connection closed inside a record")
            buf += chunk
        content, buf = buf[8:8 + clen], buf[8 + clen + plen:]
        if typ == FCGI_STDOUT:
            out += content
        elif typ == FCGI_END:
            return out


def split_cgi(out):
    head, _, body = out.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode().split("\r\n"):
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return headers, body


def fcgi_get(sock_path, path="/"):
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(10)
        s.connect(sock_path)
        s.sendall(record(FCGI_BEGIN, struct.pack(">HB5x", 1, 0)) + record(FCGI_PARAMS, params(path))
                  + record(FCGI_PARAMS) + record(FCGI_STDIN))
        return split_cgi(read_response(s))


def assert_complete_page(headers, body):
    assert headers["status"].startswith("200"), headers
    assert int(headers["content-length"]) == len(body)
    assert body.rstrip().endswith(b"</html>")


def test_sigterm_lets_an_accepted_request_finish_then_exits_0(make_site):
    site = make_site(seed=True)
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(10)
        s.connect(site.socket)
        # The request is accepted and half received when the signal comes.
        s.sendall(record(FCGI_BEGIN, struct.pack(">HB5x", 1, 0)) +
                  record(FCGI_PARAMS, params("/nyheter")))
        time.sleep(0.3)
        site.hcweb.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert site.hcweb.poll() is None, "hcweb waits for the request in flight"
        s.sendall(record(FCGI_PARAMS) + record(FCGI_STDIN))
        headers, body = split_cgi(read_response(s))
    assert_complete_page(headers, body)
    assert b"<h1>Nyheter</h1>" in body
    assert site.hcweb.wait(timeout=10) == 0
    assert not os.path.exists(site.socket), "the socket file is removed"
    assert "finishing requests in flight" in site.log()


def test_sigterm_under_load_cuts_no_response(make_site):
    site = make_site(seed=True)
    results, stop = [], threading.Event()

    def client():
        while not stop.is_set():
            try:
                r = site.get("/nyheter?sida=2")
            except OSError as e:
                results.append(("error", repr(e)))
                continue
            results.append((r.status, r))

    threads = [threading.Thread(target=client) for _ in range(16)]
    for t in threads:
        t.start()
    time.sleep(0.7)
    site.hcweb.send_signal(signal.SIGTERM)
    code = site.hcweb.wait(timeout=15)
    time.sleep(0.2)
    stop.set()
    for t in threads:
        t.join(timeout=15)
    assert code == 0
    ok = [r for status, r in results if status == 200]
    assert len(ok) > 20, "there was real load"
    for r in ok:
        assert int(r.headers["content-length"]) == len(r.body)
        assert r.text.rstrip().endswith("</html>")
    # After the stop, nginx can only say that hcweb is gone; nothing else.
    others = {status for status, _ in results if status != 200}
    assert others <= {502, 503, 504}, others


def test_serves_on_a_socket_given_as_fd_0():
    tmp = tempfile.mkdtemp(prefix="hcweb-fd0-")
    given = os.path.join(tmp, "given.sock")
    configured = os.path.join(tmp, "configured.sock")
    conf = os.path.join(tmp, "hcweb.conf")
    with open(conf, "w") as f:
        f.write(f"database = {tmp}/hcweb.db\nsocket = {configured}\n"
                f"templates = {ROOT}/templates\nmigrations = {ROOT}/migrations\n"
                f"backups = {tmp}/backups\nuploads = {tmp}\nworkers = 2\n")
    admin = os.path.join(BUILD, "hcadmin")
    subprocess.run([admin, "-c", conf, "migrate"], check=True, capture_output=True, timeout=60)
    subprocess.run([admin, "-c", conf, "seed-demo"], check=True, capture_output=True, timeout=60)
    lsock = socket.socket(socket.AF_UNIX)
    lsock.bind(given)
    lsock.listen(16)
    log = open(os.path.join(tmp, "hcweb.log"), "wb")
    p = subprocess.Popen([os.path.join(BUILD, "hcweb"), "-c", conf], stdin=lsock.fileno(),
                         stdout=log, stderr=log)
    lsock.close()
    try:
        wait_for(lambda: b"listening" in open(os.path.join(tmp, "hcweb.log"), "rb").read(),
                 "hcweb to start")
        for path in ("/", "/nyheter", "/nyheter?sida=2"):
            headers, body = fcgi_get(given, path)
            assert_complete_page(headers, body)
        headers, body = fcgi_get(given, "/finns-inte")
        assert headers["status"].startswith("404")
        assert not os.path.exists(configured), "the configured socket is not opened"
        p.send_signal(signal.SIGTERM)
        assert p.wait(timeout=10) == 0
        assert os.path.exists(given), "a socket it was given is not its to remove"
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        log.close()
        subprocess.run(["rm", "-rf", tmp])
