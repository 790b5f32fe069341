"""Rewrite a page's HTML: link each term's first mention, mark each abbreviation's first use.

Term names are found in one search over the page's HTML; `notekit.html_scan` says for each whether
it stands in text, and in which elements and section. Only text changes, and only by being
wrapped in `<a>` or `<abbr>`, so the text a reader sees is never altered. Where a link would be
wrong (links, code, admonition titles, tab labels, the term's own section) the text is left
alone or, for abbreviations, only given its expansion on hover; headings and card grids get
neither. `notekit.link_rules` holds the rules: which mention is linked, which use is marked.
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
from notekit.link_rules import RELINK_AFTER, PageState, WordCount, link_title, spliced, with_abbreviations
from notekit.matcher import TermMatcher
from notekit.terms import Term

# Text inside these is code, markup or already explained: never touched.
UNTOUCHED = frozenset(
    {"code", "pre", "kbd", "samp", "var", "abbr", "svg", "math", "script", "style", "textarea", "title"}
)
# Text inside these may show an abbreviation's expansion, but never becomes a link.
UNLINKED = frozenset({"a", "label", "summary", "button", "option"})
# Names, not prose: never a link, never an abbreviation mark (the mention still counts).
UNMARKED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CLASSES = {
    "cards": "unmarked",  # Material's card grids (`grid cards`): the home page's map of the families
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
    unmarked: bool


@dataclass
class LinkedPage:
    html: str
    mentioned: set[str] = field(default_factory=set)  # ids of the terms the page mentions
    problems: list[str] = field(default_factory=list)


def near_explicit_problem(source: str, target: str) -> str:
    return f"{source}: a link to '{target}' is not a term reference: write it 'term:<id>', in lowercase"


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
        self,
        page_html: str,
        source: str,
        href: Callable[[Term], str],
        within: str = "",
        tooltips: bool = True,
        relink_after: int = RELINK_AFTER,
    ) -> LinkedPage:
        """Link the page built from `source`; `href(term)` is a term's URL relative to that page.

        `within` names the section a fragment of HTML belongs to, when it comes without its heading.
        `tooltips=False` leaves out the links' summary tooltips, where the page shows the summaries.
        `relink_after` is how many words after its last link a later section links a term again
        (`notekit.link_rules`); 0 links it afresh in every section.
        """
        scan = PageScan(page_html, UNTOUCHED, UNLINKED, CLASSES, UNMARKED)
        if not scan.well_formed:
            return self.link_by_walking(page_html, source, href, within, tooltips, relink_after)
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
        state = PageState(href, tooltips, relink_after, WordCount(page_html), {within})
        next_heading = next_region = 0
        enclosing: list[Region] = []
        untouched = unlinked = unmarked = False
        enclosing_ends = len(page_html) + 1  # where the first enclosing element ends
        for match in self.matcher.find(page_html):
            if scan.inside_tag(match.start):
                continue
            while next_heading < len(headings) and headings[next_heading].start < match.start:
                heading = headings[next_heading]
                while sections and sections[-1][0] >= heading.level:
                    sections.pop()
                sections.append((heading.level, heading.id))
                state.enter_section({section_id for _, section_id in sections})
                next_heading += 1
            if enclosing_ends <= match.start or (
                next_region < len(regions) and regions[next_region].start < match.start
            ):
                while next_region < len(regions) and regions[next_region].start < match.start:
                    enclosing.append(regions[next_region])
                    next_region += 1
                enclosing = [region for region in enclosing if region.end > match.start]
                untouched = unlinked = unmarked = False
                enclosing_ends = len(page_html) + 1
                for region in enclosing:  # a handful at most: one loop, not four
                    untouched |= region.untouched
                    unlinked |= region.unlinked
                    unmarked |= region.unmarked
                    enclosing_ends = min(enclosing_ends, region.end)
            if untouched:
                continue
            words = page_html[match.start : match.end]
            wrapped = self._mention(words, match.form, match.start, state, (unlinked, unmarked), result)
            if wrapped is not None:
                edits.append((match.start, match.end, wrapped))
        result.html = spliced(page_html, sorted(edits))
        return result

    def link_by_walking(
        self,
        page_html: str,
        source: str,
        href: Callable[[Term], str],
        within: str = "",
        tooltips: bool = True,
        relink_after: int = RELINK_AFTER,
    ) -> LinkedPage:
        """`link`, by walking every tag with a stack of open elements: slower, but it closes what
        was left open where a browser would (at the closing tag of an element around it)."""
        result = LinkedPage(html="")
        out: list[str] = []
        stack: list[OpenElement] = []
        sections: list[tuple[int, str]] = [(0, within)]
        state = PageState(href, tooltips, relink_after, WordCount(page_html), {within})
        position = 0

        def text(raw: str, at: int) -> str:
            parent = stack[-1] if stack else OpenElement("", False, False, False)
            if parent.untouched:
                return raw
            edits = []
            for found in self.matcher.find(raw):
                words = raw[found.start : found.end]
                place = (parent.unlinked, parent.unmarked)
                wrapped = self._mention(words, found.form, at + found.start, state, place, result)
                if wrapped is not None:
                    edits.append((found.start, found.end, wrapped))
            return spliced(raw, edits)

        while (token := TOKEN.search(page_html, position)) is not None:
            out.append(text(page_html[position : token.start()], position))
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
                state.enter_section({section_id for _, section_id in sections})
            if name in RAW_TEXT:
                closing = raw_text_end(page_html, name, position)
                out.append(page_html[position:closing])
                position = closing
                continue
            if name in VOID or tag.endswith("/>"):
                continue
            kinds = {CLASSES[c] for c in attrs.get("class", "").split() if c in CLASSES}
            parent = stack[-1] if stack else OpenElement("", False, False, False)
            stack.append(
                OpenElement(
                    name,
                    parent.untouched or name in UNTOUCHED or "untouched" in kinds,
                    parent.unlinked or name in UNLINKED or "unlinked" in kinds,
                    parent.unmarked or name in UNMARKED or "unmarked" in kinds,
                )
            )
        out.append(text(page_html[position:], position))
        result.html = "".join(out)
        return result

    def _mention(
        self, words: str, form: str, position: int, state: PageState, place: tuple[bool, bool], result: LinkedPage
    ) -> str | None:
        """What the name `words` (of the term's `form`) at `position` becomes: a link, a marked
        abbreviation, or nothing (None). `place` says whether it stands where no link, or no
        mark, may be (`notekit.link_rules`)."""
        term = self.term_of_form[form]
        own_section = term.id in state.section_ids
        if not own_section:
            result.mentioned.add(term.id)
        unlinked, unmarked = place
        if unmarked:
            return None
        whole = form in term.abbr  # the whole match, plural ending included: "APIs"
        spans = [(0, len(words), term.name)] if whole else self.abbreviations_in[form]
        unseen = [span for span in spans if span[2] not in state.shown]
        if not unlinked and not own_section and state.may_link(term.id, position):
            state.note_link(term.id, position)
            state.shown.update(name for _, _, name in spans)  # the tooltip, or the <abbr> inside, expands them
            opening = state.link_openings.get(form)
            if opening is None:
                # The tooltip spells out any abbreviation; without one, <abbr> inside the link does.
                title = f' title="{self.link_titles[form]}"' if state.tooltips else ""
                opening = f'<a class="glossary-link" href="{html.escape(state.href(term))}"{title}>'
                state.link_openings[form] = opening
            inner = words if state.tooltips or not unseen else self._marked(words, form, whole, unseen)
            return f"{opening}{inner}</a>"
        if not unseen:
            return None
        state.shown.update(name for _, _, name in unseen)
        return self._marked(words, form, whole, unseen)

    def _marked(self, words: str, form: str, whole: bool, spans: list[tuple[int, int, str]]) -> str:
        if whole:
            return f"{self.abbr_openings[form]}{words}</abbr>"
        return with_abbreviations(words, spans)

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
