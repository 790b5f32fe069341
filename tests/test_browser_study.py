"""The study page's flashcards in a real browser: Leitner boxes, saved progress, families, keyboard,
phone, instant navigation and no network once loaded. The quiz and the Anki export are in
test_browser_study_quiz.py; axe and the printed cards in test_browser_study_checks.py."""

from __future__ import annotations

import json
import re
import time

import pytest
from axe import FOCUS_RING
from study_page import (
    boxes,
    choose_families,
    counts,
    front,
    meta,
    name_of,
    open_study,
    saved,
    start_quiz,
    term_on_card,
)

pytestmark = pytest.mark.browser

DAY_MS = 24 * 3600 * 1000


def test_the_deck_holds_every_glossary_term_in_nav_order(page, site_url, glossary):
    open_study(page, site_url)
    deck = json.loads(page.locator("#study-deck").get_attribute("data-deck"))
    assert [t["id"] for t in deck["terms"]] == [t["id"] for t in glossary]
    assert len(deck["terms"]) == 71
    assert deck["families"][:3] == ["Cloud concepts", "Compute", "Containers"]
    assert len(deck["families"]) == 9 == page.locator("[data-families] input").count()
    assert counts(page) == {"known": 0, "learning": 0, "new": 71, "of": 71}
    assert meta(page).endswith("card 1 of 71 · new card")
    assert not page.locator(".study-nojs").is_visible()
    assert page.console_errors == []


def test_reveal_and_grade_move_cards_between_boxes(page, site_url, glossary):
    open_study(page, site_url)
    first = term_on_card(page, glossary)
    assert page.locator(".study-back").count() == 0, "the answer shows before it is revealed"
    page.get_by_role("button", name="Reveal").click()
    assert first["summary"] in page.locator(".study-back").inner_text()
    assert page.locator(".study-back a").get_attribute("href").endswith("/" + first["path"])
    before = time.time() * 1000
    page.get_by_role("button", name="Knew it").click()
    assert boxes(page) == {first["id"]: 2}
    due = saved(page)["cards"][first["id"]][1]
    assert before + DAY_MS - 5000 < due < before + DAY_MS + 60_000, "box 2 should come back a day later"

    second = term_on_card(page, glossary)
    page.get_by_role("button", name="Reveal").click()
    page.get_by_role("button", name="Not yet").click()
    assert boxes(page) == {first["id"]: 2, second["id"]: 1}
    assert saved(page)["cards"][second["id"]][1] <= time.time() * 1000
    assert counts(page) == {"known": 1, "learning": 1, "new": 69, "of": 71}

    # "Not yet" brings the card back three cards later, in the same session.
    for _ in range(3):
        assert term_on_card(page, glossary) != second
        page.get_by_role("button", name="Next").click()
    assert term_on_card(page, glossary) == second
    assert "box 1 of 5" in meta(page)
    page.get_by_role("button", name="Reveal").click()
    page.get_by_role("button", name="Knew it").click()
    assert boxes(page) == {first["id"]: 2, second["id"]: 2}
    assert counts(page)["known"] == 2
    assert page.console_errors == []


def test_progress_survives_a_reload_and_reset_clears_it(page, site_url, glossary):
    open_study(page, site_url)
    known = term_on_card(page, glossary)
    page.keyboard.press("Space")
    page.keyboard.press("1")
    learning = term_on_card(page, glossary)
    page.keyboard.press("Space")
    page.keyboard.press("2")
    page.reload()
    page.locator("#study-app").wait_for(state="visible")
    assert boxes(page) == {known["id"]: 2, learning["id"]: 1}
    assert counts(page) == {"known": 1, "learning": 1, "new": 69, "of": 71}
    # The card in box 1 comes first; the known card is not due until tomorrow.
    assert term_on_card(page, glossary) == learning
    assert meta(page).endswith("card 1 of 70 · box 1 of 5")

    # Two days later, the known card is due again, right after the box 1 card.
    page.evaluate(
        "([id, days]) => { const s = __md_get('study'); s.cards[id][1] -= days; __md_set('study', s); }",
        [known["id"], 2 * DAY_MS],
    )
    page.reload()
    page.locator("#study-app").wait_for(state="visible")
    assert meta(page).endswith("card 1 of 71 · box 1 of 5")
    page.keyboard.press("ArrowRight")
    assert term_on_card(page, glossary) == known

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    assert boxes(page) == {}
    assert counts(page) == {"known": 0, "learning": 0, "new": 71, "of": 71}


