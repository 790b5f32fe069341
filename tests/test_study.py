"""The study page's deck (notekit.study) and its place in the build: one card per glossary term,
made from the same term records as glossary.json (`notekit.term_data.term_records`)."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from notekit.study import DECK_ID, deck, deck_html


def term(term_id: str, family: str, page: str, summary: str = "A summary.") -> dict:
    return {
        "id": term_id,
        "name": term_id.upper(),
        "abbreviations": [],
        "aliases": [],
        "summary": summary,
        "family": family,
        "path": f"{page}#{term_id}",
        "url": f"https://example.com/{page}#{term_id}",
        "glossary_path": f"glossary/#{term_id}",
        "mentions": [{"title": "Home", "path": ""}],
        "see_also": [],
    }


def test_the_deck_keeps_what_a_card_needs_in_glossary_order():
    records = [term("b", "Storage", "storage/"), term("a", "Compute", "compute/")]
    made = deck(records, ["", "compute/", "storage/"])
    assert [t["id"] for t in made["terms"]] == ["b", "a"]
    assert set(made["terms"][0]) == {"id", "name", "abbreviations", "aliases", "summary", "family", "path"}


def test_families_follow_the_navigation_and_unknown_pages_go_last():
    records = [
        term("x", "Zeta", "nowhere/"),
        term("s", "Storage", "storage/"),
        term("c", "Compute", "compute/"),
        term("y", "Alpha", "elsewhere/"),
        term("c2", "Compute", "compute/"),
    ]
    assert deck(records, ["", "compute/", "storage/"])["families"] == ["Compute", "Storage", "Alpha", "Zeta"]


def test_the_deck_is_an_attribute_that_markup_in_a_summary_cannot_break():
    records = [term("e", "Tools & code", "tools/", summary='Ends "</div><script>x</script> & more')]
    element = BeautifulSoup(deck_html(deck(records, [])), "html.parser").find(id=DECK_ID)
    assert element.name == "div" and element.has_attr("hidden") and element.contents == []
    assert json.loads(element["data-deck"])["terms"][0]["summary"] == 'Ends "</div><script>x</script> & more'


def test_the_built_study_page_holds_one_card_per_term_and_is_not_a_family(site_dir, pages):
    glossary = json.loads((site_dir / "glossary.json").read_text(encoding="utf-8"))
    built = json.loads(pages["study.md"].soup.find(id=DECK_ID)["data-deck"])
    assert [t["id"] for t in built["terms"]] == [t["id"] for t in glossary["terms"]]
    assert len(built["terms"]) == 71 and len(built["families"]) == 9
    assert "fill:study-deck" not in pages["study.md"].html
    assert 'class="md-button own-pdf"' not in pages["study.md"].html, "the study page got a PDF of its own"
    assert "study-app" not in pages["cheatsheet.md"].html, "the study page was put in the cheat sheet"
