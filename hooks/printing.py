"""MkDocs hook: print support. Outside links say where they go on paper, and each family page
names its PDF (`make pdf` renders them); under `mkdocs serve`, which renders none, the templates'
PDF links print instead.

Wiring only; the logic lives in `notekit.printing`. The cheat sheet page is put together by
hooks/site.py, with the other pages generated from all the pages at once.
"""

from __future__ import annotations

from notekit import printing, site

# Set once per process, by the command: `mkdocs serve` renders no PDF files (`make pdf` does).
# `mkdocs serve --clean` asks MkDocs for a plain build (it reports the command as "build"), PDF
# links included; `make serve` does not use it.
pdf_files = True


def on_startup(command, dirty):
    global pdf_files
    pdf_files = command != "serve"


def on_page_markdown(markdown, page, config, files):
    if site.is_family(page.file.src_uri):
        page.meta.setdefault("pdf", page.file.src_uri.removesuffix(".md") + ".pdf")
    return None


def on_page_content(html, page, config, files):
    return printing.mark_outside_links(html)


def on_page_context(context, page, config, nav):
    context["pdf_files"] = pdf_files  # overrides/partials/print-actions.html
    return context
