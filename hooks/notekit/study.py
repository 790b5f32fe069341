"""The study page's deck: the glossary's terms, in the shape docs/javascripts/study.js reads.

The deck is written into the page at build time rather than fetched from glossary.json: the
page then needs no second request, so it studies offline once loaded, after instant navigation,
and under any sub-path, with nothing to fail halfway.
"""

from __future__ import annotations

import html
import json

DECK_PLACEHOLDER = "study-deck"  # docs/study.md holds <!-- fill:study-deck --> where the deck goes
DECK_ID = "study-deck"
# What a card shows, masks or links to; glossary.json's other fields stay out of the page.
FIELDS = ("id", "name", "abbreviations", "aliases", "summary", "family", "path")


def deck(records: list[dict], page_urls: list[str]) -> dict:
    """The terms (`notekit.term_data.term_records`), and their families in the order of `page_urls`.

    A family sorts where the first of its terms' pages sits in `page_urls` (the navigation), so the
    family checkboxes read like the site's menu; a family on no listed page goes last, A-Z.
    """
    terms = [{key: record[key] for key in FIELDS} for record in records]
    rank = {url: number for number, url in enumerate(page_urls)}
    first: dict[str, int] = {}
    for term in terms:
        place = rank.get(term["path"].split("#", 1)[0], len(rank))
        first[term["family"]] = min(place, first.get(term["family"], place))
    families = sorted(first, key=lambda family: (first[family], family))
    return {"families": families, "terms": terms}


def deck_html(study_deck: dict) -> str:
    """The deck as JSON in an attribute of an empty, hidden element.

    Not in a `<script type="application/json">`: Material's instant navigation re-creates every
    script of the new page as a plain one (dropping its type), which would run the JSON as code.
    An attribute is not page text either, so site search does not index the deck.
    """
    text = json.dumps(study_deck, ensure_ascii=False, separators=(",", ":"))
    return f'<div id="{DECK_ID}" hidden data-deck="{html.escape(text, quote=True)}"></div>'
