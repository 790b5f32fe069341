"""Where a name the linker finds becomes a term link or an abbreviation mark: the page's rules.

A page should read as prose, not as rows of underlines (issue 15), so:

- A term is linked once per page, at its first mention outside its own section. A later section
  links it again only when the term's last link is at least `RELINK_AFTER` words back: a reader
  who arrives there through an anchor (a search result, the glossary's "Mentioned on", another
  page's link) starts reading mid-page, and 400 words is more than a desktop screen of this
  site's pages (250 to 300 words at 1280 px, between headings, lists and boxes) and three or four
  phone screens at 360 px, so they never saw that link. The family pages run 250 to 900 words:
  a term is linked again only where a page comes back to it at its end (Storage's comparison).
  Within one section a term is linked once, however long the section.
- An abbreviation is marked (`<abbr>`: a dotted underline, its expansion on hover) at its first
  use in each section: a section is where a reader lands from an anchor. A term link whose
  tooltip spells the abbreviation out counts as that first use.
- Headings, and Material's card grids (`grid cards`, the home page's map of the families), are
  names, not prose: nothing in them is linked or marked.
- Every name found outside its term's own section is still recorded as a mention, linked or not,
  marked or not: the glossary's "Mentioned on" lists every page that names the term.

The glossary links its entries with `relink_after=0`: each entry is its own section, and its
filter box shows an entry alone, so every entry links its terms afresh.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from notekit.terms import Term

RELINK_AFTER = 400  # words; see above

# Words a reader sees between two places of the page's HTML: tags and character references out.
WORD = re.compile(r"\w+")
MARKUP = re.compile(r"<[^<>]*>|&#?\w+;")


class WordCount:
    """The words of text before a place in a page, counted as far as asked, once: asked in page
    order, counting the whole page costs one pass over it, however many names it holds."""

    def __init__(self, page_html: str):
        self.html = page_html
        self.position = 0
        self.count = 0

    def at(self, position: int) -> int:
        # A name starts a word (matcher.BEFORE), so no word or tag is cut at `position`.
        if position > self.position:
            self.count += len(WORD.findall(MARKUP.sub(" ", self.html[self.position : position])))
            self.position = position
        return self.count


@dataclass
class PageState:
    """What one page has linked and marked so far, as the linker goes through it in order."""

    href: Callable[[Term], str]
    tooltips: bool
    relink_after: int
    words: WordCount
    section_ids: set[str]  # the ids of the sections the linker is in: their own terms stay unlinked
    section: int = 0  # the number of the innermost section, counted from the page's start
    shown: set[str] = field(default_factory=set)  # abbreviations expanded in this section (by expansion)
    last_link: dict[str, tuple[int, int]] = field(default_factory=dict)  # term id -> (section, words before)
    link_openings: dict[str, str] = field(default_factory=dict)  # form -> its <a ...> tag, one per page

    def enter_section(self, section_ids: set[str]) -> None:
        self.section_ids = section_ids
        self.section += 1
        self.shown = set()

    def may_link(self, term_id: str, position: int) -> bool:
        last = self.last_link.get(term_id)
        if last is None:
            return True
        section, words_before = last
        if section == self.section:
            return False
        return not self.relink_after or self.words.at(position) - words_before >= self.relink_after

    def note_link(self, term_id: str, position: int) -> None:
        self.last_link[term_id] = (self.section, self.words.at(position) if self.relink_after else 0)


def link_title(term: Term, form: str, spans: list[tuple[int, int, str]]) -> str:
    """A link's tooltip: the summary, after the expansion of any abbreviation the reader saw.

    A link carries one tooltip only (an <abbr> inside it would open a second one on top), so
    "Amazon S3" gets "S3: Amazon Simple Storage Service. Object storage…".
    """
    if form in term.abbr:
        return f"{term.name}: {term.summary}"
    escaped = html.escape(form, quote=False)
    expanded = [f"{html.unescape(escaped[start:end])}: {expansion}. " for start, end, expansion in spans]
    return "".join(expanded) + term.summary


def spliced(text: str, edits: list[tuple[int, int, str]]) -> str:
    """`text` with each (start, end) span replaced by its new text; the spans are in order."""
    pieces, last = [], 0
    for start, end, replacement in edits:
        pieces += [text[last:start], replacement]
        last = end
    return "".join(pieces) + text[last:]


def with_abbreviations(words: str, spans: list[tuple[int, int, str]]) -> str:
    """`words` with each abbreviation in it wrapped in <abbr>, so it shows its expansion on hover."""
    wrapped = [
        (start, end, f'<abbr title="{html.escape(name, quote=True)}">{words[start:end]}</abbr>')
        for start, end, name in spans
    ]
    return spliced(words, wrapped)
