"""Study mode checked as a whole: axe in every state and viewing mode, and the printed card sheet.

The reading and grading of cards, the quiz and the exports are in test_browser_study.py.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from axe import VIEWING_MODES, axe_violations, describe
from study_page import choose_families, name_of, open_study, start_quiz

pytestmark = pytest.mark.browser


def settle(page) -> None:
    """Wait for running transitions (the theme's back-to-top button fades in as the page scrolls):
    half-faded, any colour fails a contrast check. The theme starts that fade a frame or two after
    the scroll, so first give it the time to start."""
    page.wait_for_timeout(300)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


@pytest.mark.parametrize("mode", VIEWING_MODES)
def test_axe_finds_no_serious_violation_in_any_state(browser, site_url, mode):
    context = browser.new_context(**VIEWING_MODES[mode])
    page = context.new_page()
    try:
        open_study(page, site_url)
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == ("slate" if "dark" in mode else "default")
        page.locator(".study-options-box summary").click()
        states = {
            "a new card": lambda: None,
            "a revealed card, options open": lambda: page.get_by_role("button", name="Reveal").click(),
            "a graded card": lambda: page.get_by_role("button", name="Not yet").click(),
            "an answered quiz question": lambda: (
                start_quiz(page),
                page.locator("[data-options] button").nth(1).click(),
            ),
        }
        for state, reach in states.items():
            reach()
            settle(page)
            violations = axe_violations(page)
            assert not violations, f"{mode}, {state}:\n{describe(violations)}"
        for _ in range(10):  # a wrong answer each time, so the score lists notes to read
            page.get_by_role("button", name="Next question").click()
            if not page.locator("[data-options] button").count():
                break
            page.locator("[data-options] button").first.click()
        settle(page)
        violations = axe_violations(page)
        assert not violations, f"{mode}, the quiz score:\n{describe(violations)}"
    finally:
        context.close()


def test_print_gives_the_fold_over_card_sheet(page, site_url, glossary, tmp_path):
    open_study(page, site_url)
    page.get_by_title("Switch to dark mode").click()  # it prints light whatever the scheme on screen
    page.emulate_media(media="print")
    display = "s => getComputedStyle(document.querySelector(s)).display"
    assert page.evaluate(display, "#study-app") == "none"
    assert page.evaluate(display, "#keyboard-shortcuts") == "none"
    assert page.evaluate(display, ".study-sheet") == "block"
    assert page.evaluate("() => getComputedStyle(document.querySelector('article')).columnCount") == "1"
    rows = page.locator(".study-sheet-card")
    assert rows.count() == 71
    first = rows.first
    assert first.locator(".study-sheet-front").inner_text() == name_of(glossary[0])
    assert glossary[0]["summary"] in first.locator(".study-sheet-back").inner_text()
    fold = page.evaluate("() => getComputedStyle(document.querySelector('.study-sheet-front')).borderRightStyle")
    assert fold == "dashed"
    halves = first.evaluate("row => [...row.children].map(half => Math.round(half.getBoundingClientRect().width))")
    assert abs(halves[0] - halves[1]) <= 1, f"the fold is not in the middle: {halves}"
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"

    pdf = tmp_path / "cards.pdf"
    pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", text)
    missing = [t["name"] for t in glossary if re.sub(r"\s+", "", t["name"]) not in squeezed]
    assert not missing, f"the printed cards lack {missing}"
    assert "Reveal" not in text and "Keyboard shortcuts" not in text

    page.emulate_media(media="screen")
    choose_families(page, {"Containers"})
    assert page.locator(".study-sheet-card").count() == sum(t["family"] == "Containers" for t in glossary)


def test_the_study_buttons_print_and_the_page_button_prints_the_same(page, site_url):
    open_study(page, site_url)
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.locator("[data-act=print]").click()  # the study app's button
    page.locator("[data-print-page]").click()  # the page's, under its title
    assert page.evaluate("() => window.printed") == 2
