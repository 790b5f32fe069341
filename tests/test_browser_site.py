"""The built site in a real browser: navigation, no script errors, dark mode, the phone menu
(tests/test_browser_phone.py holds the phone layout)."""

from __future__ import annotations

import pytest
from support import FAMILY_ANCHORS

pytestmark = pytest.mark.browser


def nav_titles(page) -> dict[str, str]:
    """Primary-navigation link text → href, as the reader sees them."""
    links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    return {links.nth(i).inner_text().strip(): links.nth(i).get_attribute("href") for i in range(links.count())}


def test_home_page_opens_without_errors(page, site_url):
    page.goto(site_url)
    assert page.title().startswith("AWS Notes")
    assert page.locator("article h1").first.is_visible()
    assert page.console_errors == []


def test_every_family_page_is_reached_through_the_navigation(page, site_url):
    page.goto(site_url)
    titles = nav_titles(page)
    families = [
        title for title, href in titles.items() if any(href.rstrip("/").endswith(s[:-3]) for s in FAMILY_ANCHORS)
    ]
    assert len(families) == len(FAMILY_ANCHORS), titles
    for title in families:
        page.locator("nav.md-nav--primary").get_by_role("link", name=title, exact=True).first.click()
        page.wait_for_function("t => document.querySelector('article h1')?.textContent.includes(t)", arg=title)
        assert page.locator("article h1").inner_text().removesuffix("¶").strip() == title
    assert page.console_errors == []


def test_no_console_errors_on_any_page(page, site_url, pages):
    for source in pages:
        page.goto(site_url + ("" if source == "index.md" else source.removesuffix(".md") + "/"))
        page.wait_for_load_state("networkidle")
        assert page.console_errors == [], f"{source}: {page.console_errors}"


def test_dark_mode_toggle_switches_scheme_and_back(page, site_url):
    page.goto(site_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.get_by_title("Switch to dark mode").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate", "the choice does not survive a reload"
    assert background != "rgb(255, 255, 255)"
    page.get_by_title("Switch to light mode").click()
    assert body.get_attribute("data-md-color-scheme") == "default"


LINK_ON_SCREEN = """name => {
    const link = [...document.querySelectorAll("nav.md-nav--primary a")].find(a => a.textContent.trim() === name);
    const box = link.getBoundingClientRect();
    return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
}"""


def test_phone_viewport_shows_the_menu(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(site_url + "storage/")
        # Material slides the drawer off-screen rather than hiding it, so test where it is.
        assert not page.evaluate(LINK_ON_SCREEN, "Compute"), "on a phone the navigation should start folded away"
        menu = page.locator("label.md-header__button[for='__drawer']")
        assert menu.is_visible()
        menu.click()
        page.wait_for_function(LINK_ON_SCREEN, arg="Compute")
        page.locator("nav.md-nav--primary").get_by_role("link", name="Compute", exact=True).first.click()
        page.wait_for_url("**/compute/")
    finally:
        context.close()
