"""Accessibility gates in headless Chromium: axe-core on every page, and the keyboard alone.

axe runs on every page of the nav and on the 404 page, in light and dark mode (the palette
follows the reader's colour scheme), at desktop and phone width: no serious or critical
violation is allowed.
"""

from __future__ import annotations

import pytest
from axe import FOCUS_RING, VIEWING_MODES, axe_violations, describe
from support import ROOT

from tools.sitetext import nav_sources

pytestmark = pytest.mark.browser

PAGE_PATHS = [
    "" if source == "index.md" else source.removesuffix(".md") + "/" for source in nav_sources(ROOT / "mkdocs.yml")
]


@pytest.fixture(scope="module", params=VIEWING_MODES, ids=str)
def mode_tab(request, browser):
    """One tab per mode, shared by every page checked in that mode."""
    context = browser.new_context(**VIEWING_MODES[request.param])
    yield request.param, context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGE_PATHS, ids=lambda path: path.rstrip("/") or "home")
def test_axe_finds_no_serious_violation(mode_tab, site_url, path):
    mode, tab = mode_tab
    tab.goto(site_url + path)
    tab.wait_for_load_state("networkidle")
    expected_scheme = "slate" if mode.startswith("dark") else "default"
    assert tab.evaluate("() => document.body.dataset.mdColorScheme") == expected_scheme
    violations = axe_violations(tab)
    assert not violations, f"/{path} ({mode}):\n{describe(violations)}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_link_under_the_pointer_keeps_its_contrast(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_url + "compute/")
    for link in ("article p a:not(.glossary-link)", "article a.glossary-link"):
        tab.locator(link).first.hover()
        tab.wait_for_timeout(300)  # the colour change is a transition
        contrast = [v for v in axe_violations(tab) if v["id"] == "color-contrast"]
        assert not contrast, f"{scheme}, hovering {link}:\n{describe(contrast)}"
    context.close()


def test_axe_finds_no_serious_violation_on_the_404_page(mode_tab, missing_page_url):
    mode, tab = mode_tab
    response = tab.goto(missing_page_url)
    tab.wait_for_load_state("networkidle")
    assert response.status == 404 and tab.locator("article h1").inner_text().startswith("404")
    assert tab.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    violations = axe_violations(tab)
    assert not violations, f"404 page ({mode}):\n{describe(violations)}"


# -- The keyboard alone ------------------------------------------------------------------------------


def tab_to(page, predicate: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JavaScript `predicate(element)`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate})(document.activeElement)"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached an element where {predicate}")


def test_navigation_works_by_keyboard_with_visible_focus(page, site_url):
    page.goto(site_url)
    tab_to(page, "el => el.matches('nav.md-nav--primary a') && el.textContent.trim() === 'Compute'")
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('article h1')?.textContent.startsWith('Compute')")
    # Skip link first: the first Tab on a page offers to jump over the navigation.
    page.goto(site_url + "compute/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    assert page.evaluate(FOCUS_RING)


def test_glossary_filter_works_by_keyboard_with_visible_focus(page, site_url):
    page.goto(site_url + "glossary/")
    visible_terms = "() => [...document.querySelectorAll('h2.glossary-term')].filter(h => h.checkVisibility()).length"
    every_term = page.evaluate(visible_terms)
    tab_to(page, "el => el.id === 'glossary-filter-input'")
    assert page.evaluate(FOCUS_RING)
    page.keyboard.type("lambda")
    page.wait_for_function(f"() => ({visible_terms})() < {every_term}")
    assert 1 <= page.evaluate(visible_terms) < every_term
    assert page.locator("#lambda").is_visible()


def test_print_button_works_by_keyboard_with_visible_focus(page, site_url):
    page.goto(site_url + "storage/")
    page.evaluate("() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; }")
    tab_to(page, "el => el.matches('[data-print-page]')")
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert page.evaluate("() => window.printCalls") == 2
