"""MkDocs hook: every notes page has a title, a description, text, and stable section anchors.

Each problem is one warning naming the file and the heading, so `mkdocs build --strict` fails on
a malformed page instead of publishing it with anchors that break when a heading is reworded.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger
from notekit.page_rules import first_body_line, page_problems

log = get_plugin_logger(__name__)


def on_page_markdown(markdown, page, config, files):
    first_line = first_body_line(page.file.content_string, markdown)
    for problem in page_problems(markdown, page.meta, first_line):
        log.warning("%s: %s", page.file.src_uri, problem)
    return None
