"""Study anywhere: after one visit to the home page, with the network gone, every page opens (by
address, by the navigation's instant loading, back and forward), site search finds and opens a
page, the glossary filters, study mode keeps its grades, and a PDF the reader opened opens again."""

from __future__ import annotations

import pytest
from offline_site import served_build, tab_kept_offline
from playwright.sync_api import expect
from study_page import boxes, counts, open_study, term_on_card
from support import ROOT

from tools.sitetext import nav_sources

pytestmark = pytest.mark.browser

# `make pdf` prints the PDFs after the build; a stand-in will do for the worker.
PDF = b"%PDF-1.4\n% a stand-in for tools/pdf.py's print of the compute page\n%%EOF\n"


@pytest.fixture(scope="module")
def offline_url(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("offline-site")
    with served_build(ROOT, site_dir) as url:
        (site_dir / "pdf").mkdir()
        (site_dir / "pdf" / "compute.pdf").write_bytes(PDF)
        yield url


@pytest.fixture
def offline_tab(browser, offline_url, record_property):
    with tab_kept_offline(browser, offline_url) as tab:
        record_property("summary", f"offline: kept {tab.ready_after_ms:.0f} ms after the first visit began")
        yield tab
        assert tab.errors == []


def page_paths() -> list[str]:
    return [
        "" if source == "index.md" else source.removesuffix(".md") + "/" for source in nav_sources(ROOT / "mkdocs.yml")
    ]


NEW_PAGE_AT = "([a, before]) => location.href === a && document.querySelector('article h1')?.textContent !== before"


def relative_href(tab, address: str) -> str:
    """How the current page's navigation writes the link to `address`."""
    return tab.evaluate(
        "a => [...document.querySelectorAll('nav.md-nav--primary a')].find(l => l.href === a).getAttribute('href')",
        address,
    )


def heading(tab) -> str:
    return tab.locator("article h1").first.inner_text().removesuffix("¶").strip()


def test_every_page_opens_by_address_and_back_and_forward(offline_tab, offline_url):
    titles = {}
    for path in page_paths():
        response = offline_tab.goto(offline_url + path)
        assert response.ok and response.from_service_worker, f"/{path} did not come from the offline copy"
        titles[path] = heading(offline_tab)
    assert len(set(titles.values())) == len(titles), titles
    # The history step may return before the page it restores is drawn (the back/forward cache):
    # wait for the heading, which fails the test only if it never comes.
    offline_tab.go_back()
    expect(offline_tab.locator("article h1").first).to_contain_text(titles[page_paths()[-2]])
    offline_tab.go_forward()
    expect(offline_tab.locator("article h1").first).to_contain_text(titles[page_paths()[-1]])


def test_every_page_opens_through_the_navigation_without_a_page_load(offline_tab, offline_url):
    loads: list[str] = []
    offline_tab.on("load", lambda tab: loads.append(tab.url))
    links = offline_tab.locator("nav.md-nav--primary a.md-nav__link[href]")
    addresses = links.evaluate_all("links => links.map(link => link.href).filter(href => !href.includes('#'))")
    assert len(set(addresses)) == len(page_paths()), addresses
    assert addresses[0] == offline_url
    seen = [heading(offline_tab)]  # the home page's, where the tab starts
    for address in list(dict.fromkeys(addresses))[1:]:
        before = offline_tab.locator("article h1").first.text_content()
        links.and_(offline_tab.locator(f"[href='{relative_href(offline_tab, address)}']")).first.click()
        # Material changes the address before it swaps the page's content in.
        offline_tab.wait_for_function(NEW_PAGE_AT, arg=[address, before])
        seen.append(heading(offline_tab))
    assert loads == [], f"instant navigation fell back to loading pages: {loads}"
    assert len(set(seen)) == len(seen), seen
    before = offline_tab.locator("article h1").first.text_content()
    offline_tab.go_back()
    offline_tab.wait_for_function(NEW_PAGE_AT, arg=[list(dict.fromkeys(addresses))[-2], before])
    assert heading(offline_tab) == seen[-2]


def test_site_search_finds_and_opens_a_page(offline_tab, offline_url):
    box = offline_tab.locator(".md-search__input")
    box.click()
    box.press_sequentially("fargate")
    # The glossary's entry comes first (by design); the notes' section follows.
    result = offline_tab.locator(".md-search-result__item a.md-search-result__link[href*='containers/']").first
    result.click()
    offline_tab.locator("article h1", has_text="Containers").wait_for()
    assert offline_tab.url.startswith(offline_url + "containers/")


def test_the_glossary_filters(offline_tab, offline_url):
    offline_tab.goto(offline_url + "glossary/?q=ebs")
    offline_tab.locator("#glossary-filter-input").wait_for(state="visible")
    shown = offline_tab.evaluate(
        "[...document.querySelectorAll('h2.glossary-term')].filter(h => h.checkVisibility()).map(h => h.id)"
    )
    assert set(shown) == {"ebs", "ebs-snapshots"}


def test_study_mode_keeps_a_grade_across_a_reload(offline_tab, offline_url):
    open_study(offline_tab, offline_url)
    glossary = offline_tab.evaluate("() => fetch('../glossary.json').then(r => r.json()).then(g => g.terms)")
    graded = term_on_card(offline_tab, glossary)
    offline_tab.keyboard.press("Space")
    offline_tab.keyboard.press("1")  # knew it: box 2
    offline_tab.reload()
    offline_tab.locator("#study-app").wait_for(state="visible")
    assert boxes(offline_tab) == {graded["id"]: 2}
    assert counts(offline_tab)["learning"] + counts(offline_tab)["known"] == 1


def test_a_missing_page_answers_with_the_not_found_page(offline_tab, offline_url):
    response = offline_tab.goto(offline_url + "no-such-page/")
    assert response.status == 404
    assert "404" in offline_tab.content()


PDF_BYTES = "url => fetch(url).then(r => r.ok ? r.arrayBuffer().then(b => b.byteLength) : -r.status, () => null)"


def test_a_pdf_opened_once_opens_offline_and_one_never_opened_does_not(browser, offline_url):
    with tab_kept_offline(browser, offline_url) as tab:
        tab.context.set_offline(False)
        assert tab.evaluate(PDF_BYTES, offline_url + "pdf/compute.pdf") == len(PDF)
        tab.context.set_offline(True)
        assert tab.evaluate(PDF_BYTES, offline_url + "pdf/compute.pdf") == len(PDF)
        assert tab.evaluate(PDF_BYTES, offline_url + "pdf/storage.pdf") is None, "fetched without a network?"


def test_a_browser_without_service_workers_gets_the_site_as_it_was(browser, offline_url):
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(Navigator.prototype, 'serviceWorker', {get: () => undefined})")
    try:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
        tab.goto(offline_url + "glossary/?q=ebs")
        tab.locator("#glossary-filter-input").wait_for(state="visible")
        tab.get_by_role("link", name="Compute", exact=True).first.click()
        tab.locator("article h1", has_text="Compute").wait_for()
        assert tab.evaluate("() => document.documentElement.dataset.offline") is None
        assert tab.locator(".offline-notice").count() == 0
        assert errors == []
    finally:
        context.close()
