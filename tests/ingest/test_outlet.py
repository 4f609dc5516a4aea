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


def test_copyright_name():
    assert name_from_copyright(["Copyright © 2023 Tessaly Courier. All Rights Reserved | XML Sitemap"]) == \
        "Tessaly Courier"
    assert name_from_copyright(["© 2023 Tessaly Courier | About us | Contact"]) == "Tessaly Courier"
    assert name_from_copyright(["Copyright © 2020 All Rights Reserved | XML Sitemap"]) is None


def test_order_of_evidence():
    assert find_outlet("Given", ["Source"], "Site", "https://a.example/x", ["Org News"]) == ("Given", "input")
    assert find_outlet(None, ["Source"], "Site", "https://a.example/x", []) == ("Source", "source-line")
    assert find_outlet(None, [], "Site", "https://a.example/x", []) == ("Site", "metadata")
    assert find_outlet(None, [], None, "https://a.example/x", []) == ("a.example", "url")
    assert find_outlet(None, [], None, None, ["Ana Ruiz", "Tessaly Wire"]) == ("Tessaly Wire", "reporting-by")
    assert find_outlet(None, [], None, None, ["Ana Ruiz"], ["© 2021 Tessaly Courier"]) == \
        ("Tessaly Courier", "copyright")
    assert find_outlet(None, [], None, None, []) == (None, None)
