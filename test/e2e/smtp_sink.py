"""A real SMTP server on 127.0.0.1 for the mail tests: aiosmtpd (Debian's python3-aiosmtpd).

Runs in the test process on a free port, with or without STARTTLS (a certificate made with
openssl at test time), with or without AUTH, and can answer chosen recipients with 4xx/5xx.
"""
import email
import email.policy
import os
import ssl
import subprocess
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from conftest import free_port


def make_cert(folder):
    """A self-signed certificate for 127.0.0.1 (SAN IP:127.0.0.1); returns (cert, key)."""
    cert, key = os.path.join(folder, "smtp-cert.pem"), os.path.join(folder, "smtp-key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
         "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60)
    return cert, key


class Handler:
    def __init__(self, parse=True):
        self.parse = parse          # False: keep only the recipients (benchmarks)
        self.count = 0
        self.lock = threading.Lock()
        self.messages = []          # (envelope recipients, raw bytes, parsed message)
        self.refuse = {}            # address -> "550 ..." answered to its RCPT, every time
        self.temp_fail = 0          # the next N RCPTs get "451 ..."
        self.temp_reply = "451 4.3.0 Try again later"
        self.rcpt_tries = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            self.rcpt_tries[address] = self.rcpt_tries.get(address, 0) + 1
            if address in self.refuse:
                return self.refuse[address]
            if self.temp_fail > 0:
                self.temp_fail -= 1
                return self.temp_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if not self.parse:
            with self.lock:
                self.count += 1
                self.messages.append((list(envelope.rcpt_tos), None, None))
            return "250 2.0.0 Message accepted for delivery"
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode()
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), raw, msg))
        return "250 2.0.0 Message accepted for delivery"


class Sink:
    """start(tls=..., auth=...) then .port, .messages; stop()."""

    def __init__(self, folder, tls=False, auth=None, parse=True):
        self.handler = Handler(parse)
        self.port = free_port()
        self.auth = auth
        self.cert = self.key = None
        kw = {}
        if tls:
            self.cert, self.key = make_cert(folder)
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(self.cert, self.key)
            kw.update(tls_context=ctx, require_starttls=True)
        if auth:
            kw.update(authenticator=self._authenticate, auth_required=True,
                      auth_require_tls=bool(tls))
        self.ctl = Controller(self.handler, hostname="127.0.0.1", port=self.port,
                              server_hostname="127.0.0.1", **kw)
        self.ctl.start()

    def _authenticate(self, server, session, envelope, mechanism, data):
        ok = (isinstance(data, LoginPassword) and
              (data.login.decode(), data.password.decode()) == self.auth)
        return AuthResult(success=ok, handled=False)

    @property
    def messages(self):
        with self.handler.lock:
            return list(self.handler.messages)

    def wait_count(self, n, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= n:
                return self.messages
            time.sleep(0.05)
        raise AssertionError(f"{len(self.messages)} of {n} messages arrived in {timeout}s")

    def stop(self):
        self.ctl.stop()
