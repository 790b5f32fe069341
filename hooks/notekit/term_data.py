"""The terms as data, for tools and the study page: one record per term (`term_records`), and
glossary.json, the documented file made of them (`glossary_json`)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from notekit.site import GLOSSARY
from notekit.terms import TermIndex

JSON_FORMAT = "aws-notes-glossary"
JSON_VERSION = 1


def term_records(
    index: TermIndex,
    page_path: Callable[[str], str],
    site_url: str,
    mentions: dict[str, list[tuple[str, str]]],
) -> list[dict]:
    """Every term as data, in glossary order: the records of glossary.json (CONTRIBUTING.md documents
    them). `page_path(source)` is a page's path from the site root."""
    records = []
    # One mention record per page, shared by the terms it mentions: as many as the pages, not the mentions.
    mention_of = functools.cache(lambda title, path: {"title": title, "path": path})
    for term in index.sorted_terms():
        path = f"{page_path(term.source)}#{term.id}"
        records.append(
            {
                "id": term.id,
                "name": term.name,
                "abbreviations": list(term.abbr),
                "aliases": list(term.aliases),
                "reader_words": list(term.reader_words),
                "summary": term.summary,
                "family": term.family,
                "path": path,
                "url": site_url + path if site_url else path,
                "glossary_path": f"{page_path(GLOSSARY)}#{term.id}",
                "mentions": [mention_of(title, url) for title, url in mentions.get(term.id, [])],
                "see_also": [other for other in term.see if other in index.terms],
                "source": (
                    {"title": term.reference.title, "url": term.reference.url, "checked": term.reference.checked}
                    if term.reference
                    else None
                ),
            }
        )
    return records


def glossary_json(records: list[dict], site_url: str) -> str:
    """The documented JSON export (CONTRIBUTING.md, "glossary.json") of `term_records`."""
    header = json.dumps({"format": JSON_FORMAT, "version": JSON_VERSION, "site_url": site_url}, ensure_ascii=False)
    # One term per line: readable in a diff, and written by json's fast C encoder (no `indent`).
    encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every record
    lines = ",\n".join(inlinable(encode(record)) for record in records)
    return inlinable(header[:-1]) + ', "terms": [\n' + lines + "\n]}\n"


def inlinable(json_text: str) -> str:
    """JSON with <, > and & escaped, so the file can be inlined in a page or a script tag without
    becoming markup (a line at a time: the whole file escaped at once would be copied thrice)."""
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
