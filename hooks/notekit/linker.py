"""Rewrite a page's HTML: link the first mention of each term per section, expand abbreviations.

Term names are found in one search over the page's HTML; `notekit.html_scan` says for each whether
it stands in text, and in which elements and section. Only text changes, and only by being
wrapped in `<a>` or `<abbr>`, so the text a reader sees is never altered. Where a link would be
wrong (headings, links, code, admonition titles, tab labels, the term's own section) the text is
left alone or, for abbreviations, only given its expansion on hover.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from notekit.html_scan import (
    ATTRIBUTE,
    HEADING_LEVELS,
    RAW_TEXT,
    TAG_NAME,
    TOKEN,
    VOID,
    PageScan,
    Region,
    attributes,
    raw_text_end,
)
from notekit.matcher import TermMatcher
from notekit.terms import Term

# Text inside these is code, markup or already explained: never touched.
UNTOUCHED = frozenset(
    {"code", "pre", "kbd", "samp", "var", "abbr", "svg", "math", "script", "style", "textarea", "title"}
)
# Text inside these may show an abbreviation's expansion, but never becomes a link.
UNLINKED = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "summary", "button", "option"})
CLASSES = {
    "admonition-title": "unlinked",
    "tabbed-labels": "unlinked",
    "headerlink": "unlinked",
    "glossary-no-link": "unlinked",
    "glossary-plain": "untouched",
}
EXPLICIT_SCHEME = "term:"
# `TERM:ebs`, `terms:ebs`, `term :ebs`: meant as term references, but to a browser an unknown scheme.
NEAR_EXPLICIT_SCHEME = re.compile(r"^\s*terms?\s*:", re.IGNORECASE)


class OpenElement(NamedTuple):
    name: str
    untouched: bool
    unlinked: bool


class Section(NamedTuple):
    """Where a name is found: the ids of the sections it is in, and what was linked there already."""

    ids: set[str]
    linked: set[str]  # ids of the terms linked in the innermost section so far
    link_openings: dict[str, str]  # form -> its <a ...> tag, the same all over one page
    href: Callable[[Term], str]
    tooltips: bool


@dataclass
class LinkedPage:
    html: str
    mentioned: set[str] = field(default_factory=set)  # ids of the terms the page mentions
    problems: list[str] = field(default_factory=list)


def link_title(term: Term, form: str, spans: list[tuple[int, int, str]]) -> str:
    """The tooltip: the summary, after the expansion of any abbreviation the reader saw.

    A link carries one tooltip only (an <abbr> inside it would open a second one on top), so
    "Amazon S3" gets "S3: Amazon Simple Storage Service. Object storage…".
    """
    if form in term.abbr:
        return f"{term.name}: {term.summary}"
    escaped = html.escape(form, quote=False)
    expanded = [f"{html.unescape(escaped[start:end])}: {name}. " for start, end, name in spans]
    return "".join(expanded) + term.summary


def near_explicit_problem(source: str, target: str) -> str:
    return f"{source}: a link to '{target}' is not a term reference: write it 'term:<id>', in lowercase"


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


class TermLinker:
    """Made once per build; `link` then rewrites each page in one pass over its HTML."""

    def __init__(self, terms: dict[str, Term]):
        self.terms = terms
        self.term_of_form = {form: term for term in terms.values() for form in term.forms}
        self.matcher = TermMatcher(self.term_of_form)
        # Where abbreviations stand as words inside longer forms ("EC2" in "Amazon EC2").
        expansion = {abbr: term.name for term in terms.values() for abbr in term.abbr}
        finder = TermMatcher(expansion)
        self.abbreviations_in = {
            form: [(m.start, m.end, expansion[m.form]) for m in finder.find(html.escape(form, quote=False))]
            for form in self.term_of_form
        }
        self.abbr_openings = {
            abbr: f'<abbr title="{html.escape(term.name, quote=True)}">'
            for term in terms.values()
            for abbr in term.abbr
        }
        # Tooltips are the same wherever a form appears: escaped once here, not at every link.
        self.link_titles = {
            form: html.escape(link_title(term, form, self.abbreviations_in[form]), quote=True)
            for form, term in self.term_of_form.items()
        }

    def link(
        self, page_html: str, source: str, href: Callable[[Term], str], within: str = "", tooltips: bool = True
    ) -> LinkedPage:
        """Link the page built from `source`; `href(term)` is a term's URL relative to that page.

        `within` names the section a fragment of HTML belongs to, when it comes without its heading.
        `tooltips=False` leaves out the links' summary tooltips, where the page shows the summaries.
        """
        scan = PageScan(page_html, UNTOUCHED, UNLINKED, CLASSES)
        if not scan.well_formed:
            return self.link_by_walking(page_html, source, href, within, tooltips)
        result = LinkedPage(html="")
        edits: list[tuple[int, int, str]] = []  # (start, end, replacement), never overlapping
        for start, end, attrs in scan.links:
            target = attrs.get("href", "")
            if target.startswith(EXPLICIT_SCHEME):
                edits.append((start, end, self._explicit_reference(page_html[start:end], attrs, source, href, result)))
            elif NEAR_EXPLICIT_SCHEME.match(target):
                result.problems.append(near_explicit_problem(source, target))
        headings, regions = scan.headings, scan.regions
        sections: list[tuple[int, str]] = [(0, within)]  # (heading level, id), outermost first
        state = Section(ids={within}, linked=set(), link_openings={}, href=href, tooltips=tooltips)
        next_heading = next_region = 0
        enclosing: list[Region] = []
        untouched = unlinked = False
        enclosing_ends = len(page_html) + 1  # where the first enclosing element ends
        for match in self.matcher.find(page_html):
            if scan.inside_tag(match.start):
                continue
            while next_heading < len(headings) and headings[next_heading].start < match.start:
                heading = headings[next_heading]
                while sections and sections[-1][0] >= heading.level:
                    sections.pop()
                sections.append((heading.level, heading.id))
                state = state._replace(ids={section_id for _, section_id in sections}, linked=set())
                next_heading += 1
            if enclosing_ends <= match.start or (
                next_region < len(regions) and regions[next_region].start < match.start
            ):
                while next_region < len(regions) and regions[next_region].start < match.start:
                    enclosing.append(regions[next_region])
                    next_region += 1
                enclosing = [region for region in enclosing if region.end > match.start]
                untouched = any(region.untouched for region in enclosing)
                unlinked = any(region.unlinked for region in enclosing)
                enclosing_ends = min((region.end for region in enclosing), default=len(page_html) + 1)
            if untouched:
                continue
            wrapped = self._mention(page_html[match.start : match.end], match.form, state, not unlinked, result)
            if wrapped is not None:
                edits.append((match.start, match.end, wrapped))
        result.html = spliced(page_html, sorted(edits))
        return result

    def link_by_walking(
        self, page_html: str, source: str, href: Callable[[Term], str], within: str = "", tooltips: bool = True
    ) -> LinkedPage:
        """`link`, by walking every tag with a stack of open elements: slower, but it closes what
        was left open where a browser would (at the closing tag of an element around it)."""
        result = LinkedPage(html="")
        out: list[str] = []
        stack: list[OpenElement] = []
        sections: list[tuple[int, str]] = [(0, within)]
        section = Section(ids={within}, linked=set(), link_openings={}, href=href, tooltips=tooltips)
        position = 0

        def text(raw: str) -> str:
            untouched, unlinked = (stack[-1].untouched, stack[-1].unlinked) if stack else (False, False)
            if untouched:
                return raw
            edits = []
            for found in self.matcher.find(raw):
                words = raw[found.start : found.end]
                wrapped = self._mention(words, found.form, section, not unlinked, result)
                if wrapped is not None:
                    edits.append((found.start, found.end, wrapped))
            return spliced(raw, edits)

        while (token := TOKEN.search(page_html, position)) is not None:
            out.append(text(page_html[position : token.start()]))
            tag, position = token.group(), token.end()
            if tag.startswith(("<!", "<?")):
                out.append(tag)
                continue
            name = TAG_NAME.match(tag).group(1).lower()
            if tag.startswith("</"):
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth].name == name:
                        del stack[depth:]
                        break
                out.append(tag)
                continue
            attrs = attributes(tag)
            target = attrs.get("href", "") if name == "a" else ""
            if target.startswith(EXPLICIT_SCHEME):
                tag = self._explicit_reference(tag, attrs, source, href, result)
            elif NEAR_EXPLICIT_SCHEME.match(target):
                result.problems.append(near_explicit_problem(source, target))
            out.append(tag)
            if name in HEADING_LEVELS and attrs.get("id"):
                while sections and sections[-1][0] >= HEADING_LEVELS[name]:
                    sections.pop()
                sections.append((HEADING_LEVELS[name], attrs["id"]))
                section = section._replace(ids={section_id for _, section_id in sections}, linked=set())
            if name in RAW_TEXT:
                closing = raw_text_end(page_html, name, position)
                out.append(page_html[position:closing])
                position = closing
                continue
            if name in VOID or tag.endswith("/>"):
                continue
            kinds = {CLASSES[c] for c in attrs.get("class", "").split() if c in CLASSES}
            parent = stack[-1] if stack else OpenElement("", False, False)
            untouched = parent.untouched or name in UNTOUCHED or "untouched" in kinds
            stack.append(OpenElement(name, untouched, parent.unlinked or name in UNLINKED or "unlinked" in kinds))
        out.append(text(page_html[position:]))
        result.html = "".join(out)
        return result

    def _mention(self, words: str, form: str, section: Section, may_link: bool, result: LinkedPage) -> str | None:
        """What the name `words` (of the term's `form`) becomes: a link, an abbreviation, or nothing (None)."""
        term = self.term_of_form[form]
        own_section = term.id in section.ids
        if not own_section:
            result.mentioned.add(term.id)
        if form in term.abbr:  # the whole match, plural ending included: "APIs"
            expanded = f"{self.abbr_openings[form]}{words}</abbr>"
        else:
            spans = self.abbreviations_in[form]
            expanded = with_abbreviations(words, spans) if spans else None
        if may_link and not own_section and term.id not in section.linked:
            section.linked.add(term.id)
            opening = section.link_openings.get(form)
            if opening is None:
                # The tooltip spells out any abbreviation; without one, <abbr> inside the link does.
                title = f' title="{self.link_titles[form]}"' if section.tooltips else ""
                opening = f'<a class="glossary-link" href="{html.escape(section.href(term))}"{title}>'
                section.link_openings[form] = opening
            return f"{opening}{words if section.tooltips else expanded or words}</a>"
        return expanded

    def _explicit_reference(self, tag: str, attrs: dict[str, str], source: str, href, result: LinkedPage) -> str:
        term_id = attrs["href"][len(EXPLICIT_SCHEME) :]
        term = self.terms.get(term_id)
        if term is None:
            result.problems.append(f"{source}: a link refers to the term '{term_id}', which no page defines")
            return tag
        result.mentioned.add(term.id)
        new_attrs = f'href="{html.escape(href(term))}"'
        if "title" not in attrs:
            new_attrs += f' title="{html.escape(term.summary, quote=True)}"'
        return ATTRIBUTE.sub(lambda m: new_attrs if m.group(1).lower() == "href" else m.group(0), tag)
