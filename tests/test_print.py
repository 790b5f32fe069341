"""Print: the chrome hides, two columns, light in dark mode, and PDFs that hold the whole page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from notekit import printing
from notekit.printing import compact_url, mark_outside_links
from notekit.site import CHEATSHEET_PDF
from support import FAMILY_ANCHORS

from tools.pdf import Printout, measure, render, targets
from tools.serve import serve_directory
from tools.sitetext import normalise

pytestmark = pytest.mark.browser
FAMILIES = list(FAMILY_ANCHORS)
# What pdffonts lists for the bundled Roboto and Roboto Mono faces, with Chromium's subset prefix.
BUNDLED_FONT = re.compile(r"[A-Z]{6}\+(?:Roboto|RobotoMono)-(?:Regular|Bold)")
UNDERLINED = """[...document.querySelectorAll("article *")]
    .filter(e => getComputedStyle(e).textDecorationLine.includes("underline") && e.getClientRects().length)
    .map(e => e.tagName.toLowerCase() + ": " + e.textContent.trim().slice(0, 40))"""
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".print-actions"]
CHEATSHEET = CHEATSHEET_PDF
# The whole notes print on at most four sheets, the last with room to spare, so that a small edit to
# the notes does not push it to a fifth.
CHEATSHEET_PAGES, CHEATSHEET_FREE_ROOM = 4, 0.15


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
def pdfs(site_dir, browser, tmp_path_factory) -> dict[str, tuple[Printout, Path]]:
    """Every PDF `make pdf` makes, rendered from a copy of the built site, measured."""
    site = tmp_path_factory.mktemp("print") / "site"
    shutil.copytree(site_dir, site)
    printouts = render(site, browser)
    return {name: (printout, site / "pdf" / name) for name, printout in printouts.items()}


def meets_the_print_targets(printout: Printout, paper: str) -> None:
    if printout.name != CHEATSHEET:
        assert printout.pages == 1, f"{printout.name} prints on {printout.pages} {paper} pages"
        return
    assert printout.pages <= CHEATSHEET_PAGES, f"the cheat sheet prints on {printout.pages} {paper} pages"
    assert printout.last_page_free >= CHEATSHEET_FREE_ROOM, (
        f"the cheat sheet's last {paper} page is only {printout.last_page_free:.0%} free"
    )


def squeezed(text: str) -> str:
    """Without spaces and hyphens: pdftotext joins words broken at a hyphen, and lines anywhere."""
    return re.sub(r"[\s\-]+", "", normalise(text))


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return squeezed(text)


def test_each_family_page_fits_one_a4_side_and_the_whole_notes_four(pdfs, pages, record_property):
    for source in FAMILIES:
        assert 'class="md-button own-pdf"' in pages[source].html, f"{source} has no PDF link of its own"
    assert sorted(pdfs) == sorted([source.removesuffix(".md") + ".pdf" for source in FAMILIES] + [CHEATSHEET])
    for printout, _ in pdfs.values():
        meets_the_print_targets(printout, "A4")
    cheatsheet = pdfs[CHEATSHEET][0]
    record_property(
        "summary",
        f"print, A4: {len(pdfs) - 1} family pages on one side each; the whole notes on {cheatsheet.pages} pages, "
        f"{cheatsheet.last_page_free:.0%} of the last free",
    )


def test_every_pdf_embeds_only_the_bundled_fonts(pdfs):
    for name, (_, path) in pdfs.items():
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = [line.split()[0] for line in listing.splitlines()[2:]]
        assert fonts, f"{name} embeds no font"
        foreign = [font for font in fonts if not BUNDLED_FONT.fullmatch(font)]
        assert not foreign, f"{name} embeds {foreign}, fonts the site does not ship"


def test_links_print_without_an_underline_that_could_touch_the_next_line(page, site_url):
    """At print's tight line height an underline runs into the line below: links print as plain text."""
    for path in ("compute/", "cheatsheet/"):
        page.goto(site_url + path)
        page.emulate_media(media="print")
        underlined = page.evaluate(UNDERLINED)
        assert not underlined, f"{path} prints underlined: {underlined}"


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
    printout, path = pdfs[CHEATSHEET]
    text = pdf_text(path)
    assert text.count(squeezed("Cheat sheet · AWS Notes · built")) == printout.pages
    assert all(squeezed(f"page {n} of {printout.pages}") in text for n in range(1, printout.pages + 1))


def test_the_whole_notes_hold_every_heading_and_term(pdfs, pages):
    text = pdf_text(pdfs[CHEATSHEET][1])
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


def test_us_letter_paper_meets_the_same_targets(browser, site_dir, tmp_path):
    """A reader who picks Letter in the print dialog: the A4 layout still fits its shorter sheet."""
    tab = browser.new_page()
    tab.emulate_media(media="print")
    try:
        with serve_directory(site_dir) as base:
            for path, name in targets(site_dir):
                tab.goto(base + path, wait_until="networkidle")
                pdf = tmp_path / name
                pdf.write_bytes(tab.pdf(format="Letter", prefer_css_page_size=False, print_background=True))
                meets_the_print_targets(measure(pdf), "Letter")
    finally:
        tab.close()


def test_family_pdfs_print_each_claims_source_which_the_cheat_sheet_leaves_to_them(pdfs, pages):
    for source in FAMILIES:
        text = pdf_text(pdfs[source.removesuffix(".md") + ".pdf"][1])
        cited = [a.get_text() for a in pages[source].article.select("a.claim-source, .claim-sources a")]
        missing = [title for title in cited if squeezed(title) not in text]
        assert not missing, f"{source}'s PDF does not print the sources {missing}"
    cheatsheet = pdf_text(pdfs[CHEATSHEET][1])
    assert re.search(r"checked\d{6}", cheatsheet), "the cheat sheet's boxes lost their checked month"
    assert squeezed("Source:") not in cheatsheet and squeezed("Sources, checked") not in cheatsheet


def test_a_cheat_sheet_section_renames_ids_and_their_links_in_tags_only():
    page_html = (
        '<h2 id="ebs">EBS</h2><p><a class="x" href="#ebs">here</a> <code>&lt;div id="main"&gt; href="#a"</code> '
        '<a\nhref="#y">y</a><span\n id="z">z</span> <a href="./#q" id="w">q</a> <a href="../other/#ebs">o</a></p>'
    )
    section = printing.cheatsheet_section("storage", page_html)
    assert '<h3 id="storage-ebs">EBS</h3>' in section and 'href="#storage-ebs"' in section
    assert '&lt;div id="main"&gt; href="#a"' in section  # code that only looks like markup
    assert 'href="#storage-y"' in section and 'id="storage-z"' in section  # attributes after a line break
    assert '<a href="#storage-q" id="storage-w">' in section and 'href="../other/#ebs"' in section
    assert section.startswith('<section class="cheatsheet-page">\n<h3') and section.endswith("</p>\n</section>")


def test_a_cheat_sheet_section_leaves_attributes_that_only_look_like_ids_and_links():
    page_html = (
        '<p>Write id="x" and href="#y" in prose.</p><div data-id="d" id="real"><a data-href="#h" href="#t">t</a>'
        '<abbr href="#not-a-link">b</abbr><a\thref="./#tab">tab</a></div>'
    )
    section = printing.cheatsheet_section("s", page_html)
    assert 'Write id="x" and href="#y" in prose.' in section
    assert '<div data-id="d" id="s-real">' in section and '<a data-href="#h" href="#s-t">' in section
    assert 'href="#not-a-link"' in section and '<a\thref="#s-tab">' in section
