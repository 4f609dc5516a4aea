"""Line-level debris removal on invented pages: debris goes with a reason, every body sentence stays."""
from __future__ import annotations

import pytest

from consilience.ingest.clean import clean_text, is_sentence

BODY = [
    "The river authority of Tessaly said on Monday that the flood barrier held through the night.",
    "Engineers from the regional works department inspected the gates at dawn and found no damage.",
    "“We were lucky this time,” said Mara Velenko, who heads the authority’s emergency team.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def reasons(cleaned) -> dict[str, str]:
    return {r.text.strip(): r.reason for r in cleaned.removed}


def assert_body_kept(cleaned):
    for sentence in BODY:
        assert sentence in cleaned.text


@pytest.mark.parametrize("line, reason", [
    ("728 x 90", "ad-slot size"),
    ("300x250", "ad-slot size"),
    ("- Advertisement -", "advertisement marker"),
    ("ADVERTISEMENT", "advertisement marker"),
    ("Story continues below advertisement", "advertisement marker"),
    ("Share this article", "share/print/social widget"),
    ("Print Email", "share/print/social widget"),
    ("- Subscribe to our newsletter -", "share/print/social widget"),
    ("Follow us on Facebook and Twitter", "share/print/social widget"),
    ("Tags: , , ,", "empty tag list"),
    ("Tags: floods, Tessaly, river", "tag list"),
    ("Copyright © 2023 Tessaly Courier. All Rights Reserved | XML Sitemap", "copyright footer"),
    ("About us | Contact | Privacy Policy | Sitemap", "site footer links"),
    ("Home > Regions > Tessaly", "breadcrumb"),
    ("News » Weather » Floods", "breadcrumb"),
    ("Related: Barrier upgrade delayed again", "related-story link"),
    ("READ MORE: Ten years of floods in pictures", "related-story link"),
    ("Source » Tessaly Courier", "source line"),
    ("Reporting by Tessaly Courier", "reporting credit"),
    ("(Reporting by Ana Ruiz; Editing by Tom Lee)", "reporting credit"),
    ("By Ana Ruiz", "byline"),
    ("Published: Tuesday, 14 March 2023 08:45", "metadata line"),
    ("Posted on March 14, 2023 | Updated 09:10", "metadata line"),
])
def test_each_kind_of_debris_is_removed_with_its_reason(line, reason):
    cleaned = clean_text(page(line, *BODY))
    assert reasons(cleaned) == {line: reason}
    assert_body_kept(cleaned)
    assert line not in cleaned.text


def test_sentences_with_widget_words_are_kept():
    lines = ["Residents shared photos of the barrier on social media, and the mayor printed copies for the council.",
             "Subscribe? The authority said it would email every household a new flood plan by Friday.",
             "Home owners near the river were told to keep sandbags ready for another week."]
    cleaned = clean_text(page(*BODY, *lines))
    assert cleaned.removed == []
    for line in lines:
        assert line in cleaned.text


def test_sentences_about_copyright_are_kept():
    lines = ["The publisher said it reserved the copyright to the photographs of the flooded square.",
             "Under clause (c) the council may close the road when the river rises above four metres."]
    cleaned = clean_text(page(*BODY, *lines))
    assert cleaned.removed == []


def test_sentences_shaped_like_credits_and_sources_are_kept():
    lines = ["Reported by local radio, the breach was closed within the hour by volunteers.",
             "Source: the ministry said forty homes had been evacuated along the lower river.",
             "By Tuesday the water had gone down"]
    cleaned = clean_text(page(*BODY, *lines, BODY[0]))
    assert cleaned.removed == []


def test_headline_in_a_body_sentence_shape_is_never_removed():
    cleaned = clean_text(page("Shares of the barrier builder rose 4% on Monday after the storm passed, traders said.",
                              *BODY))
    assert cleaned.removed == []


def test_metadata_is_harvested_before_removal():
    cleaned = clean_text(page("date 2023-03-14 Details Published: Tuesday, 14 March 2023 08:45",
                              "By Ana Ruiz", *BODY, "Source » Tessaly Courier",
                              "Copyright © 2023 All Rights Reserved"))
    h = cleaned.harvest
    assert h.metadata_lines == ["date 2023-03-14 Details Published: Tuesday, 14 March 2023 08:45"]
    assert h.byline == "Ana Ruiz"
    assert h.source_names == ["Tessaly Courier"]
    assert h.copyright_lines == ["Copyright © 2023 All Rights Reserved"]


def test_related_headlines_after_the_article_are_removed_but_headings_inside_are_kept():
    text = page("Flood barrier holds in Tessaly", BODY[0], "What happens next", BODY[1], BODY[2],
                "Share this article", "Barrier upgrade delayed again as costs rise",
                "- Advertisement -")
    cleaned = clean_text(text)
    assert reasons(cleaned)["Barrier upgrade delayed again as costs rise"] == "related-story headline after the article"
    assert "What happens next" in cleaned.text  # a section heading between body paragraphs
    assert cleaned.harvest.title == "Flood barrier holds in Tessaly"
    assert cleaned.text.startswith("Flood barrier holds in Tessaly")  # the headline stays in the text
    assert_body_kept(cleaned)


def test_bullet_lists_inside_the_body_are_kept():
    bullets = ["  • Raising the barrier by two metres", "  • Moving the pumping station uphill"]
    cleaned = clean_text(page(BODY[0], "\n".join(bullets), BODY[1]))
    assert cleaned.removed == []
    assert "• Raising the barrier by two metres" in cleaned.text


def test_repeated_caption_at_the_top_is_removed_once_and_not_taken_as_title():
    cleaned = clean_text(page("Mara Velenko at the barrier", "Flood barrier holds in Tessaly",
                              "Mara Velenko at the barrier", *BODY))
    assert [r.reason for r in cleaned.removed] == ["repeated line (caption or navigation)"]
    assert cleaned.harvest.title == "Flood barrier holds in Tessaly"


def test_paragraph_breaks_are_kept_and_removed_lines_leave_no_gap():
    text = "728 x 90\n\n" + BODY[0] + "\n- Advertisement -\n" + BODY[1] + "\n\n\n\n" + BODY[2] + "\n"
    cleaned = clean_text(text)
    assert cleaned.text == BODY[0] + "\n" + BODY[1] + "\n\n" + BODY[2]


def test_lines_learnt_elsewhere_are_removed():
    cleaned = clean_text(page("Tessaly Courier: your river, your news", *BODY),
                         known_lines={"tessaly courier: your river, your news": "line repeated on 4 pages"})
    assert reasons(cleaned) == {"Tessaly Courier: your river, your news": "line repeated on 4 pages"}


def test_removed_text_is_the_line_as_it_stood():
    cleaned = clean_text(" date 2023-03-14 Details Published: Tuesday, 14 March 2023 08:45\n\n" + BODY[0])
    assert cleaned.removed[0].text == " date 2023-03-14 Details Published: Tuesday, 14 March 2023 08:45"


def test_extracted_html_keeps_tables_and_trailing_lines():
    rows = ["| Gate | Level |", "| North | 4.2 m |"]
    cleaned = clean_text(page(*BODY, "\n".join(rows), "Barrier levels on Monday night"), extracted=True,
                         title="Flood barrier holds")
    assert cleaned.removed == []
    assert "| North | 4.2 m |" in cleaned.text and "Barrier levels on Monday night" in cleaned.text


def test_title_repeated_at_the_top_of_an_html_body_is_removed():
    cleaned = clean_text(page("Flood barrier holds", *BODY), extracted=True, title="Flood  barrier holds")
    assert [r.reason for r in cleaned.removed] == ["title repeated at the top of the body"]


def test_is_sentence():
    assert is_sentence(BODY[2]) and not is_sentence("Flood barrier holds in Tessaly") and not is_sentence("Print.")


def test_cookie_notices_appeals_and_syndication_credits_are_debris():
    from consilience.ingest.clean import Harvest, classify

    h = Harvest()
    assert classify("We use cookies to improve your experience on our site and to show you relevant offers.", h) \
        == "cookie notice"
    assert classify("Accept all cookies", h) == "cookie notice"
    assert classify("Independent journalism costs money. Please support our reporters with a monthly donation "
                    "and help us keep the newsroom open.", h) == "reader-support appeal"
    assert classify("This article first appeared on Tessaly Wire and is republished under a sharing agreement.",
                    h) == "syndication credit"
    assert h.source_names == ["Tessaly Wire"]


def test_sentences_about_cookies_or_donations_in_the_news_stay():
    from consilience.ingest.clean import Harvest, classify

    h = Harvest()
    assert classify("The regulator said websites must ask for consent before setting tracking cookies.", h) is None
    assert classify("The charity said donations to its flood appeal had doubled since the storm hit the coast.", h) \
        is None
    assert classify("\u201cWe need your support to rebuild our work,\u201d the mayor told the crowd.", h) is None
    assert classify("Our cookies are baked every morning with butter from the valley.", h) is None


@pytest.mark.parametrize("line", [
    "Copyright 2029 The Tessaly Evening Star. Licences required for any reuse of this material.",
    "© Lirsa News Agency 2029. Reproduction prohibited without written consent.",
    "Tessaly Monitor is an independent title. © 2029 Tessaly Monitor Ltd. Registered in Orvik.",
    "Copyright (c) 2029 PT Orvik Media Group. All rights reserved.",
])
def test_copyright_notices_shaped_like_sentences_are_footers(line):
    cleaned = clean_text(page(*BODY, line))
    assert reasons(cleaned) == {line: "copyright footer"}
    assert cleaned.harvest.copyright_lines == [line]


def test_sentences_naming_a_copyright_and_a_year_are_kept():
    line = "A court ruled in 2029 that the copyright of the flood photographs lay with the river authority."
    assert clean_text(page(*BODY, line, BODY[0])).removed == []


def test_masthead_in_capitalised_words_alone_on_the_first_line():
    cleaned = clean_text(page("The Tessaly Morning Herald\nSUBSCRIBE | LOG IN", "Flood barrier holds in Tessaly",
                              *BODY))
    assert cleaned.harvest.masthead == "The Tessaly Morning Herald"
    assert cleaned.harvest.title == "Flood barrier holds in Tessaly"


def test_masthead_below_page_furniture():
    cleaned = clean_text(page("Skip to content\nORVIK DAILY POST\nHome | News | Sport", "Flood barrier holds", *BODY))
    assert cleaned.harvest.masthead == "Orvik Daily Post"


def test_masthead_without_an_outlet_word_when_the_footer_names_it_too():
    cleaned = clean_text(page("Orvik Informa\nNews | Sport", "Flood barrier holds", *BODY,
                              "Copyright © 2029 Orvik Informa. All Rights Reserved | Sitemap"))
    assert cleaned.harvest.masthead == "Orvik Informa"


def test_section_labels_and_headlines_are_not_mastheads():
    label = clean_text(page("Latest News\nFlood barrier holds in Tessaly", *BODY, "© 2029 Tessaly Courier"))
    assert label.harvest.masthead is None  # the footer names another publication
    assert clean_text(page("Latest News\nFlood barrier holds in Tessaly", *BODY)).harvest.masthead is None
    headline = clean_text("Tessaly Herald Wins Award\n" + page(*BODY))
    assert headline.harvest.masthead is None  # followed by the article, not by a menu


def test_the_name_opening_a_footer_bar():
    cleaned = clean_text(page(*BODY, "Orvik Daily Post | About us | Advertise | Contact | Privacy"))
    assert cleaned.harvest.footer == "Orvik Daily Post"
    assert clean_text(page(*BODY, "Terms & Conditions | Privacy Policy | Contact us")).harvest.footer is None


BELOW_END = "below the end of the article (its copyright notice or closing rule)"


def test_lines_below_the_copyright_notice_or_a_closing_rule_are_not_the_article():
    after_notice = clean_text(page(*BODY, "© 2029 Tessaly Courier. All rights reserved.",
                                   "Our Pledge: The Courier Editorial Code."))
    assert reasons(after_notice)["Our Pledge: The Courier Editorial Code."] == BELOW_END
    after_rule = clean_text(page(*BODY, "---", "Subscribe to the Courier's River Brief, our weekly newsletter."))
    assert reasons(after_rule) == {"---": BELOW_END,
                                   "Subscribe to the Courier's River Brief, our weekly newsletter.": BELOW_END}
    assert_body_kept(after_rule)


def test_a_rule_between_two_parts_of_the_article_is_no_end():
    cleaned = clean_text(page(BODY[0], "* * *", BODY[1], BODY[2]))
    assert cleaned.removed == []


def test_promotions_after_the_article_are_removed_but_closing_lines_stay():
    cleaned = clean_text(page(*BODY, "Join our Telegram channel for the latest updates."))
    assert reasons(cleaned) == {"Join our Telegram channel for the latest updates.": "promotion after the article"}
    closing = ["We will share the report with the council, the mayor said.", "The council will vote next week.",
               "“Follow us on Telegram,” the mayor told residents."]
    cleaned = clean_text(page(*BODY, "- Advertisement -", *closing))
    assert reasons(cleaned) == {"- Advertisement -": "advertisement marker"}
    for line in closing:
        assert line in cleaned.text


@pytest.mark.parametrize("line, reason", [
    ("Free story - 1 of 5 this month. Subscribe for full access to the Courier.", "paywall or meter notice"),
    ("You have 2 free articles left. Already a subscriber? Log in", "paywall or meter notice"),
    ("Subscribe to continue reading", "paywall or meter notice"),
    ("Become a supporter: fund independent reporting from the valley", "reader-support appeal"),
    ("Support local journalism - donate to the Courier today", "reader-support appeal"),
])
def test_paywall_meters_and_imperative_appeals_are_removed(line, reason):
    cleaned = clean_text(page(line, *BODY))
    assert reasons(cleaned) == {line: reason}
    assert_body_kept(cleaned)


def test_sentences_about_subscribers_and_support_are_kept():
    kept = ["Two of five subscribers to the Tessaly water scheme said their bills had risen this year.",
            "Support for the barrier plan fell to 40 percent, according to a survey by the regional council."]
    cleaned = clean_text(page(*kept, *BODY))
    assert not cleaned.removed
    for line in kept:
        assert line in cleaned.text


def test_a_related_list_label_and_its_list_go_after_the_article():
    """A labelled list of links under the story, whatever its label's wording ("Related coverage", "MORE ON THE
    FLOODS"), goes with the label, its first item included."""
    for label in ("Related coverage", "MORE ON THE FLOODS", "More from the Tessaly Courier", "Also in Tessaly Courier"):
        cleaned = clean_text("\n\n".join(BODY) + f"\n\n{label}\n- Barrier upgrade delayed again\n"
                             "- In pictures: ten years of floods\n\nAbout us | Contact | Privacy Policy")
        assert_body_kept(cleaned)
        assert label not in cleaned.text and "Barrier upgrade" not in cleaned.text, label


def test_a_related_label_inside_the_article_goes_only_with_its_list():
    also = "Also in the valley\n\nThe same gates failed in 2019, when the river rose by four metres in a single night."
    cleaned = clean_text("\n\n".join(BODY[:2]) + "\n\n" + also + "\n\n" + BODY[2])
    assert "Also in the valley" in cleaned.text
    middle = "Related cases\n\nThe same gates failed in 2019, when the river rose by four metres in a single night."
    cleaned = clean_text("\n\n".join(BODY[:2]) + "\n\n" + middle + "\n\n" + BODY[2])
    assert "Related cases" in cleaned.text and "four metres" in cleaned.text
    listed = clean_text("\n\n".join(BODY[:2]) + "\n\nRelated\n- Barrier upgrade delayed again\n\n" + BODY[2])
    assert "Related" not in listed.text and "Barrier upgrade" not in listed.text
    assert_body_kept(listed)


def test_what_follows_a_wire_storys_credits_is_page_furniture():
    """Below "(Reporting by ...; Editing by ...)" under the last paragraph: a standards line shaped like a sentence."""
    cleaned = clean_text(page(*BODY, "(Reporting by Ana Ruiz; Editing by Tom Lee)",
                              "Our Principles: The Tessaly Wire Code of Trust."))
    assert_body_kept(cleaned)
    assert "Code of Trust" not in cleaned.text


def test_a_mixed_case_masthead_over_a_space_separated_menu_names_the_outlet():
    cleaned = clean_text("Tessaly Evening Courier\nHome  News  Regions  Sport  Opinion\n\nBarrier holds\n\n"
                         + "\n\n".join(BODY) + "\n\nTerms & Conditions | Privacy | Advertise with us\n"
                         "Tessaly Evening Courier (c) 2031")
    assert cleaned.harvest.masthead == "Tessaly Evening Courier"


def test_the_title_is_the_headline_not_the_date_byline_or_credit_line_under_it():
    cleaned = clean_text(page("TESSALY COURIER", "Floods | Weather | Politics",
                              "Flood barrier holds in Tessaly as river peaks", "Velmora Wire Service",
                              "Updated 2 hours ago", "17 September 2031 08:05 CET", "By Dana Ruiz", *BODY))
    assert cleaned.harvest.title == "Flood barrier holds in Tessaly as river peaks"
    # a headline with a year or a date in words is still a headline
    cleaned = clean_text(page("March 8 protests draw thousands in Tessaly", *BODY))
    assert cleaned.harvest.title == "March 8 protests draw thousands in Tessaly"


@pytest.mark.parametrize("line, reason", [
    ("Cookie notice: we use cookies for analytics. OK", "cookie notice"),
    ("Free article - 2 of 5 this month", "paywall or meter notice"),
    ("You have 1 free article left this month", "paywall or meter notice"),
    ("3 free stories remaining", "paywall or meter notice"),
    ("Podcast: the week in farming, every Monday. Sign up now!", "promotion (a call to sign up)"),
    ("Text: Ilsa Marwen", "byline"),
])
def test_debris_above_the_article(line, reason):
    cleaned = clean_text(page("ORVIK DAILY POST\nHome | News | Sport", line, "Flood barrier holds", *BODY))
    assert reasons(cleaned).get(line) == reason, cleaned.removed
    assert_body_kept(cleaned)


def test_a_count_of_free_things_left_in_a_sentence_is_kept():
    line = "Only 2 free tickets left for the concert, the council said on Monday."
    cleaned = clean_text(page(*BODY, line, BODY[0]))
    assert line in cleaned.text


def test_a_sentence_ending_in_a_verb_of_signing_up_is_kept():
    line = "The river authority asked every farmer along the Tessa to register."
    cleaned = clean_text(page(*BODY, line, BODY[0]))
    assert line in cleaned.text and cleaned.removed == []


def test_masthead_in_capitals_before_an_edition_label():
    cleaned = clean_text(page("ORVIK RUNDSCHAU - International Edition\nNews | Sport", "Flood barrier holds", *BODY))
    assert cleaned.harvest.masthead == "Orvik Rundschau"


def test_masthead_confirmed_by_a_related_label_below():
    cleaned = clean_text(page("Orvik Sentinel\nNews | Sport | Weather", "Flood barrier holds", *BODY,
                              "Related from Orvik Sentinel\n- Dam inspection due in May"))
    assert cleaned.harvest.masthead == "Orvik Sentinel"
    alone = clean_text(page("Orvik Sentinel\nNews | Sport | Weather", "Flood barrier holds", *BODY))
    assert alone.harvest.masthead is None  # no outlet word and nothing below names it


def test_masthead_in_capitalised_words_before_an_edition_label():
    """"Orvik Mining Review - Asia edition": the name before the dash, confirmed by the footer; a headline-like line
    with a dash and no edition label, or a name the footer does not confirm, is not taken."""
    cleaned = clean_text(page("Orvik Mining Review - Asia edition\nNews | Markets", "Flood barrier holds", *BODY,
                              "About | Contact | (c) Orvik Mining Review"))
    assert cleaned.harvest.masthead == "Orvik Mining Review"
    cleaned = clean_text(page("Orvik Mining Review - Asia briefing\nNews | Markets", "Flood barrier holds", *BODY,
                              "About | Contact | (c) Orvik Mining Review"))
    assert cleaned.harvest.masthead != "Orvik Mining Review"
    cleaned = clean_text(page("Tessaly Flood Barrier - Special edition\nNews | Markets", "Flood barrier holds", *BODY,
                              "About | Contact | (c) Orvik Mining Review"))
    assert cleaned.harvest.masthead is None
