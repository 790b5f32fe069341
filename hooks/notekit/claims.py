"""The claim register: every fact the site adds to the notes, with its official source and the
month somebody last checked it against that source.

The notes are the user's; anything the site adds is a claim a reader may stake an exam on, so
each must say where it comes from and how fresh that is. A page adds claims in two forms:

    !!! info "Update, checked 2026-11"               # a box: its kind and month in the title
        What changed. [Source: Page title](https://docs.aws.amazon.com/...)

    Sources, checked 2026-11: [Page title](https://docs.aws.amazon.com/...).

The second form backs what a box cannot hold: a comparison table, a sentence in the page's
introduction. A glossary term whose summary rests on an outside fact carries a `reference:` in
its front matter (see `notekit.terms`), and joins the register too.

Every box of a page is a claim box: a box in any other form is reported, so that an undated
or unsourced "Update" cannot slip in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from notekit.page_rules import code_lines, headings
from notekit.terms import Term

# The box kinds, their titles and the admonition type that colors them, so that readers learn
# one color per kind.
BOX_KINDS = {
    "Update": "info",  # the notes were right once; AWS has changed since
    "Correction": "note",  # the notes are wrong, or misleading, as written
    "Addition": "tip",  # something the notes refer to or leave out
    "Answer": "question",  # a question the notes asked
}
OFFICIAL_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com")
MONTH = r"(?P<month>\d{4}-\d{2})"
# Any line that opens a box, at any depth (in a list, a tab, another box): admonition's `!!!` and
# pymdownx.details' `???`/`???+`, with their classes (the first is the type) and quoted title, as
# those extensions read them. A line that starts like a box but does not read as one is reported.
BOX_START = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)")
BOX = re.compile(r'^[ \t]*(?:!!!|\?\?\?\+?) ?(?P<classes>[\w-]+(?: +[\w-]+)*)?(?: +"(?P<title>.*)")? *$')
BOX_TITLE = re.compile(rf"^(?P<kind>\w+)(?::[ \t]+(?P<topic>[^,]+))?, checked {MONTH}$")
SOURCES_START = re.compile(r"^Sources?\b", re.IGNORECASE)
SOURCES_LINE = re.compile(rf"^Sources?, checked {MONTH}: ")
LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)")
REVIEW_AFTER_MONTHS = 12
# In the rendered page: a box's title, or the start of a "Sources" line; a box's source link.
RENDERED_CHECKED = re.compile(
    r'(?P<open><p class="admonition-title">[^<]*|<summary>[^<]*|<p>Sources?), '
    r"checked (?P<month>\d{4}-\d{2})(?P<rest>[<:])"
)
RENDERED_SOURCE_LINK = re.compile(r'<a (?P<href>href="https://[^"]+")>Source')


@dataclass(frozen=True)
class Claim:
    page: str  # the Markdown source, e.g. "storage.md"
    anchor: str  # the section (or term id) the claim belongs to
    kind: str  # "update", "correction", "addition", "answer", "sources" or "term"
    checked: str  # "YYYY-MM", or "" when missing
    sources: tuple[str, ...]  # official URLs
    line: int  # where it starts in the page's file (0 for a term)


def official(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme == "https" and host in OFFICIAL_HOSTS


def month_problem(month: str, today: date) -> str | None:
    """Why `month` is not a usable "checked" month, or None."""
    if not month:
        return "has no checked month"
    match = re.fullmatch(r"(\d{4})-(\d{2})", month)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return f"has checked month '{month}', which is not a month written YYYY-MM"
    if (int(match.group(1)), int(match.group(2))) > (today.year, today.month):
        return f"was checked in {month}, which is still to come"
    return None


def months_since(month: str, today: date) -> int:
    year, number = (int(part) for part in month.split("-"))
    return (today.year - year) * 12 + today.month - number


def _section_anchors(markdown: str) -> dict[int, str]:
    return {heading.line: heading.anchor or "" for heading in headings(markdown)}


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _box_body(lines: list[str], start: int, box_indent: int) -> list[str]:
    """The text of the box whose first line is `lines[start - 1]`: the lines indented under it, up
    to the next box inside it (which is a claim of its own) or the end of the box."""
    body: list[str] = []
    for line in lines[start:]:
        if line.strip() and _indent(line) <= box_indent:
            break
        if BOX_START.match(line):
            break
        body.append(line.strip())
    return [part for part in body if part]


def _source_urls(text: str, *, box: bool) -> list[str]:
    # In a box only the links written "Source: ..." cite; the rest lead to other notes.
    return [m.group("url") for m in LINK.finditer(text) if not box or m.group("text").startswith("Source")]


def claims_in_page(markdown: str, page: str, first_line: int = 1) -> tuple[list[Claim], list[str]]:
    """The claims a page's Markdown body makes, and each problem as a sentence naming the line.
    `first_line` is the body's first line in the file, after the front matter."""
    lines = markdown.splitlines()
    section_at = _section_anchors(markdown)
    in_code = code_lines(lines)
    claims: list[Claim] = []
    problems: list[str] = []
    anchor = ""
    index = 0
    while index < len(lines):
        line, number = lines[index], index + first_line
        index += 1  # now the line's number in the body
        if index in in_code:
            continue
        anchor = section_at.get(index, anchor)
        if BOX_START.match(line):
            box = BOX.match(line)
            body = _box_body(lines, index, _indent(line)) if box else []
            claim, problem = _box_claim(box, line, body, page, anchor, number)
            if problem:
                problems.append(f"line {number}: {problem}")
            if claim:
                claims.append(claim)
        elif SOURCES_START.match(line.strip()):
            sources = SOURCES_LINE.match(line.strip())
            if sources is None:
                problems.append(f"line {number}: a 'Sources' line reads 'Sources, checked YYYY-MM: [title](url); ...'")
                continue
            urls = tuple(_source_urls(line, box=False))
            claims.append(Claim(page, anchor, "sources", sources.group("month"), urls, number))
    return claims, problems


