from __future__ import annotations

import pytest

from consilience.ingest.outlet import (copyright_credits, find_outlet, name_from_copyright, names_organisation,
                                       outlet_from_url)


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


@pytest.mark.parametrize("line, name", [
    ("Copyright (c) 2029 PT Orvik Media Group. All rights reserved.", "PT Orvik Media Group"),
    ("Copyright 2029 The Tessaly Evening Star. Licences required for any reuse.", "The Tessaly Evening Star"),
    ("© Lirsa News Agency 2029. Reproduction prohibited without written consent.", "Lirsa News Agency"),
    ("(c) Lirsa News Agency 2029. All rights reserved.", "Lirsa News Agency"),
    ("Tessaly Monitor is an independent title. © 2029 Tessaly Monitor Ltd. Registered in Orvik.",
     "Tessaly Monitor Ltd"),
    ("All content copyright 2029 Orvik Coast Daily Media LLC", "Orvik Coast Daily Media LLC"),
    ("© Tessaly Courier 2029 - ISSN 1234-5678", "Tessaly Courier"),
    ("Published by the Orvik Trust. Copyright (c) 2029. All rights reserved.", None),
    ("Tessaly Evening Courier (c) 2029", "Tessaly Evening Courier"),
    ("About | Orvik Daily © 2028-2029 | Contact", "Orvik Daily"),
    ("Photos by staff (c) 2029", None),
])
def test_copyright_notices_of_every_shape(line, name):
    assert name_from_copyright([line]) == name


def test_the_pages_own_notice_and_the_credits_above_it():
    """The page's own notice reserves all rights, else it is the last (the footer's); one printed above it, with
    the story, credits where the story came from."""
    syndicated = ["(c) 2029 LNA", "All content copyright 2029 Orvik Coast Daily Media LLC"]
    assert name_from_copyright(syndicated) == "Orvik Coast Daily Media LLC"
    assert copyright_credits(syndicated, under_story=["(c) 2029 LNA"]) == ["LNA"]
    assert copyright_credits(syndicated) == []  # not printed with the story: a photo credit, the owner's line
    with_data = ["© 2029 Tessaly Courier. All rights reserved.", "Weather data © Orvik Met Service 2029"]
    assert name_from_copyright(with_data) == "Tessaly Courier"
    assert copyright_credits(with_data, with_data) == []  # below the page's own notice: credits a widget
    photo = ["© 2029 Ana Ruiz", "© 2029 Tessaly Courier"]
    assert copyright_credits(photo, photo) == []  # a photographer is no source
    assert find_outlet(None, [], None, None, [], syndicated) == ("Orvik Coast Daily Media LLC", "copyright")


def test_masthead_and_footer_name_the_publication_before_its_owners_copyright():
    owner = ["Copyright (c) 2029 PT Orvik Media Group. All rights reserved."]
    assert find_outlet(None, [], None, None, [], owner, footer="Orvik Daily Post") == ("Orvik Daily Post", "footer")
    assert find_outlet(None, [], None, None, [], owner, masthead="Orvik Daily Post", footer="Orvik Post") == \
        ("Orvik Daily Post", "masthead")
