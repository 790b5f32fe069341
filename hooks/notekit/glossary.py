"""The glossary page, generated from the term index (its JSON file is `notekit.term_data`'s).

The page lists every term A–Z under a jump bar, each entry its own heading (so site search
offers each entry as its own result), with a filter box (hidden without JavaScript). Its Markdown
holds only the title and introduction: the entries are written straight as HTML into the
rendered page (`entries_html`), because running thousands of generated entries through
Markdown would cost more than all the other hook work together; for the same reason only the
entries' prose (summary, "see also") goes through the linker, an entry at a time, as the
section of its own that each entry is: the names, forms and notes around it are marked
`glossary-plain` and hold nothing to link. Which pages mention a term is known
only once every page is linked, so each entry carries a placeholder that `mentions_html` fills.

Speed, with 10,000 terms (`make bench-glossary`): each entry is a `glossary-entry` element, and
a letter's entries come in chunks of `CHUNK_SIZE` (`glossary-chunk`) inside the letter's group
(`glossary-group`); in a glossary of more than `CONTAINED_FROM` terms the browser styles and lays
out a group, and a chunk, only near the screen (`content-visibility: auto` in extra.css), so
showing the whole list again restyles a few dozen elements, not every letter's chunks. The filter
(docs/javascripts/glossary.js) sets the list aside and moves the first matches into
`glossary-results`, and back (see `RESULTS`). Never `hidden` on entries: Material's stylesheet
has a `:not([hidden]) ~` rule, which makes Chromium re-check every later sibling whenever an
element's `hidden` changes, seconds per key with thousands of flat entries (found by profiling).
The address (?q=) is updated once typing pauses, as `history.replaceState` costs a page this size
some 15 ms.

Each term as data (glossary.json, the study deck) is in `notekit.term_data`.
"""

from __future__ import annotations

import functools
import html
import string
from collections.abc import Callable, Iterable

from notekit.claims import checked_html
from notekit.site import fill_each, placeholder
from notekit.terms import Term, TermIndex, sort_key

ENTRIES_PLACEHOLDER = "glossary-entries"
MENTIONS_PREFIX = "mentions-"
SEARCH_BOOST = 4
CHUNK_SIZE = 25  # entries the browser lays out together: fewer styles to work out per key, not too many chunks
ENTRY_EMS = 10  # an entry's usual height (measured at 1280 px: 9.6 to 11.6em), for the space kept for it
# Named for screen readers, but without a title: a tooltip per entry slows the page's start.
PERMALINK = '<a class="headerlink" href="#{id}" aria-label="Link to this section">&para;</a>'

# One sentence: on a phone the filter and the first entries must fit the first screen (the home page
# says how terms link across the site).
INTRO = "Every service, concept and abbreviation defined in the notes, A to Z, each linked to its full note."
GLOSSARY_MARKDOWN = f"""\
---
title: Glossary
description: Every AWS service, concept and abbreviation in the notes, A to Z, each with a summary and its note.
search:
  exclude: true
hide:
  - toc
---

# Glossary

{INTRO}
For flashcards and other tools: <a href="../glossary.json"><code>glossary.json</code></a>.

{placeholder(ENTRIES_PLACEHOLDER)}
"""

FILTER_INPUT_ID = "glossary-filter-input"
LETTER_ID_PREFIX = "letter-"
# Where the entries go in the rendered glossary: hooks/site.py writes them in after the build.
ENTRIES_MARKER = "<!-- glossary: the entries -->"
FILTER_BOX = f"""\
<div class="glossary-filter glossary-plain">
<label for="{FILTER_INPUT_ID}">Filter the glossary</label>
<input type="search" id="{FILTER_INPUT_ID}" placeholder="A name, abbreviation or any word for it" \
autocomplete="off" spellcheck="false">
<p class="glossary-count" role="status" aria-live="polite"></p>
<p class="glossary-suggestions" hidden></p>
</div>
"""
# While the filter is in use the whole list is set aside (`content-visibility: hidden` keeps its
# layout for when the query is cleared) and the matches are moved into the results, at most
# glossary.js's FIRST_MATCHES until the reader asks for all: each key then writes a few dozen
# entries, not thousands. Each wrapper is a part of its own (see `entry_groups`).
# A glossary of more than this many terms is laid out on demand (`glossary-contained`): a letter
# and a chunk only near the screen. A smaller one gains nothing from it, and the space the browser
# keeps for a part not laid out yet is an estimate that tools reading the layout may trip on.
CONTAINED_FROM = 10 * CHUNK_SIZE
RESULTS = '<div class="glossary-results{}"></div>'
LIST_OPEN = '<div class="glossary-list{}">'
LIST_CLOSE = "</div>"


