"""The line scorer of whole-page text scrapes, on invented pages: the article stays, the page around it goes."""
from __future__ import annotations

from consilience.ingest import lines
from consilience.ingest.clean import clean_text

MENU = ["* Home", "* News", "o Local", "o Region", "o World", "* Sport", "* Business", "* Opinion", "* Subscribe",
        "* Sign In"]
TEASERS = ["Harbour festival returns after three-year pause",
           "Council votes to close two branch libraries",
           "Local bakery wins regional bread award again",
           "Storm damage bill tops estimates, officials say"]
ARTICLE = [
    "The regional water board of Tessaly voted on Tuesday to raise household tariffs by nine percent from "
    "January, the first increase in four years, after a long meeting that ran past midnight.",
    "Board chair Elin Varga said the rise would pay for the replacement of cast-iron mains laid in the 1950s, "
    "which burst more than two hundred times last winter and left whole streets without water for days.",
    "Opposition members argued that the board should first cut its own administrative costs, and a motion to "
    "delay the vote by a month failed by seven votes to five.",
    "Households on the lowest incomes will be able to apply for a rebate, the board said, and the details of "
    "the scheme will be published on its website before the end of the month.",
    "The new tariffs still have to be approved by the national utilities regulator, which has until the end of "
    "November to object.",
]
FOOTER = ["Most Read", *TEASERS, "About us", "Contact", "Careers", "Privacy Notice", "Terms of Use",
          "© 2024 Tessaly Evening Star"]


def page(article: list[str]) -> str:
    return "\n".join([*MENU, "", *TEASERS, "", *MENU[:4], "", "Water tariffs to rise nine percent in Tessaly", "",
                      *[p + "\n" for p in article], *FOOTER])


def test_the_article_stays_and_the_page_around_it_goes():
    cleaned = clean_text(page(ARTICLE), scrape_language="en")
    for paragraph in ARTICLE:
        assert paragraph in cleaned.text
    for debris in ("Harbour festival returns", "Council votes to close", "Privacy Notice", "* Business"):
        assert debris not in cleaned.text
    scored = [r for r in cleaned.removed if r.reason.startswith("outside the article text")]
    assert scored, "the scorer removed nothing the rules left"
    assert all(r.reason.endswith(")") and "line score" in r.reason for r in scored)


def test_without_a_scrape_language_only_the_rules_run():
    cleaned = clean_text(page(ARTICLE))
    assert "Harbour festival returns" in cleaned.text  # a teaser has no tell-tale shape: only the scorer sees it


def test_an_articles_own_bulleted_list_stays():
    with_list = ARTICLE[:2] + ["What the rise pays for:",
                               "• new mains under the old town and the harbour district",
                               "• a second pumping station on the northern reservoir",
                               "• leak detectors on the forty oldest pipes in the network"] + ARTICLE[2:]
    cleaned = clean_text(page(with_list), scrape_language="en")
    assert "• a second pumping station on the northern reservoir" in cleaned.text
    assert "* Business" not in cleaned.text  # a menu's one-word items are not such a list


def test_viterbi_bridges_a_short_gap_but_not_a_long_one():
    model = lines.load_model()
    assert lines.viterbi([0.95, 0.95, 0.3, 0.95, 0.95], model) == [True] * 5
    assert lines.viterbi([0.95, 0.95] + [0.01] * 12 + [0.95], model)[5] is False


def test_a_page_with_no_article_like_line_still_keeps_its_best_text():
    short = ["Market day", "Stalls open at eight on the square.", "Parking on Mill Lane."]
    decoded = lines.body_lines(short, "en")
    assert any(body for body, _p in decoded)


def test_stoplists_follow_the_language():
    assert "und" in lines.stopwords("de") and "und" not in lines.stopwords("en")
    assert lines.stopwords("xx") == lines.stopwords("en")
