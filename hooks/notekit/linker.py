"""Rewrite a page's HTML: link the first mention of each term per section, expand abbreviations.

The HTML is walked once as a stream of tags and text; only text nodes change, and only by being
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

from notekit.matcher import TermMatcher
from notekit.terms import Term

TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?.*?>|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.DOTALL,
)
TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RAW_TEXT = {"script", "style", "textarea"}
# Text inside these is code, markup or already explained: never touched.
UNTOUCHED = {"code", "pre", "kbd", "samp", "var", "abbr", "svg", "math", "script", "style", "textarea", "title"}
# Text inside these may show an abbreviation's expansion, but never becomes a link.
UNLINKED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "label", "summary", "button", "option"}
UNLINKED_CLASSES = {"admonition-title", "tabbed-labels", "headerlink", "glossary-no-link"}
UNTOUCHED_CLASSES = {"glossary-plain"}
EXPLICIT_SCHEME = "term:"
# `TERM:ebs`, `terms:ebs`, `term :ebs`: meant as term references, but to a browser an unknown scheme.
NEAR_EXPLICIT_SCHEME = re.compile(r"^\s*terms?\s*:", re.IGNORECASE)


@dataclass
class LinkedPage:
    html: str
    mentioned: set[str] = field(default_factory=set)  # ids of the terms the page mentions
    problems: list[str] = field(default_factory=list)


class _Element(NamedTuple):
    name: str
    untouched: bool
    unlinked: bool


def attributes(tag: str) -> dict[str, str]:
    found = {}
    for name, double_quoted, single_quoted, bare in ATTRIBUTE.findall(tag):
        value = double_quoted or single_quoted or bare
        found[name.lower()] = html.unescape(value) if "&" in value else value
    return found


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


OUTSIDE = _Element("", untouched=False, unlinked=False)


def with_abbreviations(words: str, spans: list[tuple[int, int, str]]) -> str:
    """`words` with each abbreviation in it wrapped in <abbr>, so it shows its expansion on hover."""
    pieces, last = [], 0
    for start, end, name in spans:
        pieces += [words[last:start], f'<abbr title="{html.escape(name, quote=True)}">{words[start:end]}</abbr>']
        last = end
    return "".join(pieces) + words[last:]


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
        result = LinkedPage(html="")
        out: list[str] = []
        stack: list[_Element] = []
        sections: list[tuple[int, str]] = [(0, within)]  # (heading level, id), outermost first
        linked_here: set[str] = set()
        position = 0
        for token in TOKEN.finditer(page_html):
            if token.start() > position:
                out.append(
                    self._text(
                        page_html[position : token.start()], stack, sections, linked_here, href, result, tooltips
                    )
                )
            tag = token.group()
            position = token.end()
            if tag.startswith("<!") or tag.startswith("<?"):
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
            level = HEADINGS.get(name)
            # Only links, headings and classed elements have attributes that matter here.
            wanted = "=" in tag and (name == "a" or level is not None or "class" in tag)
            attrs = attributes(tag) if wanted else {}
            if name == "a" and attrs.get("href", "").startswith(EXPLICIT_SCHEME):
                tag = self._explicit_reference(tag, attrs, source, href, result)
            elif name == "a" and NEAR_EXPLICIT_SCHEME.match(attrs.get("href", "")):
                result.problems.append(
                    f"{source}: a link to '{attrs['href']}' is not a term reference: write it 'term:<id>', in lowercase"
                )
            out.append(tag)
            if level is not None and attrs.get("id"):
                while sections and sections[-1][0] >= level:
                    sections.pop()
                sections.append((level, attrs["id"]))
                linked_here = set()
            if name in RAW_TEXT:
                closing = page_html.find(f"</{name}", position)
                closing = len(page_html) if closing < 0 else closing
                out.append(page_html[position:closing])
                position = closing
                continue
            if name in VOID or tag.endswith("/>"):
                continue
            classes = attrs.get("class", "").split() if attrs else ()
            parent = stack[-1] if stack else OUTSIDE
            stack.append(
                _Element(
                    name,
                    parent.untouched or name in UNTOUCHED or not UNTOUCHED_CLASSES.isdisjoint(classes),
                    parent.unlinked or name in UNLINKED or not UNLINKED_CLASSES.isdisjoint(classes),
                )
            )
        if position < len(page_html):
            out.append(self._text(page_html[position:], stack, sections, linked_here, href, result, tooltips))
        result.html = "".join(out)
        return result

    def _text(self, raw: str, stack, sections, linked_here: set[str], href, result: LinkedPage, tooltips=True) -> str:
        inner = stack[-1] if stack else OUTSIDE
        if inner.untouched or raw.isspace():
            return raw
        may_link = not inner.unlinked
        pieces: list[str] = []
        last = 0
        for match in self.matcher.find(raw):
            term = self.term_of_form[match.form]
            own_section = any(section_id == term.id for _, section_id in sections)
            if not own_section:
                result.mentioned.add(term.id)
            words = raw[match.start : match.end]
            spans = self.abbreviations_in[match.form]
            if match.form in term.abbr:  # the whole match, plural ending included: "APIs"
                expanded = f'<abbr title="{html.escape(term.name, quote=True)}">{words}</abbr>'
            else:
                expanded = with_abbreviations(words, spans) if spans else None
            if may_link and not own_section and term.id not in linked_here:
                linked_here.add(term.id)
                # The tooltip spells out any abbreviation; without one, <abbr> inside the link does.
                if tooltips:
                    inside, title = words, f' title="{self.link_titles[match.form]}"'
                else:
                    inside, title = expanded or words, ""
                wrapped = f'<a class="glossary-link" href="{html.escape(href(term))}"{title}>{inside}</a>'
            elif expanded is not None:
                wrapped = expanded
            else:
                continue
            pieces.append(raw[last : match.start])
            pieces.append(wrapped)
            last = match.end
        if not pieces:
            return raw
        pieces.append(raw[last:])
        return "".join(pieces)

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
