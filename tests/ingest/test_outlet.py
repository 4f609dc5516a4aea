from __future__ import annotations

from consilience.ingest.outlet import find_outlet, name_from_copyright, names_organisation, outlet_from_url


def test_url_host():
    assert outlet_from_url("https://www.tessaly-courier.example/news/1") == "tessaly-courier.example"
    assert outlet_from_url(None) is None


def test_organisations_and_reporters():
    assert names_organisation("TCN/TV")
    assert names_organisation("Tessaly Freedom Monitor")
    assert names_organisation("HRW")
    assert not names_organisation("Ana Ruiz")


def test_bylines_and_desks_are_not_outlets():
    assert not names_organisation("the Tessaly and Orvik bureaus")
    assert not names_organisation("Our Foreign Staff")
    assert not names_organisation("the wire desk")
    assert find_outlet(None, [], None, None, ["the Lirsa bureau", "Ana Ruiz"]) == (None, None)


def test_copyright_name():
    assert name_from_copyright(["Copyright © 2023 Tessaly Courier. All Rights Reserved | XML Sitemap"]) == \
        "Tessaly Courier"
    assert name_from_copyright(["© 2023 Tessaly Courier | About us | Contact"]) == "Tessaly Courier"
    assert name_from_copyright(["Copyright © 2020 All Rights Reserved | XML Sitemap"]) is None


def test_order_of_evidence():
    """The copy's own publisher first (site name, masthead, copyright, host); a source credit only without one."""
    assert find_outlet("Given", ["Source"], "Site", "https://a.example/x", ["Org News"]) == ("Given", "input")
    assert find_outlet(None, ["Source"], "Site", "https://a.example/x", []) == ("Site", "metadata")
    assert find_outlet(None, ["Source"], None, None, [], masthead="Tessaly Courier") == ("Tessaly Courier", "masthead")
    assert find_outlet(None, ["Source"], None, None, [], ["© 2021 Tessaly Courier"]) == ("Tessaly Courier", "copyright")
    assert find_outlet(None, ["Source"], None, None, []) == ("Source", "source-line")
    assert find_outlet(None, [], "Site", "https://a.example/x", []) == ("Site", "metadata")
    assert find_outlet(None, [], None, "https://a.example/x", []) == ("a.example", "url")
    assert find_outlet(None, [], None, None, ["Ana Ruiz", "Tessaly Wire"]) == ("Tessaly Wire", "reporting-by")
    assert find_outlet(None, [], None, None, ["Ana Ruiz"], ["© 2021 Tessaly Courier"]) == \
        ("Tessaly Courier", "copyright")
    assert find_outlet(None, [], None, None, []) == (None, None)
