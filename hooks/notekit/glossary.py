"""The glossary, generated from the term index: a Markdown page and a JSON file.

The page lists every term A–Z under a jump bar, each entry its own heading (so site search
offers each entry as its own result), with a filter box that JavaScript reveals. Which pages
mention a term is only known once every page is linked, so the page carries a placeholder per
entry that `mentions_html` fills at the end of the build.
"""

from __future__ import annotations

import html
import json
import re
import string
import unicodedata
from collections.abc import Callable, Iterable

from notekit.terms import Term, TermIndex, sort_key

GLOSSARY_SOURCE = "glossary.md"
JSON_FORMAT = "aws-notes-glossary"
JSON_VERSION = 1
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~-])")
NOT_A_WORD = re.compile(r"[^a-z0-9]+")
MENTIONS_PLACEHOLDER = "<!-- glossary-mentions:{id} -->"
MENTIONS = re.compile(r"<!-- glossary-mentions:(?P<id>[^ ]+) -->")

FRONT_MATTER = """\
---
title: Glossary
description: Every AWS service, concept and abbreviation in the notes, A to Z, each with a summary and its note.
search:
  boost: 4
hide:
  - toc
---

# Glossary

Every service, concept and abbreviation defined in the notes, A to Z. Each entry links to its
full note. Anywhere on the site, the first mention of a term in a section links to its note:
hover it to read the summary. The same list is available as
<a href="../glossary.json"><code>glossary.json</code></a> for flashcards and other tools.
"""

FILTER_BOX = """\
<div class="glossary-filter" hidden>
<label for="glossary-filter-input">Filter the glossary</label>
<input type="search" id="glossary-filter-input" placeholder="Name, abbreviation or words of the summary" \
autocomplete="off" spellcheck="false">
<p class="glossary-count" role="status" aria-live="polite"></p>
</div>
"""


def searchable(text: str) -> str:
    """Lowercase words without accents or punctuation: what the filter box compares.

    docs/javascripts/glossary.js folds the reader's query the same way, then looks for each of
    its words at the start of a word here ("block st" finds "Elastic Block Store").
    """
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return " ".join(NOT_A_WORD.split(plain)).strip()


def markdown_text(text: str) -> str:
    """Plain text made safe to drop into Markdown: no HTML, no emphasis, no links."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def initial(term: Term) -> str:
    letter = searchable(sort_key(term.name))[:1].upper()
    return letter if letter in string.ascii_uppercase else "#"


def jump_bar(terms: Iterable[Term]) -> str:
    present = {initial(term) for term in terms}
    letters = [
        f'<a href="#letter-{letter.lower()}">{letter}</a>'
        if letter in present
        else f'<span aria-disabled="true" title="No terms under {letter}">{letter}</span>'
        for letter in string.ascii_uppercase
    ]
    if "#" in present:
        letters.insert(0, '<a href="#letter-other">#</a>')
    return '<nav class="glossary-letters" aria-label="Glossary by letter">\n' + "\n".join(letters) + "\n</nav>\n"


def heading_text(term: Term) -> str:
    """The entry's heading: the name, and its abbreviations, which readers type into search."""
    return f"{term.name} ({', '.join(term.abbr)})" if term.abbr else term.name


def entry_markdown(term: Term, index: TermIndex) -> str:
    forms = [*term.abbr, *term.aliases]
    search_text = searchable(" ".join([term.name, *forms, term.summary]))
    lines = [
        f'<div class="glossary-entry" data-search="{html.escape(search_text, quote=True)}" markdown>',
        "",
        f"## {html.escape(heading_text(term), quote=False)} {{ #{term.id} }}",
        "",
    ]
    if forms:
        lines += ["*Also:* " + ", ".join(markdown_text(form) for form in forms), "{: .glossary-forms }", ""]
    lines += [
        markdown_text(term.summary),
        "",
        f"*Family:* [{markdown_text(term.family)}]({term.source}) · [Full note]({term.source}#{term.id})",
        "{: .glossary-meta data-search-exclude }",
        "",
        MENTIONS_PLACEHOLDER.format(id=term.id),
        "",
    ]
    related = [index.terms[other] for other in term.see if other in index.terms]
    if related:
        links = ", ".join(f"[{markdown_text(other.name)}](#{other.id})" for other in related)
        lines += [f"*See also:* {links}", "{: .glossary-see data-search-exclude }", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)


def glossary_markdown(index: TermIndex) -> str:
    terms = index.sorted_terms()
    parts = [FRONT_MATTER, FILTER_BOX, jump_bar(terms)]
    current = None
    for term in terms:
        letter = initial(term)
        if letter != current:
            current = letter
            anchor = "other" if letter == "#" else letter.lower()
            parts.append(f'<p class="glossary-letter" id="letter-{anchor}" aria-hidden="true">{letter}</p>\n')
        parts.append(entry_markdown(term, index))
    return "\n".join(parts)


def mentions_html(glossary_html: str, mentions: dict[str, list[tuple[str, str]]]) -> str:
    """Fill each entry's placeholder with links to the pages (title, URL) that mention the term."""

    def fill(match: re.Match) -> str:
        pages = mentions.get(match.group("id"), [])
        if not pages:
            return ""
        links = ", ".join(f'<a href="{html.escape(url)}">{html.escape(title)}</a>' for title, url in pages)
        return f'<p class="glossary-mentions" data-search-exclude><em>Mentioned on:</em> {links}</p>'

    return MENTIONS.sub(fill, glossary_html)


def glossary_json(
    index: TermIndex,
    page_path: Callable[[str], str],
    site_url: str,
    mentions: dict[str, list[tuple[str, str]]],
) -> str:
    """The documented JSON export (README, "glossary.json"). Paths are relative to the site root."""
    terms = []
    for term in index.sorted_terms():
        path = f"{page_path(term.source)}#{term.id}"
        terms.append(
            {
                "id": term.id,
                "name": term.name,
                "abbreviations": list(term.abbr),
                "aliases": list(term.aliases),
                "summary": term.summary,
                "family": term.family,
                "path": path,
                "url": site_url + path if site_url else path,
                "glossary_path": f"{page_path(GLOSSARY_SOURCE)}#{term.id}",
                "mentions": [{"title": title, "path": url} for title, url in mentions.get(term.id, [])],
                "see_also": [other for other in term.see if other in index.terms],
            }
        )
    document = {"format": JSON_FORMAT, "version": JSON_VERSION, "site_url": site_url, "terms": terms}
    text = json.dumps(document, ensure_ascii=False, indent=1)
    # Escaped so the file can be inlined in a page or a script tag without becoming markup.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"
