"""MkDocs hook: print support. Outside links say where they go on paper, family pages name
their PDF, and the generated cheat sheet page holds every family page in navigation order.

Wiring only; the logic lives in `notekit.printing`. The cheat sheet is put together in `on_env`
after the glossary hook has linked every page (lower priority runs later), so it carries the
same cross-links; the glossary hook fills in the cheat sheet's compact glossary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from notekit import printing


@dataclass
class BuildState:
    nav_pages: list = field(default_factory=list)


# MkDocs imports a hook once per process: `mkdocs serve` rebuilds start from a fresh state.
state = BuildState()
# Set once per process, by the command: `mkdocs serve` renders no PDF files (`make pdf` does).
# `mkdocs serve --clean` asks MkDocs for a plain build (it reports the command as "build"), PDF
# links included; `make serve` does not use it.
pdf_files = True


def on_startup(command, dirty):
    global pdf_files
    pdf_files = command != "serve"


def on_config(config):
    global state
    state = BuildState()


def on_files(files, config):
    if files.get_file_from_path(printing.CHEATSHEET_SOURCE) is not None:
        raise PluginError(f"docs/{printing.CHEATSHEET_SOURCE} exists, but the print hook generates it: remove it")
    files.append(File.generated(config, printing.CHEATSHEET_SOURCE, content=printing.CHEATSHEET_MARKDOWN))
    return files


def on_nav(nav, config, files):
    state.nav_pages = list(nav.pages)
    return nav


def is_family(page) -> bool:
    return page.file.src_uri not in printing.NOT_FAMILIES


def on_page_markdown(markdown, page, config, files):
    if is_family(page):
        page.meta.setdefault("pdf", page.file.src_uri.removesuffix(".md") + ".pdf")
    return None


def on_page_content(html, page, config, files):
    return printing.mark_outside_links(html)


def on_page_context(context, page, config, nav):
    context["pdf_files"] = pdf_files  # overrides/partials/print-actions.html
    return context


@event_priority(-50)  # after the glossary hook has linked the pages
def on_env(env, config, files):
    cheatsheet = next(p for p in state.nav_pages if p.file.src_uri == printing.CHEATSHEET_SOURCE)
    families = [
        (page.file.src_uri.removesuffix(".md"), page.title, page.content)
        for page in state.nav_pages
        if is_family(page) and page.content is not None
    ]
    cheatsheet.content = cheatsheet.content.replace(printing.PAGES_PLACEHOLDER, printing.combine_pages(families))
    return env
