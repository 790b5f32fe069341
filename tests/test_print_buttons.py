"""The print buttons do what they say: hidden where they cannot work, honest about what they print,
working under `make serve`, and a 404 page that leads back home."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from notekit.site import CHEATSHEET_PDF, NOT_FAMILIES
from support import ROOT

pytestmark = pytest.mark.browser

# The page's print() is replaced, on every document the tab opens, by a counter the test can read.
COUNT_PRINTS = "window.print = () => { window.printed = (window.printed || 0) + 1; };"
PRINT_LABEL = re.compile(r"Print fold-over cards \((\d+) pages?\)")


def test_without_javascript_only_the_pdf_link_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    try:
        for path, pdf in (("compute/", "PDF"), ("glossary/", "All notes as PDF")):
            tab.goto(site_url + path)
            assert not tab.locator("[data-print-page]").is_visible(), f"{path}: a print button that cannot print"
            link = tab.locator(".print-actions a", has_text=pdf)
            assert link.is_visible() and link.get_attribute("href").endswith(".pdf"), path
    finally:
        context.close()


def printed_pages(tab) -> int:
    """Pages of the tab printed as `make pdf` prints, counted by poppler's pdfinfo."""
    tab.emulate_media(media="print")
    pdf = tab.pdf(prefer_css_page_size=True, print_background=True)
    tab.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def test_the_study_print_buttons_say_how_many_pages_of_cards_they_print(page, site_url):
    page.goto(site_url + "study/")
    page.locator("#study-app").wait_for(state="visible")
    buttons = page.locator(".print-actions .print-button, [data-act=print]")

    def promised_pages() -> int:
        labels = {buttons.nth(i).inner_text() for i in range(buttons.count())}
        assert buttons.count() == 2 and len(labels) == 1, labels
        return int(PRINT_LABEL.fullmatch(labels.pop()).group(1))

    every_family = promised_pages()
    assert every_family == printed_pages(page) > 1
    # One family: fewer cards, fewer pages, and the labels follow.
    page.get_by_text("Families and options").click()
    boxes = page.locator("[data-families] input[type=checkbox]")
    for i in range(1, boxes.count()):
        boxes.nth(i).uncheck()
    one_family = promised_pages()
    assert one_family == printed_pages(page) < every_family


@contextlib.contextmanager
def mkdocs_serve():
    """`make serve`'s command on a free port; yields its address once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload", "--dev-addr", url[7:-1]]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except (urllib.error.URLError, ConnectionError) as error:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"mkdocs serve did not start: {error}\n{server.stderr.read()}") from error
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_under_make_serve_the_pdf_buttons_print_instead_of_pointing_at_missing_files(browser):
    context = browser.new_context()
    context.add_init_script(COUNT_PRINTS)
    tab = context.new_page()
    try:
        with mkdocs_serve() as url:
            tab.goto(url + "compute/")
            assert tab.locator(".print-actions a[href$='.pdf']").count() == 0, "a link to a PDF serve does not make"
            tab.locator(".print-actions button", has_text="PDF").click()
            assert tab.evaluate("window.printed") == 1

            tab.goto(url + "glossary/")
            link = tab.locator(".print-actions a", has_text="All notes as PDF")
            assert link.get_attribute("href").endswith("cheatsheet/#print")
            link.click()
            tab.wait_for_function("() => window.printed === 1")
            assert tab.url == url + "cheatsheet/", "the #print request stays in the address"
            assert tab.locator("article h1").inner_text().startswith("AWS Notes cheat sheet")
    finally:
        context.close()


def test_a_built_site_links_the_pdf_files_make_pdf_writes(pages, site_dir):
    """Each family page (and the cheat sheet) links its own PDF; every other page the whole notes'."""
    for source, page in pages.items():
        actions = re.search(r'<div class="print-actions">(.*?)</div>', page.html, re.S).group(1)
        hrefs = re.findall(r'href="([^"]+)"', actions)
        assert len(hrefs) == 1, (source, hrefs)
        target = (page.path.parent / hrefs[0]).resolve().relative_to(site_dir.resolve()).as_posix()
        own = "pdf/" + (CHEATSHEET_PDF if source in NOT_FAMILIES else source.removesuffix(".md") + ".pdf")
        assert target == own, f"{source} links {target}"


def test_the_404_page_links_back_home(browser, missing_page_url):
    tab = browser.new_page()
    try:
        response = tab.goto(missing_page_url)
        assert response.status == 404
        tab.get_by_role("link", name="Go to the home page").click()
        tab.wait_for_load_state()
        assert tab.locator("article h1").inner_text().startswith("AWS Notes")
        assert tab.url == missing_page_url.removesuffix("no-such-page/")
    finally:
        tab.close()