def initial(term: Term) -> str:
    letter = sort_key(term.name)[:1].upper()
    # Names that fold to nothing or start with a digit or a non-Latin letter go under "#".
    return letter if letter and letter in string.ascii_uppercase else "#"


def letter_id(letter: str) -> str:
    """The id of a letter's heading: `letter-e`, or `letter-other` for "#"."""
    return LETTER_ID_PREFIX + ("other" if letter == "#" else letter.lower())


# Ids the glossary page has besides its entries': its title, the filter box, the letters.
PAGE_IDS = {"glossary", FILTER_INPUT_ID}


def id_problems(index: TermIndex) -> list[str]:
    """Term ids that would repeat an id of the glossary page's own, breaking links to either."""
    return [
        f"{term.source}: term id '{term.id}' is taken on the glossary page (its title, filter or letters): rename it"
        for term in index.sorted_terms()
        if term.id in PAGE_IDS or term.id.startswith(LETTER_ID_PREFIX)
    ]


def jump_bar(terms: Iterable[Term]) -> str:
    present = {initial(term) for term in terms}
    letters = [
        f'<a href="#{letter_id(letter)}">{letter}</a>'
        if letter in present
        else f'<span aria-disabled="true" title="No terms under {letter}">{letter}</span>'
        for letter in string.ascii_uppercase
    ]
    if "#" in present:
        letters.insert(0, f'<a href="#{letter_id("#")}">#</a>')
    return (
        '<nav class="glossary-letters glossary-plain" aria-label="Glossary by letter">\n'
        + "\n".join(letters)
        + "\n</nav>\n"
    )


def heading_text(term: Term) -> str:
    """The entry's heading: the name, and its abbreviations, which readers type into search."""
    return f"{term.name} ({', '.join(term.abbr)})" if term.abbr else term.name


# The entry's prose, linked: (its HTML, the term) -> that HTML with the term's links and marks.
LinkProse = Callable[[str, Term], str]
SEE_ALSO = '<p class="glossary-see">'


def entry_html(term: Term, index: TermIndex, href: Callable[[str], str], link_prose: LinkProse | None = None) -> str:
    """One entry. `href(source)` is a page's URL relative to the glossary. Its prose (summary and
    "see also") is linked by `link_prose`, as one section, if given; the rest is `glossary-plain`."""
    text = html.escape
    forms = [*term.abbr, *term.aliases]
    page = href(term.source)
    # Few tags, as the page may hold thousands of entries; glossary.js reads the text it filters
    # on from them (no copy of it in an attribute: the page's first screen arrives in one round
    # trip). Only the readers' words, which the page never shows, are an attribute (`data-words`).
    # `glossary-plain` keeps the linker from marking up the name the entry itself spells out.
    words = f' data-words="{text("; ".join(term.reader_words))}"' if term.reader_words else ""
    parts = [
        f'<div class="glossary-entry"{words}>',
        f'<h2 id="{term.id}" class="glossary-term glossary-plain">'
        f"{text(heading_text(term))}{PERMALINK.format(id=term.id)}</h2>",
    ]
    if forms:
        parts.append('<p class="glossary-forms glossary-plain">Also: ' + ", ".join(map(text, forms)) + "</p>")
    # The official page the summary rests on, if any, shares a line with the note's link: on a
    # phone the first entry that matches the filter must fit the first screen.
    source = ""
    if term.reference:
        ref = term.reference
        source = (
            f'. <span class="glossary-source glossary-plain">Source: <a href="{text(ref.url)}">{text(ref.title)}</a>, '
            f"{checked_html(text(ref.checked))}</span>"
        )
    summary = f'<p class="glossary-summary">{text(term.summary)}</p>'
    related = [index.terms[other] for other in term.see if other in index.terms]
    see_also = ""
    if related:
        see_also = (
            SEE_ALSO + "See also: " + ", ".join(f'<a href="#{o.id}">{text(o.name)}</a>' for o in related) + "</p>"
        )
    if link_prose is not None:
        summary, see_also = linked_prose(summary, see_also, term, link_prose)
    parts += [
        summary,
        f'<p class="glossary-meta glossary-plain">Full note: '
        f'<a href="{text(page)}#{term.id}">{text(term.family)}</a>{source}</p>',
        placeholder(MENTIONS_PREFIX + term.id),
    ]
    if see_also:
        parts.append(see_also)
    return "\n".join([*parts, "</div>"])


