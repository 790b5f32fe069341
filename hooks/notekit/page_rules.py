"""Structural rules every notes page must follow, checked on its Markdown source.

A page breaks a rule when it would still build but read badly or link unstably: no title, no
text, or a section whose anchor would change as soon as somebody rewords its heading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# `## Amazon EC2 { #ec2 }`: an ATX heading, optionally closed by an attr_list block.
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*$")
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
EXPLICIT_ID = re.compile(r"(?:^|\s)#(?P<id>[A-Za-z][\w-]*)")
# Short, lowercase, hyphenated: what readers and other pages type into a URL.
GOOD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 40


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int


def code_lines(lines: list[str]) -> set[int]:
    """The numbers (from 1) of the lines that open, close or sit in a fenced code block."""
    found: set[int] = set()
    open_fence: str | None = None
    for number, line in enumerate(lines, start=1):
        fence = FENCE.match(line)
        if fence:
            marker = fence.group("fence")
            if open_fence is None:
                open_fence = marker
            elif marker[0] == open_fence[0] and len(marker) >= len(open_fence):
                open_fence = None
        if fence or open_fence is not None:
            found.add(number)
    return found


@functools.lru_cache(maxsize=8)  # the hooks ask for the headings of the page being built
def headings(markdown: str) -> tuple[Heading, ...]:
    """The ATX headings of a page, outside fenced code blocks, in order."""
    found: list[Heading] = []
    lines = markdown.splitlines()
    in_code = code_lines(lines)
    for number, line in enumerate(lines, start=1):
        if number in in_code:
            continue
        match = HEADING.match(line)
        if not match:
            continue
        explicit = EXPLICIT_ID.search(match.group("attrs") or "")
        found.append(
            Heading(
                level=len(match.group("hashes")),
                text=match.group("text").strip(),
                anchor=explicit.group("id") if explicit else None,
                line=number,
            )
        )
    return tuple(found)


def first_body_line(source: str, body: str) -> int:
    """The line of the file `source` on which its Markdown `body` (after the front matter) starts:
    messages count lines in the file, so that they lead to the line to fix."""
    return len(source.splitlines()) - len(body.splitlines()) + 1


def body_text(markdown: str) -> str:
    """The page without its headings and blank lines: what is left to read."""
    kept = [line for line in markdown.splitlines() if line.strip() and not HEADING.match(line)]
    return "\n".join(kept)


def page_problems(markdown: str, meta: dict, first_line: int = 1) -> list[str]:
    """Every way this page breaks the rules, one readable sentence each; empty when it is fine.
    `first_line` is the body's first line in the file, after the front matter."""
    problems: list[str] = []
    shift = first_line - 1
    found = headings(markdown)
    if not body_text(markdown).strip():
        problems.append("the page has no text")
    titles = [h for h in found if h.level == 1]
    if len(titles) != 1:
        problems.append(f"the page needs exactly one '# Title' heading, it has {len(titles)}")
    if not str(meta.get("description") or "").strip():
        problems.append("the front matter has no 'description:' (used for search engines and cards)")
    seen: dict[str, int] = {}
    for heading in found:
        if heading.level == 1:
            continue
        where = f"line {heading.line + shift}, heading '{heading.text}'"
        if heading.anchor is None:
            problems.append(
                f"{where} has no explicit anchor: write it as '{'#' * heading.level} {heading.text} {{ #short-id }}'"
            )
            continue
        if not GOOD_ID.match(heading.anchor) or len(heading.anchor) > MAX_ID_LENGTH:
            problems.append(
                f"{where}: anchor '#{heading.anchor}' should be lowercase words joined by hyphens, "
                f"at most {MAX_ID_LENGTH} characters"
            )
        if heading.anchor in seen:
            problems.append(
                f"{where}: anchor '#{heading.anchor}' is already used on line {seen[heading.anchor] + shift}"
            )
        seen.setdefault(heading.anchor, heading.line)
    return problems


# `<a href="#x">` written as HTML in the Markdown: MkDocs checks the #anchors of Markdown links
# only, so a raw-HTML one to a missing anchor would be published broken.
RAW_SAME_PAGE_LINK = re.compile(r"""<a\b[^>]*?\bhref=(["'])#(?P<anchor>[^"']+)\1""", re.IGNORECASE)
ID_IN_HTML = re.compile(r"""(?<![\w-])id=(["'])(?P<id>[^"']+)\1""")
INLINE_CODE = re.compile(r"(`+).+?\1")  # an example of HTML in backticks is not a link


def raw_html_anchor_problems(markdown: str, page_html: str, first_line: int = 1) -> list[str]:
    """Each raw-HTML link in `markdown` to an #anchor that the rendered `page_html` lacks.
    `first_line` is the body's first line in the file, after the front matter."""
    if not RAW_SAME_PAGE_LINK.search(markdown):  # most pages: no need to read the HTML's ids
        return []
    ids = {match.group("id") for match in ID_IN_HTML.finditer(page_html)}
    lines = markdown.splitlines()
    in_code = code_lines(lines)
    problems = []
    for number, line in enumerate(lines, start=1):
        if number in in_code:
            continue
        for match in RAW_SAME_PAGE_LINK.finditer(INLINE_CODE.sub("", line)):
            if match.group("anchor") not in ids:
                anchor = match.group("anchor")
                problems.append(f"line {number + first_line - 1}: the HTML link to '#{anchor}' leads to no anchor here")
    return problems
