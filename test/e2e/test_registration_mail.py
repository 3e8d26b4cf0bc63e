"""The mails of registration and membership requests, through nginx, the queue and a real SMTP
server (aiosmtpd on 127.0.0.1): confirmation with a calendar file, the waiting list moving up,
a message to all registrants, the coordinator's notices."""
import re

import icalendar
import pytest

from admin_helpers import Admin, add_user
from reg_helpers import add_event, make_reg_site, person, register, registrations
from smtp_sink import Sink


@pytest.fixture(scope="module")
def mailsite(tmp_path_factory):
    sink = Sink(str(tmp_path_factory.mktemp("sink")))
    s = make_reg_site(f"form_posts_per_hour = 100000\nmail_transport = smtp\nsmtp_host = 127.0.0.1\n"
                      f"smtp_port = {sink.port}\nsmtp_tls = none\nmail_notify = desk@hc.example\n")
    yield s, sink
    s.close()
    sink.stop()


def mails_to(sink, addr, n=1):
    """Waits until addr has n messages and returns them (parsed)."""
    import time
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        got = [m for rcpt, _, m in sink.messages if addr in rcpt]
        if len(got) >= n:
            return got
        time.sleep(0.05)
    raise AssertionError(f"{addr}: {len(got)} of {n} mails")


def mail_with_subject(sink, addr, subject):
    import time
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for rcpt, _, m in sink.messages:
            if addr in rcpt and m["Subject"] == subject:
                return m
        time.sleep(0.05)
    raise AssertionError(f"no mail {subject!r} to {addr}")


def text_of(msg):
    return msg.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def calendar_of(msg):
    parts = [p for p in msg.iter_attachments() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    assert parts[0].get_filename() == "evenemang.ics"
    return icalendar.Calendar.from_ical(parts[0].get_payload(decode=True))


def cancel_link(msg, site):
    m = re.search(re.escape(site.url) + r"(/avanmalan/[0-9a-f]{64})", text_of(msg))
    assert m, text_of(msg)
    return m.group(1)


def test_confirm_cancel_and_the_waiting_list_moves_up(mailsite):
    site, sink = mailsite
    eid = add_event(site, "mejl-1", places=1, waitlist=1, title="Höstmöte i Umeå")
    assert register(site, "mejl-1", person(1)).status == 200
    assert register(site, "mejl-1", person(2)).status == 200
    first = mails_to(sink, "p1@kommun.example")[0]
    assert first["Subject"] == "Bekräftelse: Höstmöte i Umeå"
    body = text_of(first)
    assert "Hej Person 1 Åström!" in body and "20 maj 2031 kl. 09.00–17.00" in body
    assert "Stadshuset, Malmö" in body and "raderas 90 dagar efter" in body
    cal = calendar_of(first)
    ev = [c for c in cal.walk("VEVENT")][0]
    assert str(ev["SUMMARY"]) == "Höstmöte i Umeå"
    assert ev.decoded("DTSTART").isoformat() == "2031-05-20T09:00:00+02:00"
    waiting = mails_to(sink, "p2@kommun.example")[0]
    assert waiting["Subject"] == "Väntelista: Höstmöte i Umeå"
    assert not list(waiting.iter_attachments())
    notices = mails_to(sink, "desk@hc.example", 2)
    assert any("Ny anmälan (väntelista): Höstmöte i Umeå" == m["Subject"] for m in notices)
    # the first cancels by POST through the link in the mail
    link = cancel_link(first, site)
    page = site.get(link)
    assert page.status == 200
    cookie = re.match(r"hcform=([0-9a-f]{64})", page.headers["set-cookie"]).group(1)
    r = site.post(link, {}, headers={"Cookie": f"hcform={cookie}"})
    assert r.status == 200 and "Du är avanmäld" in r.text
    assert registrations(site, eid) == [("Person 2 Åström", "p2@kommun.example", "registered")]
    moved = mails_to(sink, "p2@kommun.example", 2)[1]
    assert moved["Subject"] == "Du har fått en plats: Höstmöte i Umeå"
    assert str(next(iter(calendar_of(moved).walk("VEVENT")))["SUMMARY"]) == "Höstmöte i Umeå"
    new_link = cancel_link(moved, site)
    assert site.get(new_link).status == 200                 # the new personal link works
    assert site.get(cancel_link(waiting, site)).status == 404   # the old one no longer


def test_message_to_all_registrants(mailsite):
    site, sink = mailsite
    eid = add_event(site, "mejl-2", places=1, waitlist=1, title="Webbinarium")
    for i in (11, 12):
        register(site, "mejl-2", person(i))
    site.sql("UPDATE events SET status = 'cancelled' WHERE id = ?", (eid,))
    admin = Admin(site, add_user(site, "mejl"))
    page = admin.get(f"/admin/anmalan/{eid}").text
    assert "Evenemanget är inställt." in page and 'value="Inställt: Webbinarium"' in page
    bad = admin.post(f"/admin/anmalan/meddelande/{eid}", {"subject": "Hej\r\nBcc: x@evil.example",
                                                          "text": "Text"})
    assert bad.status == 422 and "Text" in bad.text
    fields = {"subject": "Inställt: Webbinarium", "text": "Webbinariet är inställt.\nVi ses i vår!"}
    assert admin.post(f"/admin/anmalan/meddelande/{eid}", fields).status == 303
    assert admin.post(f"/admin/anmalan/meddelande/{eid}", fields).status == 303   # sent again
    for addr in ("p11@kommun.example", "p12@kommun.example"):
        got = [m for m in mails_to(sink, addr, 2) if m["Subject"] == "Inställt: Webbinarium"]
        assert len(got) == 1
        assert "Webbinariet är inställt.\nVi ses i vår!" in text_of(got[0])
    assert site.sql("SELECT count(*) FROM mail_queue WHERE kind = 'registration-message'") == [(2,)]


def test_membership_request_mails_the_coordinator_and_the_sender(mailsite):
    site, sink = mailsite
    from reg_helpers import form_cookie
    r = site.post("/bli-medlem", {"organisation": "Kiruna kommun", "kind": "kommun",
                                  "contact": "Märta", "role": "Folkhälsochef",
                                  "email": "marta@kiruna.example", "phone": "", "message": "Hej"},
                  headers={"Cookie": f"hcform={form_cookie()}"})
    assert r.status == 200
    notice = mail_with_subject(sink, "desk@hc.example", "Intresseanmälan: Kiruna kommun")
    assert "marta@kiruna.example" in text_of(notice) and "/admin/intresse/" in text_of(notice)
    thanks = mails_to(sink, "marta@kiruna.example")[0]
    assert "Kiruna kommun" in text_of(thanks) and thanks["Subject"].startswith("Tack för ert intresse")
