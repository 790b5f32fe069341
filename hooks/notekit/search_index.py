"""The site's search index: Material's, with the glossary's entries and evened-out page records.

At 10,000 terms Material's index is some 30 MB of JSON; read into Python objects it would take
several times that in memory, and a second or more to read and write. So the two changes are made
in the text, which Material writes compactly and in a fixed shape (`{"config":{…},"docs":[…]}`,
each record starting `{"location":"…",`). The JSON is read where the text cannot say enough: when
a record already has a boost, or the index already holds glossary records, or its shape differs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

# Material ranks a page's own record (its title and introduction) about 2.5 times above a section
# of it that matches as well: right where a page's title names one subject. Here a title names a
# family ("Storage") and the introduction names every service on the page, so the page would hide
# the very section asked for ("block storage") under "more on this page". This evens them out.
PAGE_RECORD_BOOST = 0.4
# The start of a page's own record: a location without "#". A quote inside a JSON string is
# always escaped, so this text cannot occur inside a record's title or text.
PAGE_RECORD_START = re.compile(r'\{"location":"(?:[^"#\\]|\\.)*",')


def with_glossary(index_json: str, glossary_records: list[dict]) -> Iterator[str]:
    """Material's search index (its JSON text) with the glossary's own records, one per entry
    (`notekit.glossary.search_records`), and each page's own record evened out with its sections;
    as pieces of text to write one after another."""
    glossary_path = glossary_records[0]["location"]
    docs_at = index_json.find(',"docs":[')
    docs = index_json[docs_at:] if docs_at >= 0 and index_json.endswith("]}") else ""
    # (The configuration before the docs has boosts of its own: the fields'.)
    if not docs or '"boost":' in docs or f'"location":"{glossary_path}' in docs:
        yield with_glossary_parsed(index_json, glossary_records)
        return
    last = 0
    for record in PAGE_RECORD_START.finditer(index_json, docs_at):
        yield index_json[last : record.end()]
        yield f'"boost":{PAGE_RECORD_BOOST},'
        last = record.end()
    yield index_json[last:-2]
    added = json.dumps(evened(glossary_records), ensure_ascii=False, separators=(",", ":"))[1:-1]
    yield ("" if index_json[:-2].endswith("[") else ",") + added + "]}"


def with_glossary_parsed(index_json: str, glossary_records: list[dict]) -> str:
    """`with_glossary`, by reading the whole index."""
    search_index = json.loads(index_json)
    glossary_path = glossary_records[0]["location"]
    search_index["docs"] = [doc for doc in search_index["docs"] if not doc["location"].startswith(glossary_path)]
    search_index["docs"] = evened(search_index["docs"] + glossary_records)
    return json.dumps(search_index, ensure_ascii=False, separators=(",", ":"))


def evened(records: list[dict]) -> list[dict]:
    """`records` with each page's own record (a location without "#") boosted by PAGE_RECORD_BOOST."""
    return [
        record if "#" in record["location"] else record | {"boost": record.get("boost", 1) * PAGE_RECORD_BOOST}
        for record in records
    ]
