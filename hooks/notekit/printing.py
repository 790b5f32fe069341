"""Print helpers: where outside links go, written compactly for paper, and the cheat sheet page
that holds every family page (its placeholders are filled by hooks/site.py)."""

from __future__ import annotations

import html
import re
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
# Each pattern starts with "<", which the regular expression engine skips ahead to, and stays within
# one tag: text that only looks like markup (`id="x"` in code, where "<" is "&lt;") is left alone.
HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")
ID_ATTRIBUTE = re.compile(r'(<[A-Za-z][^<>]*?\s)id="([^"]+)"')
SAME_PAGE_LINK = re.compile(r'(<a\s[^<>]*?)href="(?:\./)?#([^"]*)"')

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
    body = ID_ATTRIBUTE.sub(rf'\1id="{stem}-\2"', body)  # stems are lowercase words and hyphens
    body = SAME_PAGE_LINK.sub(rf'\1href="#{stem}-\2"', body)
    return f'<section class="cheatsheet-page">\n{body}\n</section>'
