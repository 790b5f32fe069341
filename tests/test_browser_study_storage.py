"""Study mode survives whatever its saved progress holds: malformed progress read back (a hand edit,
another version's format, another page's value under the same key) starts afresh instead of
breaking the page for good, and progress is saved again from there."""

from __future__ import annotations

import json

import pytest
from study_page import boxes, counts, open_study, term_on_card

pytestmark = pytest.mark.browser

MALFORMED = [42, "hello", True, None, [1, 2], {"off": 5}, {"cards": "x"}, {"cards": {"ebs": "x"}},
             {"cards": {"ebs": [99, 0]}}, {"off": [1]}, {"cards": [], "off": []}]  # fmt: skip


@pytest.mark.parametrize("stored", MALFORMED, ids=json.dumps)
def test_malformed_progress_starts_afresh_and_saving_works_again(page, site_url, glossary, stored):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_study(page, site_url)
    page.evaluate("value => __md_set('study', value)", stored)
    page.reload()
    page.locator("#study-app").wait_for(state="visible")
    assert counts(page) == {"known": 0, "learning": 0, "new": len(glossary), "of": len(glossary)}
    graded = term_on_card(page, glossary)
    page.keyboard.press("Space")
    page.keyboard.press("1")  # knew it: box 2
    assert boxes(page) == {graded["id"]: 2}, "progress is not saved after a malformed start"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    assert boxes(page) == {}
    assert errors == []