def _box_claim(
    box: re.Match | None, line: str, body: list[str], page: str, anchor: str, number: int
) -> tuple[Claim | None, str | None]:
    shape = f'write it as !!! <type> "<Kind>, checked YYYY-MM", Kind one of {", ".join(BOX_KINDS)}'
    if box is None:
        return None, f"'{line.strip()}' opens a box that cannot be read: {shape}"
    box_type = (box.group("classes") or "").split(" ")[0]
    title = box.group("title") or ""
    parsed = BOX_TITLE.match(" ".join(title.split()))
    if not parsed or parsed.group("kind") not in BOX_KINDS:
        return None, f"the box '{title or box_type}' is not a claim box: {shape}"
    kind = parsed.group("kind")
    if box_type != BOX_KINDS[kind]:
        return None, f"the {kind} box is typed '{box_type}': {kind} boxes are '{BOX_KINDS[kind]}'"
    urls = tuple(_source_urls(" ".join(body), box=True))
    return Claim(page, anchor, kind.lower(), parsed.group("month"), urls, number), None


def checked_html(month: str) -> str:
    """ "checked 2026-11" as HTML: a machine-readable month that never breaks at its hyphen."""
    return f'checked <time class="claim-checked" datetime="{month}">{month}</time>'


def mark_checked_months(html: str) -> str:
    """Mark each claim's month in a rendered page, and give "Sources" lines and the boxes' source
    links their own classes (the cheat sheet leaves them to the family pages)."""

    def mark(match: re.Match) -> str:
        opening = match.group("open").replace("<p>", '<p class="claim-sources">', 1)
        return f"{opening}, {checked_html(match.group('month'))}{match.group('rest')}"

    html = RENDERED_SOURCE_LINK.sub(r'<a class="claim-source" \g<href>>Source', html)
    return RENDERED_CHECKED.sub(mark, html)


def claim_problems(claims: Iterable[Claim], today: date) -> list[str]:
    """What is wrong with each claim: no official source, or no usable checked month."""
    problems: list[str] = []
    for claim in claims:
        if claim.kind == "term":
            where = f"{claim.page}: term '{claim.anchor}' (its reference)"
        elif claim.kind == "sources":
            where = f"{claim.page}: line {claim.line}: the 'Sources' line"
        else:
            where = f"{claim.page}: line {claim.line}: the {claim.kind.capitalize()} box"
        if not claim.sources:
            hint = "" if claim.kind in {"sources", "term"} else " (a link written [Source: page title](url))"
            problems.append(f"{where} cites no source{hint}")
        for url in claim.sources:
            if not official(url):
                problems.append(
                    f"{where} cites {url}, which is not an official AWS page ({' or '.join(OFFICIAL_HOSTS)})"
                )
        problem = month_problem(claim.checked, today)
        if problem:
            problems.append(f"{where} {problem}")
    return problems


def term_claims(terms: Iterable[Term]) -> list[Claim]:
    """The register's entries for the glossary terms whose summaries rest on an outside fact."""
    return [
        Claim(term.source, term.id, "term", term.reference.checked, (term.reference.url,), 0)
        for term in terms
        if term.reference
    ]


def due_for_review(claims: Iterable[Claim], today: date, months: int = REVIEW_AFTER_MONTHS) -> list[Claim]:
    """The claims last checked more than `months` months ago (or never), oldest first."""
    stale = [c for c in claims if month_problem(c.checked, today) or months_since(c.checked, today) > months]
    return sorted(stale, key=lambda claim: (claim.checked, claim.page, claim.line))