def test_the_family_filter_limits_the_deck_and_is_kept(page, site_url, glossary):
    open_study(page, site_url)
    choose_families(page, {"Databases"})
    databases = [t for t in glossary if t["family"] == "Databases"]
    assert counts(page)["of"] == len(databases) == 4
    seen = []
    for _ in databases:
        assert meta(page).startswith("Databases · card")
        seen.append(term_on_card(page, glossary)["id"])
        page.keyboard.press("ArrowRight")
    assert sorted(seen) == sorted(t["id"] for t in databases)
    # Stepped through without grading: the round ends with every card still due.
    assert page.get_by_text("End of the round: 4 cards are still due.").is_visible()
    page.get_by_role("button", name="Study the 4 due cards").click()
    for _ in databases:
        page.keyboard.press("Space")
        page.keyboard.press("1")
    assert page.get_by_text("No card is due now").is_visible()
    assert counts(page) == {"known": 4, "learning": 0, "new": 0, "of": 4}
    page.get_by_role("button", name="Study every card now").click()
    assert meta(page).endswith("card 1 of 4 · box 2 of 5")
    again = term_on_card(page, glossary)
    page.keyboard.press("Space")
    page.keyboard.press("1")
    assert boxes(page)[again["id"]] == 3, "knowing a card again moves it up one more box"
    assert saved(page)["cards"][again["id"]][1] > time.time() * 1000 + 2.9 * DAY_MS
    page.reload()
    page.locator("#study-app").wait_for(state="visible")
    assert counts(page)["of"] == 4
    assert page.locator("[data-families] input:checked").count() == 1


def test_summary_first_hides_the_terms_own_name(page, site_url, glossary):
    open_study(page, site_url)
    page.locator(".study-options-box summary").click()
    page.get_by_label("The summary, then guess the term").check()
    page.evaluate("() => document.activeElement.blur()")
    for _ in range(len(glossary)):
        clue = front(page)
        page.keyboard.press("Space")
        answer = page.locator(".study-back p").inner_text()
        term = next(t for t in glossary if name_of(t) == answer)
        for form in [term["name"], *term["abbreviations"]]:
            assert not re.search(rf"\b{re.escape(form)}\b", clue, re.I), f"{form!r} gives away {clue!r}"
        page.keyboard.press("ArrowRight")
        if page.locator("[data-done]").is_visible():
            break


def test_shortcuts_do_nothing_in_a_field_or_with_a_modifier(page, site_url, glossary):
    open_study(page, site_url)
    first = term_on_card(page, glossary)
    page.locator(".study-options-box summary").click()
    page.locator("[data-families] input").first.focus()
    for key in [" ", "ArrowRight", "1"]:
        page.keyboard.press(key)
    assert term_on_card(page, glossary) == first and page.locator(".study-back").count() == 0
    # Space did what it does in a checkbox, and nothing else.
    assert not page.locator("[data-families] input").first.is_checked()
    page.locator("[data-families] input").first.blur()
    page.keyboard.press("Control+ArrowRight")
    assert term_on_card(page, glossary) == first
    # The site search takes every key typed into it.
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(" 12")
    assert page.locator(".md-search__input").input_value() == " 12"
    assert boxes(page) == {} and page.locator(".study-back").count() == 0


