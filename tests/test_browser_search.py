"""Site search leads readers to the notes: every query of search_queries.py, typed into the search
box of the built site, has its expected section among the first three results.

What "the first three results" means follows what Material 9.8 shows (its search worker and
result template): results come grouped by page, the groups ordered by their best match. A group
opens with a row for the page; below it are the page's best-scoring sections (those tied with
the best score, usually one), and every other matching section of the page is folded away under
"N more on this page". When the page's own record (its title and introduction) outscores all its
sections, that row is the result, with a teaser, and every section is folded away. So a reader
sees, in order: for each group, its visible sections, or the page row when it has none. Those
are the results counted here; folded sections are not, since the reader must open them to see
them. The glossary is one group like the others (its entries rank above the notes' sections by
design), so a glossary entry takes a place in the top three but never counts as the hit.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from search_queries import MISSPELLING, QUERIES, READER_QUERIES, VERSUS
from support import DOCS, FAMILY_ANCHORS

pytestmark = pytest.mark.browser

TOP = 3

# The visible results in display order (see the module docstring), as addresses.
VISIBLE_RESULTS = """() => Array.from(document.querySelectorAll(".md-search-result__item")).flatMap(group => {
  const [page, ...sections] = group.querySelectorAll(":scope > a.md-search-result__link");
  return sections.length ? sections.map(link => link.href) : [page.href];
})"""
META = "document.querySelector('.md-search-result__meta').textContent"
META_IS = f"([text, same]) => ({META} === text) === same"


class SiteSearch:
    """One tab with the search box open, reused for every query; each query's results are kept."""

    def __init__(self, tab, site_url: str, *, navigate: bool = True):
        self.tab = tab
        self.site_url = site_url
        self.box = tab.locator(".md-search__input")
        self.seen: dict[str, list[str]] = {}
        if navigate:
            tab.goto(site_url)
        self.box.click()
        tab.wait_for_function(f"() => !/Initializing/.test({META})")
        # What the count line says for an empty box ("Type to start searching"), in any language.
        self.placeholder = tab.locator(".md-search-result__meta").text_content()

    def results(self, query: str) -> list[str]:
        """Every visible result for `query`, as 'page/#anchor' (or 'page/' for a page row)."""
        if query not in self.seen:
            # Material searches on keyup and ignores a value it has just searched. Emptying the
            # box first makes the count line change exactly once, when this query's results are
            # in; typing all but the last character without a key event makes one search only.
            self.box.fill("")
            self.box.press("Backspace")
            self.tab.wait_for_function(META_IS, arg=[self.placeholder, True])
            self.box.fill(query[:-1])
            self.box.press_sequentially(query[-1])
            self.tab.wait_for_function(META_IS, arg=[self.placeholder, False])
            self.seen[query] = [self.relative(href) for href in self.tab.evaluate(VISIBLE_RESULTS)]
        return self.seen[query]

    def top(self, query: str) -> list[str]:
        return self.results(query)[:TOP]

    def relative(self, href: str) -> str:
        parts = urlsplit(href)  # drops the highlighting query, ?h=...
        path = parts.path[len(urlsplit(self.site_url).path) :]
        return path + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.fixture(scope="module")
def search(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield SiteSearch(tab, site_url)
    context.close()


@pytest.mark.parametrize(("query", "expected", "kind"), QUERIES, ids=[query for query, _, _ in QUERIES])
def test_query_finds_its_section_in_the_top_3(search, query, expected, kind):
    top = search.top(query)
    assert expected in top, f"{kind} {query!r}: {expected} is not in the top {TOP}: {top}"


# Readers' words the site cannot answer yet, each with the reason. The test fails when one starts
# to pass (strict), so the list only shrinks.
UNANSWERED = {
    "key value database": "the notes file key-value under NoSQL, which ranks above DynamoDB",
    "iaas vs paas": "no reader word may name other terms; the section comparing them names neither in its title",
}


@pytest.mark.parametrize(
    ("query", "expected", "kind"),
    [
        pytest.param(*row, marks=pytest.mark.xfail(reason=UNANSWERED[row[0]], strict=True))
        if row[0] in UNANSWERED
        else row
        for row in READER_QUERIES
    ],
    ids=[query for query, _, _ in READER_QUERIES],
)
def test_readers_words_find_their_section_in_the_top_3(search, query, expected, kind):
    top = search.top(query)
    assert expected in top, f"{kind} {query!r}: {expected} is not in the top {TOP}: {top}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [(query, expected) for query, expected, kind in READER_QUERIES if kind == VERSUS and query not in UNANSWERED],
)
def test_which_of_two_lands_on_their_comparison_first(search, query, expected):
    """'sqs vs sns' leads to the comparison before any other note (the glossary's entries aside)."""
    notes = [result for result in search.results(query) if not result.startswith("glossary/")]
    assert notes[:1] == [expected], f"{query!r}: the first note is not the comparison: {notes[:3]}"


