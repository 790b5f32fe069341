"""Print helpers: where outside links go, written compactly for paper, and the cheat sheet page
that holds every family page (its placeholders are filled by hooks/site.py)."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Callable
from urllib.parse import urlsplit

from notekit.site import CHEATSHEET_PDF, placeholder

PAGES_PLACEHOLDER = "cheatsheet-pages"
GLOSSARY_PLACEHOLDER = "cheatsheet-glossary"
CHEATSHEET_MARKDOWN = f"""\
---
title: Cheat sheet
description: All the AWS notes on one printable sheet, every service family in order, then the glossary.
pdf: {CHEATSHEET_PDF}
search:
  exclude: true
hide:
  - toc
---

# AWS Notes cheat sheet

Every service family of the notes in order, then the glossary, made to print as one document.
The official source of each update, correction and addition is on its page and in its page's PDF.

{placeholder(PAGES_PLACEHOLDER)}

## Glossary {{ #glossary }}

{placeholder(GLOSSARY_PLACEHOLDER)}
"""
# Where the family pages go in the rendered cheat sheet: hooks/site.py writes them in after the build.
FAMILIES_MARKER = "<!-- cheat sheet: the family pages -->"
# Only what stands in a tag is changed: text that only looks like markup (`id="x"` in code, where
# "<" is "&lt;") is left alone. A page has thousands of tags and a few ids and same-page links, so
# an attribute is found by its own text, then checked to stand in a tag (`in_tag`).
HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")
# Patterns that start with a literal are searched fast; the space before is checked in `in_tag`.
ID_ATTRIBUTE = re.compile(r'id="([^"]+)"')
SAME_PAGE_LINK = re.compile(r'href="(?:\./)?#([^"]*)"')

OUTSIDE_LINK = re.compile(r"""<a\b(?P<attrs>[^>]*?\bhref=(?P<quote>["'])(?P<url>https?://[^"']+)(?P=quote)[^>]*)>""")


def compact_url(url: str) -> str:
    """Host and path, as a reader would type them: no scheme, no www., no query, no fragment."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = host.removeprefix("www.")
    return host + parts.path.rstrip("/")


def mark_outside_links(page_html: str) -> str:
    """Give each link to another site a data-print-url, which the print stylesheet shows."""

    def mark(match: re.Match) -> str:
        if "data-print-url" in match.group("attrs"):
            return match.group(0)
        target = html.escape(compact_url(html.unescape(match.group("url"))), quote=True)
        return f'<a{match.group("attrs")} data-print-url="{target}">'

    return OUTSIDE_LINK.sub(mark, page_html)


def cheatsheet_section(stem: str, page_html: str) -> str:
    """One family page's HTML as a section of the cheat sheet, the page's stem ("storage") given.

    Headings go one level down under the page's title, ids take the stem as a prefix
    (`storage-ebs`) so none repeats across pages, and links within the page follow its ids.
    """
    body = HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", page_html)
    body = in_tags_only(ID_ATTRIBUTE, body, lambda m: f'id="{stem}-{m.group(1)}"', "")
    body = in_tags_only(SAME_PAGE_LINK, body, lambda m: f'href="#{stem}-{m.group(1)}"', "a")
    return f'<section class="cheatsheet-page">\n{body}\n</section>'


def in_tags_only(attribute: re.Pattern, page_html: str, rewrite: Callable[[re.Match], str], tag_name: str) -> str:
    """`page_html` with each `attribute` found in an opening tag (of `tag_name`, or of any element
    when empty) rewritten, the first in each tag."""
    pieces, last, rewritten_tag = [], 0, -1
    for found in attribute.finditer(page_html):
        tag = in_tag(page_html, found.start(), tag_name)
        if tag is None or tag == rewritten_tag:
            continue
        pieces += [page_html[last : found.start()], rewrite(found)]
        last, rewritten_tag = found.end(), tag
    return "".join(pieces) + page_html[last:] if pieces else page_html


def in_tag(page_html: str, position: int, tag_name: str) -> int | None:
    """Where the opening tag that the attribute at `position` stands in starts, if it stands in
    one, after a space (of `tag_name`, or of any element when empty)."""
    start = page_html.rfind("<", 0, position)
    if start < 0 or not page_html[position - 1].isspace() or page_html.find(">", start, position) >= 0:
        return None
    if tag_name:
        name_end = start + 1 + len(tag_name)
        named = page_html.startswith(tag_name, start + 1) and page_html[name_end].isspace()
    else:
        named = page_html[start + 1] in string.ascii_letters
    return start if named else None
