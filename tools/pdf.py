"""`make pdf`: print every family page, and the whole notes, to PDF with headless Chromium.

    python -m tools.pdf SITE_DIR

Serves SITE_DIR on 127.0.0.1 and prints to PDF, with Chromium's own print (the page's CSS decides
the paper and margins), every page that links to a PDF of its own (`a.own-pdf`, which the print
hook gives each family page and the cheat sheet): SITE_DIR/pdf/<page>.pdf and
SITE_DIR/pdf/aws-notes-cheatsheet.pdf. Nothing is fetched from the internet. Prints each PDF's
page count and how much of its last page is left free (read back with poppler's pdftotext).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools.chromium import launch
from tools.serve import serve_directory
from tools.sitetext import built_pages

ROOT = Path(__file__).resolve().parents[1]
PRINT_CSS = ROOT / "docs" / "stylesheets" / "print.css"
OWN_PDF = re.compile(r'<a class="md-button own-pdf" href="[^"]*?pdf/(?P<name>[^"/]+\.pdf)"')
WORD = re.compile(
    r'<word xMin="[\d.]+" yMin="(?P<top>[\d.]+)" xMax="[\d.]+" yMax="(?P<bottom>[\d.]+)">(?P<text>[^<]*)</word>'
)
PAGE_HEIGHT = re.compile(r'<page width="[\d.]+" height="(?P<height>[\d.]+)">')
POINTS_PER_MM = 72 / 25.4


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


def page_margins_mm(css: str | None = None) -> tuple[float, float]:
    """The top and bottom page margins that print.css gives the paper (`@page { margin: T R B }`)."""
    css = PRINT_CSS.read_text(encoding="utf-8") if css is None else css
    found = re.search(r"@page\s*{[^}]*?\bmargin:\s*([\d.]+)mm\s+[\d.]+mm\s+([\d.]+)mm", css)
    if not found:
        raise SystemExit(f"{PRINT_CSS}: no `@page {{ margin: <top>mm <sides>mm <bottom>mm }}` to measure pages by")
    return float(found.group(1)), float(found.group(2))


def last_page_free_room(pdf_path: Path) -> float:
    """The share of the last page's text area (the paper inside print.css's margins) left empty
    below its lowest line of text, 0.0 to 1.0. Chromium balances the columns of a last page, so
    the lowest line is where the page's content ends.
    """
    pages = page_count(pdf_path.read_bytes())
    layout = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), "-bbox", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    height = float(PAGE_HEIGHT.search(layout).group("height"))
    top_mm, bottom_mm = page_margins_mm()
    area_top, area_bottom = top_mm * POINTS_PER_MM, height - bottom_mm * POINTS_PER_MM
    # The footer line (title, "page N of M") is printed in the bottom margin, below the text area.
    lowest = max(
        (float(word["bottom"]) for word in WORD.finditer(layout) if float(word["top"]) < area_bottom),
        default=area_top,
    )
    return max(0.0, (area_bottom - lowest) / (area_bottom - area_top))


@dataclass(frozen=True)
class Printout:
    name: str
    pages: int
    last_page_free: float  # 0.0 to 1.0

    def __str__(self) -> str:
        pages = f"{self.pages:>2} page{'s' if self.pages != 1 else ' '}"
        return f"{pages}  {self.last_page_free:4.0%} of the last page free  pdf/{self.name}"


def measure(pdf_path: Path) -> Printout:
    return Printout(pdf_path.name, page_count(pdf_path.read_bytes()), last_page_free_room(pdf_path))


def render(site_dir: Path, browser=None) -> dict[str, Printout]:
    """Write the PDFs into SITE_DIR/pdf; each one measured, by file name. Starts Chromium unless given one."""
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
    printouts = {}
    with serve_directory(site_dir) as base:
        page = browser.new_page()
        page.emulate_media(media="print")
        for path, name in targets(site_dir):
            page.goto(base + path, wait_until="networkidle")
            (out / name).write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
            printouts[name] = measure(out / name)
        page.close()
    return printouts


def main(site_dir: Path) -> int:
    if not (site_dir / "index.html").exists():
        print(f"{site_dir} holds no built site: run `make build` first", file=sys.stderr)
        return 2
    for printout in render(site_dir).values():
        print(printout)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
