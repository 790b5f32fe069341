"""The glossary in a real browser: the filter, ?q= on load, tooltips on hover, and site search."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# The filter sets the list aside and moves the matches into its results (glossary.js), not `hidden`.
SHOWN = "[...document.querySelectorAll('h2.glossary-term')].filter(h => h.checkVisibility())"
VISIBLE_ENTRIES = f"{SHOWN}.length"


def open_glossary(page, site_url, query=""):
    page.goto(site_url + "glossary/" + (f"?q={query}" if query else ""))
    page.locator("#glossary-filter-input").wait_for(state="visible")


def visible_ids(page) -> list[str]:
    return page.evaluate(f"{SHOWN}.map(h => h.id)")


def filter_for(page, query: str) -> None:
    box = page.locator("#glossary-filter-input")
    box.fill(query)
    box.dispatch_event("input")


def test_filter_narrows_the_list_and_restores_it(page, site_url):
    open_glossary(page, site_url)
    total = page.evaluate(VISIBLE_ENTRIES)
    assert total >= 60
    box = page.locator("#glossary-filter-input")
    box.press_sequentially("ebs")
    assert set(visible_ids(page)) == {"ebs", "ebs-snapshots"}
    assert "2 of" in page.locator(".glossary-count").inner_text()
    page.wait_for_url("**/glossary/?q=ebs")  # the filter is kept in the address once typing pauses
    box.fill("")
    box.dispatch_event("input")
    assert page.evaluate(VISIBLE_ENTRIES) == total
    count = page.locator(".glossary-count").inner_text()
    assert count == f"{total} terms. Several words narrow the list; a typo is forgiven."
    page.wait_for_url(lambda url: "?q=" not in url)


def test_filter_ignores_case_and_accents_and_searches_summaries(page, site_url):
    open_glossary(page, site_url)
    box = page.locator("#glossary-filter-input")
    box.fill("KÜBERNETES")
    box.dispatch_event("input")
    assert "kubernetes" in visible_ids(page)
    box.fill("resizable")  # a word of a summary, not of a name
    box.dispatch_event("input")
    assert visible_ids(page) == ["ec2"]


def test_letters_without_visible_entries_hide(page, site_url):
    open_glossary(page, site_url, "route")
    shown = page.eval_on_selector_all(
        ".glossary-letter", "ls => ls.filter(l => l.checkVisibility()).map(l => l.textContent)"
    )
    assert shown == ["R"]


def test_query_in_the_address_filters_on_load_without_opening_site_search(page, site_url):
    open_glossary(page, site_url, "route")
    assert page.locator("#glossary-filter-input").input_value() == "route"
    assert visible_ids(page) == ["route-53"]
    assert page.url.endswith("/glossary/?q=route")
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert page.console_errors == []


def test_filter_works_after_instant_navigation(page, site_url, instant_navigation):
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Glossary", exact=True).first.click()
    page.locator("#glossary-filter-input").wait_for(state="visible")
    page.locator("#glossary-filter-input").press_sequentially("sqs")
    assert visible_ids(page) == ["sqs"]
    assert len(instant_navigation) == 1, f"pages were reloaded, not reached by instant navigation: {instant_navigation}"


def test_hovering_a_term_shows_its_summary(page, site_url):
    page.goto(site_url + "storage/")
    link = page.locator('a.glossary-link[href$="/compute/#ec2"]').first
    link.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert "resizable compute capacity" in tooltip.inner_text()


def test_hovering_an_abbreviation_shows_its_expansion(page, site_url):
    page.goto(site_url + "storage/")
    page.locator("abbr", has_text="S3").first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().strip() == "Amazon Simple Storage Service"


def search_results(page, site_url, query: str) -> list[str]:
    page.goto(site_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").press_sequentially(query, delay=30)
    page.wait_for_function(
        "() => !/Initializing/.test(document.querySelector('.md-search-result__meta').textContent)"
        " && document.querySelectorAll('.md-search-result__link').length > 0"
    )
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    # Drop the highlighting query (?h=ebs) and the page-level rows that head each page's group.
    return [re.sub(r"\?h=[^#]*", "", href) for href in hrefs if "#" in href]


@pytest.mark.parametrize(("query", "entry", "note"), [("EBS", "ebs", "storage/#ebs"), ("SQS", "sqs", "#sqs")])
def test_site_search_for_an_abbreviation_offers_its_glossary_entry_first(page, site_url, query, entry, note):
    results = search_results(page, site_url, query)
    assert results[0].endswith(f"/glossary/#{entry}"), results[:5]
    assert any(result.endswith(note) for result in results[1:4]), results[:4]


def test_filter_box_is_hidden_without_javascript_and_shown_with_it(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "glossary/")
    assert tab.locator("h2#ebs").is_visible()
    assert not tab.locator(".glossary-filter").is_visible()
    context.close()
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site_url + "glossary/", wait_until="commit")
    # Visible from the first paint, before Material's bundle has run: nothing moves when it does.
    tab.locator(".glossary-filter").wait_for(state="visible")
    context.close()


# -- A filter as forgiving as site search ------------------------------------------------------


def count_line(page) -> str:
    return page.locator(".glossary-count").inner_text()


def test_several_words_narrow_to_the_entries_with_all_of_them(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "s3 glacier")
    assert visible_ids(page) == ["s3-storage-classes"]
    assert count_line(page).startswith("1 of ")


def test_words_no_entry_has_together_show_the_entries_with_any_and_say_so(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "sqs sns")
    assert set(visible_ids(page)) == {"sqs", "sns"}
    assert "\u201csqs\u201d or \u201csns\u201d" in count_line(page)


def test_a_word_one_letter_off_finds_the_term_as_site_search_does(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "lamda")  # codespell:ignore
    assert "lambda" in visible_ids(page)
    assert "one letter away" in count_line(page)
    filter_for(page, "dyanmodb")  # two neighbours swapped: one slip, as site search counts it
    assert "dynamodb" in visible_ids(page)
    filter_for(page, "servers")  # a word the glossary has stays exact: no "server" noise
    assert "one letter away" not in count_line(page)
    filter_for(page, "sqz")  # too short to guess at
    assert visible_ids(page) == []
    filter_for(page, "qqqqqqq")  # near nothing: the three nearest names are offered all the same
    assert page.locator(".glossary-suggestions a[href^='#']").count() == 3


def test_the_readers_words_find_a_term_without_being_shown(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "cheapest")
    assert visible_ids(page) == ["spot-instances"]
    entries = page.locator(".glossary-entry").all_inner_texts()
    assert len(entries) >= 60 and not [text for text in entries if "cheapest" in text.lower()]


def test_no_match_says_so_and_offers_the_closest_terms_and_site_search(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "dinamodv")  # two edits from DynamoDB: too far for the filter
    page.wait_for_url("**/glossary/?q=dinamodv")
    assert visible_ids(page) == []
    assert count_line(page).startswith("No term matches")
    offer = page.locator(".glossary-suggestions")
    closest = offer.locator("a[href^='#']")
    assert 1 <= closest.count() <= 3 and closest.first.get_attribute("href") == "#dynamodb"
    closest.first.click()  # clears the filter, which hid the entry
    page.wait_for_url("**/glossary/#dynamodb")
    page.locator("#dynamodb").wait_for(state="visible")
    assert page.locator("#glossary-filter-input").input_value() == ""
    filter_for(page, "dinamodv")
    offer.locator("a.glossary-site-search").click()
    page.locator(".md-search__input").wait_for(state="visible")
    assert page.locator(".md-search__input").input_value() == "dinamodv"
    assert page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert page.console_errors == []


def test_letters_without_visible_entries_are_disabled_and_tab_skips_them(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "sqs")
    bar = page.locator("nav.glossary-letters")
    assert bar.locator("a", has_text="A").get_attribute("aria-disabled") == "true"
    assert bar.locator("a", has_text="A").get_attribute("href") is None
    assert bar.locator("a", has_text="S").get_attribute("aria-disabled") is None
    page.locator("#glossary-filter-input").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "S"
    page.keyboard.press("Escape")
    page.locator("#glossary-filter-input").focus()
    filter_for(page, "")
    assert bar.locator("a", has_text="A").get_attribute("href").endswith("#letter-a")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") != "S"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("query", ["sqs", "dinamodv"])
def test_a_filtered_glossary_passes_axe_in_both_schemes(browser, site_url, scheme, query):
    from axe import axe_violations, describe

    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    open_glossary(tab, site_url, query)
    assert tab.locator(".glossary-letters [aria-disabled=true]").count() > 10
    violations = axe_violations(tab)
    context.close()
    assert not violations, describe(violations)


ALL_IDS = "[...document.querySelectorAll('h2.glossary-term')].map(h => h.id)"
# Each letter heads its group: the filter moves letters into its results and back.
LETTERS_IN_PLACE = (
    "[...document.querySelectorAll('.glossary-group')].every(g => g.firstElementChild.matches('.glossary-letter'))"
)


def test_clearing_the_filter_puts_every_entry_back_where_it_was(page, site_url):
    open_glossary(page, site_url)
    before = page.evaluate(ALL_IDS)
    for query in ["lambda", "s3 glacier", "sqs sns", "ebs", "dinamodv", "storage"]:
        filter_for(page, query)
        set_aside = page.evaluate("document.querySelectorAll('.glossary-list h2.glossary-term').length")
        assert set_aside + len(visible_ids(page)) == len(before)  # each entry in one place
    filter_for(page, "")
    assert page.evaluate(ALL_IDS) == before == visible_ids(page)
    assert page.evaluate(LETTERS_IN_PLACE)
    assert page.locator(".glossary-results").inner_html() == ""


def test_a_link_to_an_entry_the_filter_set_aside_shows_the_whole_list(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "lambda")
    page.wait_for_url("**/glossary/?q=lambda")  # the address says the filter, as after a pause in typing
    shown = set(visible_ids(page))
    see_also = page.locator(".glossary-results .glossary-see a")
    hrefs = [href for href in see_also.evaluate_all("links => links.map(a => a.hash.slice(1))") if href not in shown]
    assert hrefs, "some entry shown for 'lambda' should point to one that is not"
    page.locator(f".glossary-results .glossary-see a[href$='#{hrefs[0]}']").first.click()
    page.wait_for_url(f"**/glossary/#{hrefs[0]}")
    page.locator(f"#{hrefs[0]}").wait_for(state="visible")  # laid out once the jump brings it near
    assert page.locator("#glossary-filter-input").input_value() == ""
    assert len(visible_ids(page)) >= 60


def test_a_link_opened_in_a_new_tab_leaves_the_filter_as_it_is(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "lambda")
    page.wait_for_url("**/glossary/?q=lambda")
    shown = set(visible_ids(page))
    hashes = page.locator(".glossary-results .glossary-see a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    outside = next(target for target in hashes if target not in shown)
    with page.context.expect_page() as opened:
        page.locator(f".glossary-results .glossary-see a[href$='#{outside}']").first.click(modifiers=["Shift"])
    opened.value.close()
    assert page.locator("#glossary-filter-input").input_value() == "lambda"
    assert set(visible_ids(page)) == shown


def test_the_address_keeps_the_query_only_on_the_glossary(page, site_url):
    open_glossary(page, site_url)
    filter_for(page, "ebs")  # and at once, before the address is written, off to the note
    page.locator(".glossary-results .glossary-meta a").first.click()
    page.wait_for_url("**/storage/#ebs*")
    page.wait_for_timeout(600)  # the glossary's pending write (300 ms after the last key) is due
    assert "?q=" not in page.url
