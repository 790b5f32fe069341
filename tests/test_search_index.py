"""The search index's glossary records and page boosts, made in the text, are what reading the
JSON would make."""

from __future__ import annotations

import json

import pytest
from notekit.search_index import (
    PAGE_RECORD_BOOST,
    READER_WORDS_BOOST,
    READER_WORDS_FIELD,
    reader_words_by_location,
    with_glossary,
    with_glossary_parsed,
)

GLOSSARY = [
    {"location": "glossary/", "title": "Glossary", "text": "<p>All terms.</p>", "boost": 2},
    {"location": "glossary/#ebs", "title": "EBS", "text": "<p>Block storage.</p>", "boost": 2},
]


# Material's own configuration block: its fields carry boosts of their own.
CONFIG = {"lang": ["en"], "separator": "[\\s]+", "pipeline": ["stemmer"], "fields": {"title": {"boost": 1000.0}}}


def index(*docs: dict, config: dict = CONFIG) -> str:
    return json.dumps({"config": config, "docs": list(docs)}, separators=(",", ":"))


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [{"location": "", "title": "Home", "text": '<p>Hi, "quoted" {"location":"x",}</p>'}],
        [
            {"location": "storage/", "title": "Storage", "text": ""},
            {"location": "storage/#ebs", "title": "EBS", "text": "x"},
            {"location": 'a\\"b/', "title": "Odd", "text": "y"},
        ],
        [{"location": "storage/", "title": "Storage", "text": "", "boost": 3}],  # read as JSON
        [{"location": "glossary/#old", "title": "Old", "text": ""}],  # read as JSON
    ],
)
def test_the_text_edit_gives_what_reading_the_json_gives(docs):
    words = {"storage/#ebs": 'hard drive, "disk"', "glossary/#ebs": "hard drive", 'a\\"b/': "odd"}
    for reader_words in ({}, words):
        text = "".join(with_glossary(index(*docs), GLOSSARY, reader_words))
        assert json.loads(text) == json.loads(with_glossary_parsed(index(*docs), GLOSSARY, reader_words))


def test_reader_words_are_a_field_of_their_own_in_the_records_of_their_locations():
    docs = [
        {"location": "storage/", "title": "Storage", "text": ""},
        {"location": "storage/#ebs", "title": "E", "text": ""},
    ]
    words = {"storage/#ebs": "hard drive", "glossary/#ebs": "hard drive"}
    result = json.loads("".join(with_glossary(index(*docs), GLOSSARY, words)))
    assert result["config"]["fields"] == CONFIG["fields"] | {READER_WORDS_FIELD: {"boost": READER_WORDS_BOOST}}
    by_location = {doc["location"]: doc for doc in result["docs"]}
    assert by_location["storage/#ebs"][READER_WORDS_FIELD] == "hard drive"
    assert by_location["glossary/#ebs"][READER_WORDS_FIELD] == "hard drive"
    assert READER_WORDS_FIELD not in by_location["storage/"] and "hard drive" not in by_location["storage/#ebs"]["text"]


def test_reader_words_go_to_the_note_and_the_glossary_entry():
    class Term:
        def __init__(self, id, reader_words):
            self.id, self.source, self.reader_words = id, "compute.md", reader_words

    terms = [Term("spot", ("cheapest", "interruptible")), Term("ec2", ())]
    assert reader_words_by_location(terms, {"compute.md": "compute/"}, "glossary/") == {
        "compute/#spot": "cheapest, interruptible",
        "glossary/#spot": "cheapest, interruptible",
    }


def test_the_text_edit_is_the_way_taken_for_material_s_own_index(monkeypatch):
    def parsed(*args):
        raise AssertionError("read as JSON")

    monkeypatch.setattr("notekit.search_index.with_glossary_parsed", parsed)
    docs = [
        {"location": "storage/", "title": "Storage", "text": ""},
        {"location": "storage/#ebs", "title": "E", "text": ""},
    ]
    assert json.loads("".join(with_glossary(index(*docs), GLOSSARY)))["docs"][0]["boost"] == PAGE_RECORD_BOOST


def test_page_records_are_evened_out_and_the_glossary_replaces_its_old_records():
    docs = [
        {"location": "storage/", "title": "Storage", "text": "", "boost": 3},
        {"location": "storage/#ebs", "title": "EBS", "text": ""},
        {"location": "glossary/#old", "title": "Old", "text": ""},
    ]
    result = json.loads("".join(with_glossary(index(*docs), GLOSSARY)))["docs"]
    assert [doc["location"] for doc in result] == ["storage/", "storage/#ebs", "glossary/", "glossary/#ebs"]
    assert result[0]["boost"] == 3 * PAGE_RECORD_BOOST and "boost" not in result[1]
    assert result[2]["boost"] == 2 * PAGE_RECORD_BOOST and result[3]["boost"] == 2


def test_the_real_index_gives_the_same_either_way(site_dir):
    built = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    # The index as Material wrote it: without the glossary's records and the boosts added since.
    unboosted = [{key: value for key, value in doc.items() if key != "boost"} for doc in built["docs"]]
    docs = [doc for doc in unboosted if not doc["location"].startswith("glossary/")]
    assert '"boost":' in json.dumps(built["config"]), "Material's configuration has boosts of its own"
    words = {doc["location"]: doc[READER_WORDS_FIELD] for doc in built["docs"] if READER_WORDS_FIELD in doc}
    assert words["compute/#spot-instances"] == words["glossary/#spot-instances"]
    assert "cheapest" in words["compute/#spot-instances"]
    docs = [{key: value for key, value in doc.items() if key != READER_WORDS_FIELD} for doc in docs]
    config = built["config"] | {"fields": dict(built["config"]["fields"])}
    del config["fields"][READER_WORDS_FIELD]
    material = index(*docs, config=config)
    fast = json.loads("".join(with_glossary(material, GLOSSARY, words)))
    assert fast == json.loads(with_glossary_parsed(material, GLOSSARY, words))
    assert len(fast["docs"]) > 100