def linked_prose(summary: str, see_also: str, term: Term, link_prose: LinkProse) -> tuple[str, str]:
    """The summary and "see also" linked together, as one section (an abbreviation the summary
    expands is not marked again in "see also"), and split again."""
    if not see_also:
        return link_prose(summary, term), ""
    # The summary is escaped text, so the first "see also" opening in the linked HTML is its own.
    linked_summary, _, linked_see_also = link_prose(summary + "\n" + see_also, term).partition("\n" + SEE_ALSO)
    return linked_summary, SEE_ALSO + linked_see_also


def group_open(entries: int, contained: bool) -> str:
    """A letter's group; in a large glossary, sized for the browser until it is first laid out
    (extra.css): a letter far down the page is then about where its jump link expects it."""
    if not contained:
        return '<div class="glossary-group">'
    return f'<div class="glossary-group" style="contain-intrinsic-size: auto {ENTRY_EMS * entries + 3}em">'


def entries_html(index: TermIndex, href: Callable[[str], str], link_prose: LinkProse | None = None) -> str:
    """The filter box, the jump bar and every entry under its letter, for the page's placeholder."""
    return "\n".join(entry_groups(index, href, link_prose))


def entry_groups(index: TermIndex, href: Callable[[str], str], link_prose: LinkProse | None = None) -> list[str]:
    """`entries_html` in parts: the filter box, jump bar and (empty) results, the list's opening,
    each letter's group of entries, the list's end. A site with thousands of terms is then linked
    (and filled) a part at a time, never all at once."""
    terms = index.sorted_terms()
    by_letter: dict[str, list[Term]] = {}
    for term in terms:
        by_letter.setdefault(initial(term), []).append(term)
    contained = len(terms) > CONTAINED_FROM
    wrapper_class = " glossary-contained" if contained else ""
    groups = ["\n".join([FILTER_BOX, jump_bar(terms), RESULTS.format(wrapper_class)])]
    groups.append(LIST_OPEN.format(wrapper_class))
    for letter, members in by_letter.items():
        heading = f'<p class="glossary-letter glossary-plain" id="{letter_id(letter)}" aria-hidden="true">{letter}</p>'
        parts = [group_open(len(members), contained), heading]
        for start in range(0, len(members), CHUNK_SIZE):
            chunk = members[start : start + CHUNK_SIZE]
            parts += [
                '<div class="glossary-chunk">',
                *(entry_html(term, index, href, link_prose) for term in chunk),
                "</div>",
            ]
        groups.append("\n".join([*parts, "</div>"]))
    groups.append(LIST_CLOSE)
    return groups


def compact_list_html(index: TermIndex) -> str:
    """Every term and its summary in a few lines each: the cheat sheet's glossary."""
    items = [
        f"<dt>{html.escape(heading_text(term))}</dt><dd>{html.escape(term.summary)}</dd>"
        for term in index.sorted_terms()
    ]
    return '<dl class="cheatsheet-glossary glossary-plain">\n' + "\n".join(items) + "\n</dl>"


def anchors(index: TermIndex) -> set[str]:
    """The ids the entries add to the page, for link validation."""
    return set(index.terms) | {letter_id(initial(term)) for term in index.terms.values()}


def search_records(index: TermIndex, glossary_path: str, boost: float = SEARCH_BOOST) -> list[dict]:
    """Site-search records for the glossary, one per entry, boosted above the pages' own sections.

    The page itself is excluded from Material's indexer (`search: exclude`), which would parse
    thousands of generated entries back out of HTML we wrote; the records are made from the
    terms instead, in the indexer's format: location, title, text (HTML), boost.
    """
    records = [{"location": glossary_path, "title": "Glossary", "text": f"<p>{INTRO}</p>", "boost": boost}]
    for term in index.sorted_terms():
        forms = [*term.abbr, *term.aliases]
        text = (
            f"<p>Also: {html.escape(', '.join(forms))}</p>" if forms else ""
        ) + f"<p>{html.escape(term.summary)}</p>"
        records.append(
            {"location": f"{glossary_path}#{term.id}", "title": heading_text(term), "text": text, "boost": boost}
        )
    return records


def mentions_html(glossary_html: str, mentions: dict[str, list[tuple[str, str]]]) -> str:
    """Fill each entry's placeholder with links to the pages (title, URL) that mention the term."""

    @functools.cache  # a page is named in many entries: its link is written once
    def page_link(title: str, url: str) -> str:
        return f'<a href="{html.escape(url)}">{html.escape(title)}</a>'

    def mentioned_on(term_id: str) -> str:
        pages = mentions.get(term_id, [])
        if not pages:
            return ""
        links = ", ".join(page_link(title, url) for title, url in pages)
        return f'<p class="glossary-mentions">Mentioned on: {links}</p>'

    return fill_each(glossary_html, MENTIONS_PREFIX, mentioned_on)
