"""Print: the chrome hides, two columns, light in dark mode, and PDFs that hold the whole page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from serve import serve_directory
from sitetext import normalise
from test_build import FAMILY_ANCHORS

sys.path.insert(0, str(Path(__file__).parent / "printing"))
from make_pdf import page_count, render, targets  # noqa: E402
from notekit.printing import compact_url, mark_outside_links  # noqa: E402

pytestmark = pytest.mark.browser
FAMILIES = list(FAMILY_ANCHORS)
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".print-actions"]
# Compute is the largest family page (about 1,000 words, seventeen terms, a five-row table): two sides.
MAX_PAGES = {"compute.pdf": 2}


def test_print_hides_the_chrome_and_sets_two_columns_under_a_spanning_title(page, site_url):
    page.goto(site_url + "storage/")
    page.emulate_media(media="print")
    for selector in CHROME:
        assert page.eval_on_selector(selector, "e => getComputedStyle(e).display") == "none", selector
    article = "document.querySelector('article.md-typeset')"
    assert page.evaluate(f"getComputedStyle({article}).columnCount") == "2"
    assert page.evaluate("getComputedStyle(document.querySelector('article h1')).columnSpan") == "all"
    size = page.evaluate(f"parseFloat(getComputedStyle({article}.querySelector('p')).fontSize)")
    assert size >= 8 * 96 / 72, f"body text is {size}px, under 8 pt"


def test_a_page_viewed_in_dark_mode_prints_light(page, site_url):
    page.goto(site_url + "storage/")
    page.get_by_title("Switch to dark mode").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.emulate_media(media="print")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    text = page.evaluate("getComputedStyle(document.querySelector('article p')).color")
    assert background == "rgb(255, 255, 255)"
    assert all(int(channel) < 100 for channel in re.findall(r"\d+", text)[:3]), text


def test_the_print_button_calls_the_browsers_print(page, site_url):
    page.goto(site_url + "compute/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.locator("[data-print-page]").click()
    assert page.evaluate("window.printed === true")


@pytest.fixture(scope="module")
def pdfs(site_dir, browser, tmp_path_factory):
    """Every PDF `make pdf` makes, rendered from a copy of the built site."""
    site = tmp_path_factory.mktemp("print") / "site"
    shutil.copytree(site_dir, site)
    counts = render(site, browser)
    return {name: (count, site / "pdf" / name) for name, count in counts.items()}


def squeezed(text: str) -> str:
    """Without spaces and hyphens: pdftotext joins words broken at a hyphen, and lines anywhere."""
    return re.sub(r"[\s\-]+", "", normalise(text))


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return squeezed(text)


def test_each_family_page_fits_one_a4_side(pdfs, pages):
    for source in FAMILIES:
        assert 'class="md-button own-pdf"' in pages[source].html, f"{source} has no PDF link of its own"
        name = source.removesuffix(".md") + ".pdf"
        count, _ = pdfs[name]
        assert count <= MAX_PAGES.get(name, 1), f"{name} prints on {count} A4 pages"


def test_each_pdf_holds_every_heading_and_term_of_its_page(pdfs, pages):
    for name, (_, path) in pdfs.items():
        source = name.removesuffix(".pdf") + ".md"
        if source not in pages:
            continue
        text = pdf_text(path)
        article = pages[source].article
        headings = [h.get_text(" ").replace("¶", "") for h in article.find_all(["h1", "h2", "h3"])]
        terms = [a.get_text(" ") for a in article.select("a.glossary-link")]
        missing = [item for item in headings + terms if squeezed(item) not in text]
        assert not missing, f"{name} lacks {missing}"


def test_outside_links_print_where_they_go_and_internal_ones_do_not(pdfs):
    text = pdf_text(pdfs["tools.pdf"][1])
    assert squeezed("(realpython.com/python-boto3-aws-s3)") in text
    assert "(../" not in text and "127.0.0.1" not in text


def test_compact_url_and_marking_outside_links():
    assert compact_url("https://www.example.com/a/b/?utm=1#x") == "example.com/a/b"
    marked = mark_outside_links('<a href="https://aws.amazon.com/free/">x</a> <a href="../storage/">y</a>')
    assert marked == (
        '<a href="https://aws.amazon.com/free/" data-print-url="aws.amazon.com/free">x</a> <a href="../storage/">y</a>'
    )


def test_each_printed_page_has_the_footer_line(pdfs):
    count, path = pdfs["compute.pdf"]
    text = pdf_text(path)
    assert text.count(squeezed("Compute · AWS Notes · built")) == count
    assert all(squeezed(f"page {n} of {count}") in text for n in range(1, count + 1))


def test_the_whole_notes_fit_four_a4_pages_with_every_heading_and_term(pdfs, pages):
    count, path = pdfs["aws-notes-cheatsheet.pdf"]
    assert count <= 4, f"the cheat sheet prints on {count} A4 pages"
    text = pdf_text(path)
    headings = [
        h.get_text(" ").replace("¶", "")
        for source in FAMILIES
        for h in pages[source].article.find_all(["h1", "h2", "h3"])
        if h.get("id") != "further-reading"  # reading lists stay on their pages and on Resources
    ]
    terms = [dt.get_text(" ") for dt in pages["cheatsheet.md"].article.select(".cheatsheet-glossary dt")]
    assert len(terms) >= 60
    missing = [item for item in headings + terms if squeezed(item) not in text]
    assert not missing, f"the cheat sheet lacks {missing}"


def test_us_letter_paper_meets_the_same_targets(browser, site_dir):
    """A reader who picks Letter in the print dialog: the A4 layout still fits its shorter sheet."""
    tab = browser.new_page()
    tab.emulate_media(media="print")
    try:
        with serve_directory(site_dir) as base:
            for path, name in targets(site_dir):
                tab.goto(base + path, wait_until="networkidle")
                count = page_count(tab.pdf(format="Letter", prefer_css_page_size=False, print_background=True))
                limit = 4 if name == "aws-notes-cheatsheet.pdf" else MAX_PAGES.get(name, 1)
                assert count <= limit, f"{name} prints on {count} Letter pages"
    finally:
        tab.close()
