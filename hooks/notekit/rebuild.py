"""What a dirty rebuild (`mkdocs serve --dirty`, as `make serve` runs it) may leave unrendered.

MkDocs renders again only the pages whose source changed. The site's generated parts (the term
index, links, the glossary and its "Mentioned on", the cheat sheet) need every page, so the build
carries over, from one rebuild to the next, what it learned of each page (`PageRecord`). That is
right as long as an edit changes nothing that other pages show: a page's front matter (its terms,
its title) and its title heading. When an edit touches those, when pages come or go, or when the
theme or configuration changes, every page is rendered again (`full_rebuild_reason`).
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from notekit.frontmatter import FRONT_MATTER

# Every line that may be a first-level heading: `# Title`, `#Title`, or a line underlined `===`.
# More than the title (a `# comment` in a code block too): a needless full rebuild costs time only.
TITLE_LINES = re.compile(r"^#(?!#).*$|^.+\n=+[ \t]*$", re.MULTILINE)


def signature(source_text: str) -> str:
    """The part of a page's source that other pages show: its front matter and its title lines."""
    front_matter = FRONT_MATTER.match(source_text)
    body_start = front_matter.end() if front_matter else 0
    return source_text[:body_start] + "\n" + "\n".join(TITLE_LINES.findall(source_text, body_start))


@dataclass
class PageRecord:
    """What the pipeline needs of a page that a dirty rebuild does not render."""

    signature: str
    terms: tuple  # (terms, problems), as read from its front matter
    title: str
    url: str
    mentioned: set[str] = field(default_factory=set)  # the terms it mentions
    cheatsheet_part: str = ""  # its section of the cheat sheet, when it is a service family


@dataclass
class CarriedBuild:
    """What one build leaves for the next dirty rebuild into the same folder."""

    site_dir: str
    pages: dict[str, PageRecord]  # by Markdown source
    glossary_entries: list[str]  # the glossary's entries by letter, linked: they change only with the terms
    linker: object  # the terms' notekit.linker.TermLinker: made from the terms alone
    theme_mtime: float  # the newest modification time among the theme overrides and mkdocs.yml
    started: float = 0.0  # when that build began to read the pages: a page saved since may be stale


def full_rebuild_reason(
    carried: CarriedBuild | None, site_dir: str, urls: dict[str, str], edited: dict[str, str], theme_mtime: float
) -> str | None:
    """Why this dirty rebuild must render every page, or None when the edited pages suffice.

    `urls` maps the site's pages now to their URLs; `edited` maps those MkDocs will render again
    (their source is newer than their HTML) to their signature. Material's search plugin keeps,
    in a dirty rebuild, the records of one rendered page, found by its URL as a prefix.
    """
    if carried is None or carried.site_dir != site_dir:
        return "nothing is known of the pages it would not render (a first build, or one that failed)"
    if theme_mtime > carried.theme_mtime:
        return "the theme overrides or mkdocs.yml changed"
    if urls.keys() != carried.pages.keys():
        return "pages were added or removed"
    for source, page_signature in sorted(edited.items()):
        if page_signature != carried.pages[source].signature:
            return f"{source} changed its front matter or its title, which other pages show"
    if len(edited) > 1:
        return "more than one page changed, and site search can take in one at a time"
    for source in edited:
        if any(other != urls[source] and other.startswith(urls[source]) for other in urls.values()):
            return f"site search cannot tell the records of {source} from those of the pages under it"
    return None


def newest_mtime(files: list[Path], folder: Path | None) -> float:
    """The newest modification time among `files` and every file in `folder`."""
    paths = files + ([path for path in folder.rglob("*") if path.is_file()] if folder else [])
    return max((path.stat().st_mtime for path in paths), default=0.0)


class WarningCount(logging.Handler):
    """Counts the warnings of a build. After one with warnings, the next renders every page, so
    that under `--strict` a warning is said again until it is fixed, not only while its page is
    the one being edited."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class DirtyBuildNotice(logging.Filter):
    """MkDocs warns on every dirty build that navigation and links may be stale. hooks/site.py
    renders every page again whenever an edit could change what other pages show
    (`full_rebuild_reason`), so here that is information: it must not fail `make serve`'s strict
    build."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith("A 'dirty' build is being"):
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


@dataclass(frozen=True)
class SourceFile:
    """A page's source as a dirty rebuild sees it."""

    source: str  # "storage.md"
    url: str  # as site search names it: "storage/", and "" for the home page
    src_path: str
    dest_path: str  # its HTML
    modified: bool  # MkDocs renders it again: its source is newer than its HTML


@dataclass
class Plan:
    """What this build renders, and what it takes over from the last one."""

    carried_in: CarriedBuild | None  # None: every page is rendered
    signatures: dict[str, str]  # of the pages read again
    render_again: list[str]  # HTML files to make older than their sources, so MkDocs renders them
    reason: str | None  # why every page is rendered, to say (None on a first build)
    started: float


class DirtyRebuilds:
    """What `mkdocs serve --dirty` keeps from one build to the next: the last build's pages
    (`CarriedBuild`), and the warnings of the current build (`WarningCount`)."""

    def __init__(self):
        self.carried: CarriedBuild | None = None
        self.warnings = WarningCount()
        self.builds = 0

    def plan(self, site_dir: str, files: list[SourceFile], theme_mtime: float, now: float) -> Plan:
        # Taken, not shared: a build that fails before it carries its own over renders every page next.
        known, self.carried = self.carried, None
        self.builds += 1
        # MkDocs renders a page again when its source is newer than its HTML; a source saved while
        # the last build ran may be older than the HTML that build wrote from the version before it.
        saved_since = known.started if known is not None else 0.0
        edited = [file for file in files if file.modified or os.path.getmtime(file.src_path) >= saved_since]
        signatures = {file.source: signature(read(file.src_path)) for file in edited}
        render_again = [file.dest_path for file in edited if not file.modified]
        urls = {file.source: file.url for file in files}
        reason = full_rebuild_reason(known, site_dir, urls, signatures, theme_mtime)
        if reason is None:
            return Plan(known, signatures, render_again, None, now)
        render_again += [
            file.dest_path for file in files if file.source not in signatures and os.path.exists(file.dest_path)
        ]
        return Plan(None, signatures, render_again, reason if self.builds > 1 else None, now)

    def keep(self, carried: CarriedBuild) -> None:
        """Keep what this build learned, unless it had warnings: the next build then renders every
        page, so that a warning is said again until it is fixed."""
        if not self.warnings.count:
            self.carried = carried


def read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as source:  # as MkDocs reads a page
        return source.read()
