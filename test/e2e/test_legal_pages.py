"""The accessibility statement and the privacy page: public, linked from every footer, editable."""
import re

from admin_helpers import Admin, add_user, field_value, textarea


def test_pages_are_public_and_linked_from_the_footer(site):
    for path, words in (("/tillganglighet", ["WCAG 2.1", "Kända brister", "Rapportera ett problem",
                                              "granskades senast"]),
                        ("/personuppgifter", ["Nyhetsbrevet", "Anmälningar", "90 dagar",
                                              "Dina rättigheter"])):
        r = site.get(path)
        assert r.status == 200, path
        for w in words:
            assert w in r.text, (path, w)
    for path in ("/", "/nyheter", "/om", "/finns-inte"):
        footer = site.get(path).text.split('<footer', 1)[1]
        assert 'href="/tillganglighet"' in footer and 'href="/personuppgifter"' in footer, path


def test_coordinator_edits_the_accessibility_statement(site):
    ed = Admin(site, add_user(site, "legal"))
    assert "/admin/sidor/tillganglighet" in ed.get("/admin/sidor").text
    form = ed.get("/admin/sidor/tillganglighet")
    assert form.status == 200
    body = textarea(form.text, "body") + "\n\nRedogörelsen uppdaterades efter granskningen i december."
    r = ed.post("/admin/sidor/tillganglighet", {"title": field_value(form.text, "title"), "body": body,
                                                "version": field_value(form.text, "version")})
    assert r.status == 303, r
    assert "uppdaterades efter granskningen" in site.get("/tillganglighet").text
