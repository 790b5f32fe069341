"""Where a position in a page's HTML stands: inside a tag, inside code, inside a link or a heading.

The linker finds term names with one search over the whole page and then asks, for each name
found, whether it may be linked there. Walking every tag of the page in Python to keep an
element stack costs more than the matching itself (a page has ten tags for every term name), so
this module finds, with regular expressions run over the whole page, only the few elements that
matter (code, links, headings, admonition titles, ...) and where each ends, and answers "inside
a tag?" by bisecting the tags' positions.

Elements end where their closing tag is, counting nested elements of the same name: the HTML
that Markdown writes is well formed. Text in script, style and textarea is never markup.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from array import array
from collections.abc import Iterable, Iterator
from typing import NamedTuple

TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?.*?>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
RAW_TEXT = ("script", "style", "textarea")
RAW_TEXT_OPENING = re.compile(r"<(script|style|textarea)(?=[\s/>])", re.IGNORECASE)
HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}


class Region(NamedTuple):
    start: int  # where the element's opening tag starts
    end: int  # where its closing tag starts (the page's end, when it has none)
    untouched: bool  # its text is never changed
    unlinked: bool  # its text is never made a link
    raw: bool = False  # script, style or textarea: text, not markup, to its closing tag
    unmarked: bool = False  # its text is never made a link nor marked as an abbreviation


class Heading(NamedTuple):
    start: int
    level: int
    id: str


def attributes(tag: str) -> dict[str, str]:
    found = {}
    for name, double_quoted, single_quoted, bare in ATTRIBUTE.findall(tag):
        value = double_quoted or single_quoted or bare
        found[name.lower()] = html.unescape(value) if "&" in value else value
    return found


def raw_text_end(page_html: str, name: str, start: int) -> int:
    """Where the text of the raw-text element `name` (script, style, textarea) that starts at
    `start` ends: at its closing tag, in any case, or at the end of the page."""
    closing = re.compile("</" + name, re.IGNORECASE).search(page_html, start)
    return len(page_html) if closing is None else closing.start()


def tag_spans(page_html: str) -> tuple[array, array]:
    """Where every tag and comment starts, and where each ends, in order (machine integers: a
    glossary of thousands of entries has hundreds of thousands of tags); raw text is skipped."""
    starts, ends = array("q"), array("q")
    if RAW_TEXT_OPENING.search(page_html) is None:
        add_start, add_end = starts.append, ends.append
        for token in TOKEN.finditer(page_html):
            add_start(token.start())
            add_end(token.end())
        return starts, ends
    position = 0
    while (token := TOKEN.search(page_html, position)) is not None:
        starts.append(token.start())
        ends.append(position := token.end())
        if (raw := RAW_TEXT_OPENING.match(token.group())) is not None:
            position = raw_text_end(page_html, raw.group(1).lower(), position)
    return starts, ends


# Markdown writes tag names in lowercase; a page where none has a capital is searched in one case,
# three times as fast.
CAPITAL_IN_TAG_NAME = re.compile(r"</?[a-z0-9]*[A-Z]")


@functools.lru_cache(maxsize=8)
def named_tags(names: frozenset[str], any_case: bool = True) -> re.Pattern:
    """A pattern for the opening and closing tags of the elements `names` (lowercase names; in
    lowercase tags only, unless `any_case`)."""
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(r"<(/?)(" + alternatives + r")(?=[\s/>])", re.IGNORECASE if any_case else 0)


def occurrences(text: str, words: Iterable[str]) -> Iterator[int]:
    """Where each of `words` occurs in `text`: a few plain substring searches, faster than one
    regular expression that alternates them."""
    for word in words:
        position = text.find(word)
        while position >= 0:
            yield position
            position = text.find(word, position + 1)


class PageScan:
    """The tags of one page, and the elements that decide where its text may change."""

    def __init__(
        self,
        page_html: str,
        untouched: frozenset,
        unlinked: frozenset,
        classes: dict[str, str],
        unmarked: frozenset = frozenset(),
    ):
        """`untouched`, `unlinked` and `unmarked` name elements; `classes` maps a class to one of
        "untouched", "unlinked" or "unmarked"."""
        self.html = page_html
        self.headings: list[Heading] = []  # the headings that have an id: each starts a section
        self.links: list[tuple[int, int, dict[str, str]]] = []  # each <a> opening tag, with its attributes
        if "<" not in page_html:  # text alone: nothing to look for
            self.starts, self.ends, self.regions, self.well_formed = array("q"), array("q"), [], True
            return
        self.starts, self.ends = tag_spans(page_html)
        self.any_case = CAPITAL_IN_TAG_NAME.search(page_html) is not None
        # Headings and links are noted on the way: the linker needs them (as sections, as references).
        wanted = untouched | unlinked | unmarked | set(HEADING_LEVELS) | {"a"}
        regions = self._named_regions(untouched, unlinked, unmarked, wanted)
        regions.update(self._classed_regions(classes, regions))
        self.regions = [region for _, region in sorted(regions.items())]
        # Where an element is left open, or closed across another, a browser (and a walk over every
        # tag) may close it sooner than its own closing tag: the caller should walk such a page.
        self.well_formed = all(region.raw or self._balanced(region) for region in self.regions)

    def tag_at(self, position: int) -> tuple[int, int] | None:
        """The span of the tag that starts at `position`, if one does."""
        index = bisect.bisect_left(self.starts, position)
        if index < len(self.starts) and self.starts[index] == position:
            return position, self.ends[index]
        return None

    def inside_tag(self, position: int) -> bool:
        index = bisect.bisect_right(self.starts, position) - 1
        return index >= 0 and self.ends[index] > position

    def _balanced(self, region: Region) -> bool:
        """Whether `region` is closed, and every element opened inside it closes inside it, in order."""
        if region.end >= len(self.html):
            return False
        first = bisect.bisect_right(self.starts, region.start)
        last = bisect.bisect_left(self.starts, region.end)
        if first == last:  # text alone, as in most links and code
            return True
        open_names: list[str] = []
        for index in range(first, last):
            tag = self.html[self.starts[index] : self.ends[index]]
            if tag[1] in "!?" or tag[-2] == "/":
                continue
            name = TAG_NAME.match(tag).group(1).lower()
            if name in VOID:
                continue
            if tag[1] != "/":
                open_names.append(name)
            elif not open_names or open_names.pop() != name:
                return False
        return not open_names

    def _named_regions(
        self, untouched: frozenset, unlinked: frozenset, unmarked: frozenset, wanted: frozenset
    ) -> dict[int, Region]:
        """The elements named in `untouched`, `unlinked` or `unmarked`, by where they start;
        headings and links are noted on the way."""
        regions: dict[int, Region] = {}
        open_elements: dict[str, list[Region]] = {}
        for found in named_tags(wanted | frozenset(RAW_TEXT), self.any_case).finditer(self.html):
            span = self.tag_at(found.start())
            if span is None:
                continue
            start, end = span
            closing, name = found.group(1), found.group(2)
            name = name.lower() if self.any_case else name
            if closing:
                if open_elements.get(name):
                    opened = open_elements[name].pop()
                    regions[opened.start] = opened._replace(end=start)
                continue
            tag = self.html[start:end]
            if name == "a":
                self.links.append((start, end, attributes(tag)))
            elif name in HEADING_LEVELS and "=" in tag and (heading_id := attributes(tag).get("id")):
                self.headings.append(Heading(start, HEADING_LEVELS[name], heading_id))
            if name in RAW_TEXT:  # raw text runs to its closing tag, `<script/>` or not
                regions[start] = Region(start, raw_text_end(self.html, name, end), True, False, raw=True)
            elif name not in VOID and tag[-2] != "/":
                region = Region(start, len(self.html), name in untouched, name in unlinked, unmarked=name in unmarked)
                regions[start] = region
                open_elements.setdefault(name, []).append(region)
        return regions

    def _classed_regions(self, classes: dict[str, str], named: dict[int, Region]) -> dict[int, Region]:
        """The elements that have one of `classes`, by where they start."""
        found_regions: dict[int, Region] = {}
        # Each hit is checked against the tag's class list below; the tags a class name stands in
        # are all that is wanted from a hit.
        for hit in occurrences(self.html, classes):
            index = bisect.bisect_right(self.starts, hit) - 1
            if index < 0 or self.ends[index] <= hit or self.html[self.starts[index] + 1] in "/!?":
                continue  # in text, in a closing tag, or in a comment
            start, end = self.starts[index], self.ends[index]
            tag = self.html[start:end]
            kinds = {classes[name] for name in attributes(tag).get("class", "").split() if name in classes}
            if not kinds or start in found_regions:
                continue
            name = TAG_NAME.match(tag).group(1).lower()
            if start in named:
                region = named[start]
            elif name in VOID or tag[-2] == "/":
                continue
            else:
                region = Region(start, self._closing(name, end), False, False)
            found_regions[start] = region._replace(
                untouched=region.untouched or "untouched" in kinds,
                unlinked=region.unlinked or "unlinked" in kinds,
                unmarked=region.unmarked or "unmarked" in kinds,
            )
        return found_regions

    def _closing(self, name: str, after: int) -> int:
        """Where the element `name` whose opening tag ends at `after` is closed."""
        depth = 1
        for found in named_tags(frozenset({name}), self.any_case).finditer(self.html, after):
            span = self.tag_at(found.start())
            if span is None or (not found.group(1) and self.html[span[1] - 2] == "/"):
                continue
            depth += -1 if found.group(1) else 1
            if depth == 0:
                return found.start()
        return len(self.html)
