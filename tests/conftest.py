"""Fixtures shared by the tests: the real site built once, served, and opened in Chromium.

The helpers that build variants of the site, and the paths, are in support.py, which tests import.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.parse
from pathlib import Path

import pytest
from support import ROOT, mkdocs_build

from tools.sitetext import built_pages


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> subprocess.CompletedProcess[str]:
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site_dir)
    result.site_dir = site_dir  # type: ignore[attr-defined]
    return result


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    """The real site, built once per test run with `--strict`."""
    assert site_build.returncode == 0, f"strict build failed:\n{site_build.stderr}"
    return site_build.site_dir


@pytest.fixture(scope="session")
def pages(site_dir):
    """Every built page of the nav, keyed by its Markdown source ('compute.md')."""
    return built_pages(ROOT / "mkdocs.yml", site_dir)


@pytest.fixture(scope="module")
def glossary(site_dir) -> list[dict]:
    """The terms of the built glossary.json."""
    return json.loads((site_dir / "glossary.json").read_text(encoding="utf-8"))["terms"]


# -- Browser tests: Playwright drives Debian's chromium, never a downloaded browser -------------


@pytest.fixture(scope="session")
def site_url(site_dir):
    from tools.serve import serve_directory

    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def missing_page_url(site_dir):
    """A missing page's address on a server that answers it with 404.html, as GitHub Pages does.

    404.html links its styles and scripts from site_url's path (it is served at any depth), so the
    site is served under that path, as on the real host.
    """
    from tools.serve import PagesHandler, built_site_url, serve_directory

    prefix = urllib.parse.urlsplit(built_site_url(site_dir)).path
    with serve_directory(site_dir, type("Handler", (PagesHandler,), {"prefix": prefix})) as root:
        yield root.rstrip("/") + prefix + "no-such-page/"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tools.chromium import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized tab; `page.console_errors` collects what the page logged as errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.console_errors = []
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture
def instant_navigation(page, site_url, site_dir) -> list[str]:
    """Lets Material navigate instantly on the test server; yields the URLs of full page loads.

    Material navigates instantly only to the pages its sitemap.xml lists, at the deployed address
    (site_url in mkdocs.yml); the test server is elsewhere, so the tab gets the sitemap readdressed.
    A test that clicks through the site asserts that only its first `goto` loaded a document.
    """
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    deployed_home = min(re.findall(r"<loc>([^<]+)</loc>", sitemap), key=len)
    local = sitemap.replace(deployed_home, site_url)
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=local, content_type="application/xml"))
    loads: list[str] = []
    page.on("load", lambda tab: loads.append(tab.url))
    return loads


def pytest_terminal_summary(terminalreporter):
    """Shows, after the run, each line a test recorded with `record_property("summary", line)`:
    figures worth reading even when every test passes, such as the site search hit rate."""
    lines = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for key, value in getattr(report, "user_properties", ())
        if key == "summary"
    ]
    if lines:
        terminalreporter.write_sep("-", "summary")
        for line in lines:
            terminalreporter.write_line(line)
