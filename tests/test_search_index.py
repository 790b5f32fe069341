"""The search index's glossary records and page boosts, made in the text, are what reading the
JSON would make."""

from __future__ import annotations

import json

import pytest
from notekit.search_index import PAGE_RECORD_BOOST, with_glossary, with_glossary_parsed

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
    text = "".join(with_glossary(index(*docs), GLOSSARY))
    assert json.loads(text) == json.loads(with_glossary_parsed(index(*docs), GLOSSARY))


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
    material = index(*docs, config=built["config"])
    assert '"boost":' in material.split(',"docs":[')[0], "Material's configuration has boosts of its own"
    fast = json.loads("".join(with_glossary(material, GLOSSARY)))
    assert fast == json.loads(with_glossary_parsed(material, GLOSSARY))
    assert len(fast["docs"]) > 100