def test_the_keyboard_alone_studies_with_a_visible_focus(page, site_url, glossary):
    open_study(page, site_url)
    for _ in range(80):  # from the top of the page, as a keyboard user arrives
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.act === 'reveal'"):
            break
    assert page.evaluate(FOCUS_RING)
    first = term_on_card(page, glossary)
    page.keyboard.press("Enter")
    assert page.locator(".study-back").is_visible()
    # The Reveal button is gone: focus moves on to the grades rather than to the top of the page.
    assert page.evaluate("() => document.activeElement.dataset.act") == "knew"
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("Space")
    assert boxes(page) == {first["id"]: 2}
    assert page.evaluate("() => document.activeElement.dataset.act") == "reveal"

    # The mode radios answer to the arrow keys, as radios do: here, switching to the quiz.
    while page.evaluate("() => document.activeElement.dataset.act") is not None:
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.value") == "cards"
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("ArrowRight")
    assert page.locator("[data-question]").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.dataset.act") == "answer"
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("Enter")
    assert page.locator("[data-feedback]").inner_text()
    assert page.evaluate("() => document.activeElement.dataset.act") == "qnext"
    page.keyboard.press("Enter")
    assert page.locator("[data-question]").inner_text().startswith("Question 2 of 10")


def test_it_works_after_instant_navigation_and_only_on_its_page(page, site_url, glossary, instant_navigation):
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    nav = page.locator("nav.md-nav--primary")
    for _ in range(2):  # there and back twice: set up each time, never twice at once
        nav.get_by_role("link", name="Study", exact=True).first.click()
        page.locator("#study-app").wait_for(state="visible")
        nav.get_by_role("link", name="Glossary", exact=True).first.click()
        page.locator("#glossary-filter-input").wait_for(state="visible")
        page.keyboard.press("Space")
        page.keyboard.press("1")
        assert boxes(page) == {}, "a study shortcut acted on another page"
    nav.get_by_role("link", name="Study", exact=True).first.click()
    page.locator("#study-app").wait_for(state="visible")
    assert page.evaluate("() => document.querySelectorAll('#study-app').length") == 1
    first = term_on_card(page, glossary)
    page.keyboard.press("Space")
    page.keyboard.press("1")
    assert boxes(page) == {first["id"]: 2}, "one key press graded more than one card"
    assert meta(page).startswith(term_on_card(page, glossary)["family"])
    assert len(instant_navigation) == 1, f"pages were reloaded, not reached by instant navigation: {instant_navigation}"
    assert page.console_errors == []


def test_once_loaded_it_needs_no_network(page, site_url):
    open_study(page, site_url)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.context.set_offline(True)
    page.keyboard.press("Space")
    page.keyboard.press("2")
    start_quiz(page)
    page.keyboard.press("1")
    with page.expect_download():
        page.get_by_role("button", name="Download for Anki").click()
    assert [url for url in requests if not url.startswith("blob:")] == []
    assert counts(page)["learning"] == 1


SWIPE = """([dx]) => {
  const card = document.querySelector('[data-card]');
  const at = x => new Touch({identifier: 1, target: card, clientX: x, clientY: 200});
  card.dispatchEvent(new TouchEvent('touchstart', {changedTouches: [at(200)], bubbles: true}));
  card.dispatchEvent(new TouchEvent('touchend', {changedTouches: [at(200 + dx)], bubbles: true}));
}"""


def test_a_phone_taps_and_swipes_without_sideways_scrolling(browser, site_url, glossary):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_study(page, site_url)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
        first = term_on_card(page, glossary)
        page.locator("[data-card]").tap()
        assert page.locator(".study-back").is_visible()
        shown = "bs => bs.filter(b => b.offsetParent).map(b => b.offsetHeight)"
        heights = page.eval_on_selector_all("#study-app button", shown)
        assert min(heights) >= 44, f"a button is under 44 px tall: {heights}"
        page.locator('[data-act="knew"]').tap()
        second = term_on_card(page, glossary)
        page.evaluate(SWIPE, [-120])
        assert term_on_card(page, glossary) not in (first, second)
        page.evaluate(SWIPE, [120])
        assert term_on_card(page, glossary) == second
        page.evaluate(SWIPE, [20])  # too short to be a swipe
        assert term_on_card(page, glossary) == second
        start_quiz(page)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
