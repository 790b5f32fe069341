"""`make pdf`: print every family page, and the whole notes, to PDF with headless Chromium.

    python tests/printing/make_pdf.py SITE_DIR

Serves SITE_DIR on 127.0.0.1 and prints to PDF, with Chromium's own print (the page's CSS decides
the paper and margins), every page that links to a PDF of its own (`a.own-pdf`, which the print
hook gives each family page and the cheat sheet): SITE_DIR/pdf/<page>.pdf and
SITE_DIR/pdf/aws-notes-cheatsheet.pdf. Nothing is fetched from the internet. Prints the page
count of each PDF.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))
from chromium import launch  # noqa: E402
from serve import serve_directory  # noqa: E402
from sitetext import built_pages  # noqa: E402

ROOT = TESTS.parent
OWN_PDF = re.compile(r'<a class="md-button own-pdf" href="[^"]*?pdf/(?P<name>[^"/]+\.pdf)"')


def targets(site_dir: Path) -> list[tuple[str, str]]:
    """(page URL path, PDF file name) for each page of the nav that has a PDF of its own."""
    found = []
    for source, page in built_pages(ROOT / "mkdocs.yml", site_dir).items():
        own = OWN_PDF.search(page.html)
        if own:
            found.append((source.removesuffix(".md") + "/", own.group("name")))
    return found


def page_count(pdf: bytes) -> int:
    """Pages in a PDF as Chromium writes it: one /Type /Page object per page."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def render(site_dir: Path, browser=None) -> dict[str, int]:
    """Write the PDFs into SITE_DIR/pdf; their page counts by file name. Starts Chromium unless given one."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                return render(site_dir, browser)
            finally:
                browser.close()
    out = site_dir / "pdf"
    out.mkdir(exist_ok=True)
    counts = {}
    with serve_directory(site_dir) as base:
        page = browser.new_page()
        page.emulate_media(media="print")
        for path, name in targets(site_dir):
            page.goto(base + path, wait_until="networkidle")
            pdf = page.pdf(prefer_css_page_size=True, print_background=True)
            (out / name).write_bytes(pdf)
            counts[name] = page_count(pdf)
        page.close()
    return counts


def main(site_dir: Path) -> int:
    if not (site_dir / "index.html").exists():
        print(f"{site_dir} holds no built site: run `make build` first", file=sys.stderr)
        return 2
    for name, pages in render(site_dir).items():
        print(f"{pages:>2} page{'s' if pages != 1 else ' '}  pdf/{name}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
