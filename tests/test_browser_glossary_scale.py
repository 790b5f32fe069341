"""The glossary filter at a size the notes have not reached yet: 300 synthetic terms, most named
"Amazon …" (tools/bench/corpus.py), so that a word matches more entries than are shown at once."""

from __future__ import annotations

import re

import pytest

from tools.bench import builds
from tools.glossary_bench import write_glossary_project
from tools.serve import serve_directory

pytestmark = pytest.mark.browser

FIRST_MATCHES = 100  # docs/javascripts/glossary.js
SHOWN = "[...document.querySelectorAll('h2.glossary-term')].filter(h => h.checkVisibility()).map(h => h.id)"
ALL_IDS = "[...document.querySelectorAll('h2.glossary-term')].map(h => h.id)"
OFFERED_LETTERS = "[...document.querySelectorAll('.glossary-letters a[href]')].map(a => a.textContent)"


@pytest.fixture(scope="module")
def large_glossary(tmp_path_factory):
    project = write_glossary_project(tmp_path_factory.mktemp("glossary-300"), 300)
    builds.build(project)
    with serve_directory(project / "site") as url:
        yield url + "glossary/"


def filter_for(page, query: str) -> None:
    box = page.locator("#glossary-filter-input")
    box.fill(query)
    box.dispatch_event("input")


def test_a_word_with_more_matches_than_shown_offers_the_rest(page, large_glossary):
    page.goto(large_glossary)
    page.locator("#glossary-filter-input").wait_for(state="visible")
    every_id = page.evaluate(ALL_IDS)
    assert len(every_id) == 300
    filter_for(page, "amazon")
    count = page.locator(".glossary-count").inner_text()
    total = int(re.match(r"(\d+) of 300 terms match", count).group(1))
    assert total > FIRST_MATCHES and f"the first {FIRST_MATCHES} are shown" in count
    shown = page.evaluate(SHOWN)
    assert len(shown) == FIRST_MATCHES
    assert shown == [term for term in every_id if term in set(shown)]  # in the list's order
    offered = page.evaluate(OFFERED_LETTERS)
    headed = page.eval_on_selector_all(".glossary-results .glossary-letter", "ls => ls.map(l => l.textContent)")
    assert offered == headed and len(offered) < len(page.evaluate(OFFERED_LETTERS.replace("[href]", "")))
    more = page.locator("button.glossary-more")
    assert more.inner_text() == f"Show all {total} matches"
    more.focus()
    page.keyboard.press("Enter")
    after_click = page.evaluate(SHOWN)
    assert len(after_click) == total
    # The button went away: the keyboard carries on from the first entry it brought, named by its heading.
    assert page.evaluate("document.activeElement.id") == after_click[100]
    assert "are shown" not in page.locator(".glossary-count").inner_text()
    assert more.count() == 0
    filter_for(page, "amazon k")  # a new query: the first ones again, if there are more
    assert len(page.evaluate(SHOWN)) <= FIRST_MATCHES
    filter_for(page, "amazon")  # and back: all of them only when asked again
    assert len(page.evaluate(SHOWN)) == FIRST_MATCHES
    filter_for(page, "")
    assert page.evaluate(ALL_IDS) == every_id == page.evaluate(SHOWN)
    assert page.console_errors == []


def test_the_button_always_offers_the_matches_the_count_line_gives(page, large_glossary):
    page.goto(large_glossary)
    page.locator("#glossary-filter-input").wait_for(state="visible")
    # Typed a key at a time: the first hundred often stay the same while the total changes.
    for query in ["a", "am", "ama", "amaz", "amazo", "amazon", "amazon ", "amazon k", "amazon", "s", ""]:
        filter_for(page, query)
        count = page.locator(".glossary-count").inner_text()
        found = re.match(r"([\d,]+) of 300 terms match", count)
        total = int(found.group(1).replace(",", "")) if found else 0
        button = page.locator("button.glossary-more")
        if total > FIRST_MATCHES:
            assert button.inner_text() == f"Show all {total} matches", query
            assert f"the first {FIRST_MATCHES} are shown" in count
        else:
            assert button.count() == 0 and "are shown" not in count, query
