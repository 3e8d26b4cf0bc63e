"""Member organisations, the board and the text pages through nginx."""
import re


def main(html):
    return html.split('<main', 1)[1].split('</main>', 1)[0]


def names(section):
    return [re.sub(r"<[^>]+>", "", n).strip()
            for n in re.findall(r"<li>(.*?)<span", section)]


def test_members_in_swedish_order_regions_apart(site):
    body = main(site.get("/medlemmar").text)
    regions, kommuner = body.split('id="kommuner-rubrik"')
    region_names = names(regions)
    kommun_names = names(kommuner)
    assert region_names[:2] == ["Region Gävleborg", "Region Jämtland Härjedalen"]
    assert region_names[-2:] == ["Region Örebro län", "Region Östergötland"]
    assert kommun_names.index("Zinkgruvan") < kommun_names.index("Åre kommun") \
        < kommun_names.index("Älmhults kommun") < kommun_names.index("Ängelholms kommun") \
        < kommun_names.index("Örebro kommun")
    assert kommun_names[0] == "Botkyrka kommun"
    assert "Gävle kommun" not in kommun_names          # no longer a member
    assert all(n.startswith("Region") for n in region_names)
    assert len(region_names) == 6 and len(kommun_names) == 14
    assert "20 medlemmar: 6 regioner och 14 kommuner" in body
    assert "Regioner (6)" in body and "Kommuner (14)" in body


def test_swedish_order_is_a_collation_not_bytes(site):
    site.sql("INSERT INTO members (name, kind, county, joined_year) VALUES "
             "('ämne', 'kommun', 'Testlän', 2020), ('Aby', 'kommun', 'Testlän', 2020), "
             "('Écija', 'kommun', 'Testlän', 2020), ('zeta', 'kommun', 'Testlän', 2020)")
    try:
        kommun_names = names(main(site.get("/medlemmar").text).split('id="kommuner-rubrik"')[1])
        assert kommun_names[0] == "Aby"
        assert kommun_names.index("Écija") < kommun_names.index("Helsingborgs stad")
        assert kommun_names.index("zeta") < kommun_names.index("Åre kommun")
        assert kommun_names.index("Älmhults kommun") < kommun_names.index("ämne") \
            < kommun_names.index("Ängelholms kommun")
    finally:
        site.sql("DELETE FROM members WHERE county = 'Testlän'")


def test_board_chair_vice_members_then_deputies_by_name(site):
    body = main(site.get("/styrelse").text)
    rows = re.findall(r"<tr><td>([^<]+)</td><td>([^<]+)</td><td>([^<]*)</td>"
                      r"<td>([^<]*)</td><td>([^<]+)</td></tr>", body)
    assert [r[1] for r in rows[:2]] == ["Ordförande", "Vice ordförande"]
    rest = [r[0] for r in rows[2:]]
    # ledamöter, then ersättare, each by the whole name in Swedish order (Ö last)
    assert rest == ["Emil Åberg", "Lena Ekström", "Ylva Berglund", "Öjvind Lund",
                    "Per Östlund", "Sara Nilsson"]
    assert [r[1] for r in rows[2:]] == ["Ledamot"] * 4 + ["Ersättare"] * 2
    assert rows[0][0] == "Karin Åkesson" and rows[0][3] == "Malmö stad"
    assert re.fullmatch(r"\d{4}–\d{4}", rows[0][4])
    assert len(rows) == 8


def test_text_pages_come_from_the_database(site):
    r = site.get("/om")
    assert r.status == 200
    assert "<h1>Om nätverket</h1>" in r.text
    assert 'href="/styrelse"' in r.text
    r = site.get("/bli-medlem")
    assert r.status == 200
    assert "<h1>Bli medlem</h1>" in r.text
    old = site.sql("SELECT body_html FROM pages WHERE slug = 'bli-medlem'")[0][0]
    try:
        site.sql("UPDATE pages SET body_html = '<p>Ny text om medlemskap.</p>' "
                 "WHERE slug = 'bli-medlem'")
        assert "Ny text om medlemskap." in site.get("/bli-medlem").text
    finally:
        site.sql("UPDATE pages SET body_html = ? WHERE slug = 'bli-medlem'", (old,))


def test_text_page_missing_row_is_404(make_site):
    s = make_site(seed=False)
    s.sql("DELETE FROM pages WHERE slug = 'om'")
    assert s.get("/om").status == 404
    assert s.get("/bli-medlem").status == 200


def test_empty_site_has_empty_lists(make_site):
    s = make_site(seed=False)
    assert "Inga kommande evenemang just nu." in s.get("/evenemang").text
    assert "Inga tidigare evenemang." in s.get("/evenemang/tidigare").text
    assert "Nätverket har 0 medlemmar" in s.get("/medlemmar").text
    assert "Styrelsen är inte inlagd ännu." in s.get("/styrelse").text
    assert "Inga kommande evenemang just nu." in s.get("/").text
    assert s.get("/evenemang/tidigare?sida=2").status == 404
    r = s.get("/evenemang.ics")
    assert r.status == 200 and "BEGIN:VEVENT" not in r.text
