"""MkDocs hook: every claim a page adds to the notes cites an official AWS page and the month it
was checked (`notekit.claims`), and shows that month whole.

A box, a "Sources" line or a glossary term without an official source or a usable month is one
warning naming the file and the line, so `mkdocs build --strict` fails instead of publishing a
fact nobody can trace. (hooks/site.py checks the terms' references, with the term index.)
"""

from __future__ import annotations

from datetime import date

from mkdocs.plugins import get_plugin_logger
from notekit.claims import claim_problems, claims_in_page, mark_checked_months
from notekit.page_rules import first_body_line

log = get_plugin_logger(__name__)


def on_page_markdown(markdown, page, config, files):
    source = page.file.src_uri
    claims, problems = claims_in_page(markdown, source)
    if problems or claim_problems(claims, date.today()):
        # Lines as in the file, front matter counted: read again only for a page with a problem.
        claims, problems = claims_in_page(markdown, source, first_body_line(page.file.content_string, markdown))
    for problem in problems:
        log.warning("%s: %s", source, problem)
    for problem in claim_problems(claims, date.today()):
        log.warning("%s", problem)
    return None


def on_page_content(html, page, config, files):
    return mark_checked_months(html)
