"""The site answers through nginx."""


def test_start_page(site):
    r = site.get("/")
    assert r.status == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="sv">' in r.text
