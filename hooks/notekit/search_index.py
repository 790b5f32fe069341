"""The site's search index: Material's, with the glossary's entries, evened-out page records, and
the words readers use for each term.

At 10,000 terms Material's index is some 30 MB of JSON; read into Python objects it would take
several times that in memory, and a second or more to read and write. So the two changes are made
in the text, which Material writes compactly and in a fixed shape (`{"config":{…},"docs":[…]}`,
each record starting `{"location":"…",`). The JSON is read where the text cannot say enough: when
a record already has a boost, or the index already holds glossary records, or its shape differs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

# Material ranks a page's own record (its title and introduction) about 2.5 times above a section
# of it that matches as well: right where a page's title names one subject. Here a title names a
# family ("Storage") and the introduction names every service on the page, so the page would hide
# the very section asked for ("block storage") under "more on this page". This evens them out.
PAGE_RECORD_BOOST = 0.4
# A term's reader words ("cheapest" for Spot Instances) go into a field of their own, which
# Material's worker indexes like any field its configuration lists and its result template never
# shows: a reader finds the term's note and glossary entry by them without reading them there. A
# reader word names the thing as a title does, so it weighs as much as a word of a title (the
# search relevance table: 51 of the 53 readers' queries found at 1,000, 48 at 300).
READER_WORDS_FIELD = "words"
READER_WORDS_BOOST = 1000.0
# The start of a record, and its location. A quote inside a JSON string is always escaped, so this
# text cannot occur inside a record's title or text.
RECORD_START = re.compile(r'\{"location":"((?:[^"\\]|\\.)*)",')
FIELDS_START = '"fields":{'


def with_glossary(
    index_json: str, glossary_records: list[dict], reader_words: dict[str, str] | None = None
) -> Iterator[str]:
    """Material's search index (its JSON text) with the glossary's own records, one per entry
    (`notekit.glossary.search_records`), each page's own record evened out with its sections, and
    `reader_words` (location -> words) in the records of those locations; as pieces of text to
    write one after another."""
    reader_words = reader_words or {}
    glossary_path = glossary_records[0]["location"]
    docs_at = index_json.find(',"docs":[')
    docs = index_json[docs_at:] if docs_at >= 0 and index_json.endswith("]}") else ""
    fields_at = index_json.find(FIELDS_START, 0, max(docs_at, 0))
    # (The configuration before the docs has boosts of its own: the fields'.)
    if not docs or fields_at < 0 or '"boost":' in docs or f'"location":"{glossary_path}' in docs:
        yield with_glossary_parsed(index_json, glossary_records, reader_words)
        return
    fields_end = fields_at + len(FIELDS_START)
    yield index_json[:fields_end] + f'"{READER_WORDS_FIELD}":{{"boost":{READER_WORDS_BOOST}}},'
    last = fields_end
    for record in RECORD_START.finditer(index_json, docs_at):
        location = json.loads(f'"{record[1]}"')
        additions = "" if "#" in location else f'"boost":{PAGE_RECORD_BOOST},'
        if location in reader_words:
            additions += f'"{READER_WORDS_FIELD}":{json.dumps(reader_words[location], ensure_ascii=False)},'
        if additions:
            yield index_json[last : record.end()]
            yield additions
            last = record.end()
    yield index_json[last:-2]
    added = json.dumps(
        with_reader_words(evened(glossary_records), reader_words), ensure_ascii=False, separators=(",", ":")
    )[1:-1]
    yield ("" if index_json[:-2].endswith("[") else ",") + added + "]}"


def with_glossary_parsed(index_json: str, glossary_records: list[dict], reader_words: dict[str, str]) -> str:
    """`with_glossary`, by reading the whole index."""
    search_index = json.loads(index_json)
    glossary_path = glossary_records[0]["location"]
    search_index["config"].setdefault("fields", {})[READER_WORDS_FIELD] = {"boost": READER_WORDS_BOOST}
    search_index["docs"] = [doc for doc in search_index["docs"] if not doc["location"].startswith(glossary_path)]
    search_index["docs"] = with_reader_words(evened(search_index["docs"] + glossary_records), reader_words)
    return json.dumps(search_index, ensure_ascii=False, separators=(",", ":"))


def reader_words_by_location(terms: Iterable, url_of: dict[str, str], glossary_url: str) -> dict[str, str]:
    """Each term's reader words, at its note (the heading on its page) and at its glossary entry."""
    by_location = {}
    for term in terms:
        if term.reader_words:
            words = ", ".join(term.reader_words)
            by_location[f"{url_of[term.source]}#{term.id}"] = words
            by_location[f"{glossary_url}#{term.id}"] = words
    return by_location


def with_reader_words(records: list[dict], reader_words: dict[str, str]) -> list[dict]:
    """`records` with the reader words of their locations."""
    return [
        record | {READER_WORDS_FIELD: reader_words[record["location"]]}
        if record["location"] in reader_words
        else record
        for record in records
    ]


def evened(records: list[dict]) -> list[dict]:
    """`records` with each page's own record (a location without "#") boosted by PAGE_RECORD_BOOST."""
    return [
        record if "#" in record["location"] else record | {"boost": record.get("boost", 1) * PAGE_RECORD_BOOST}
        for record in records
    ]