def test_reader_words_are_not_shown(search, pages):
    """A reader word is only in the search index: no page shows it, and no result's text does."""
    for source in ("compute.md", "glossary.md"):
        assert "interruptible" not in pages[source].article.get_text(" ").lower(), f"{source} shows a reader word"
    search.results("interruptible")
    assert "interruptible" not in search.tab.locator(".md-search-result__list").inner_text().lower()


def test_the_table_covers_every_family_with_real_sections():
    assert len(QUERIES) >= 35
    assert len(READER_QUERIES) >= 40
    every_query = [query.lower() for query, _, _ in QUERIES + READER_QUERIES]
    assert len(set(every_query)) == len(every_query), "a query is in the tables twice"
    pages = {expected.split("/#")[0] + ".md" for _, expected, _ in QUERIES}
    assert set(FAMILY_ANCHORS) <= pages, f"no query leads to {sorted(set(FAMILY_ANCHORS) - pages)}"
    misspellings = {query for query, _, kind in QUERIES if kind == MISSPELLING}
    assert len(misspellings) >= 4 and {"dyanmodb", "sagemker"} <= misspellings
    for query, expected, _ in QUERIES + READER_QUERIES:
        source, anchor = expected.split("/#")
        text = Path(DOCS / f"{source}.md").read_text(encoding="utf-8")
        assert re.search(rf"^#+ .*\{{ #{re.escape(anchor)} \}}$", text, re.M), f"{query!r}: no section {expected}"


def hit_rate(search, name: str, table: list[tuple[str, str, str]]) -> str:
    hits = {query: expected in search.top(query) for query, expected, _ in table}
    by_kind: dict[str, list[bool]] = {}
    for query, _, kind in table:
        by_kind.setdefault(kind, []).append(hits[query])
    kinds = ", ".join(f"{kind} {sum(found)}/{len(found)}" for kind, found in by_kind.items())
    line = f"{name}: {sum(hits.values())}/{len(table)} find their section in the top {TOP} ({kinds})"
    missed = [f"{query!r} -> {expected}" for query, expected, _ in table if not hits[query]]
    return line + ("; missed: " + ", ".join(missed) if missed else "")


def test_hit_rate(search, record_property):
    """Reports how many queries hit, by kind of query, for the first table and for the readers'
    words (written before search was tuned for them) apart; `make test` prints the line in its
    summary."""
    line = (
        "site search: "
        + hit_rate(search, "queries", QUERIES)
        + " | "
        + hit_rate(search, "readers' words", READER_QUERIES)
    )
    record_property("summary", line)
    print(line)
    assert search.tab.console_errors == []


def test_typos_are_forgiven_after_instant_navigation(page, site_url, instant_navigation):
    """docs/javascripts/search.js sets itself up once per page load; a page reached by instant
    navigation keeps the same search worker, so its search forgives typos too."""
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    page.locator("nav.md-nav--primary").get_by_role("link", name="Storage", exact=True).first.click()
    page.wait_for_url("**/storage/")
    assert len(instant_navigation) == 1, f"pages were reloaded, not reached by instant navigation: {instant_navigation}"
    search = SiteSearch(page, site_url, navigate=False)
    assert "databases/#dynamodb" in search.top("dyanmodb")
    assert page.console_errors == []
