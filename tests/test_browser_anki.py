"""The study page's "Download for Anki" file, imported by Anki itself (the official `anki` package
from PyPI): every card arrives, with its front, back and family tag, including a term whose name
starts with "#", which Anki would read as a comment line unless it is quoted."""

from __future__ import annotations

import html
import json
import re

import pytest
from anki.collection import Collection
from anki.import_export_pb2 import ImportCsvRequest
from study_page import name_of, open_study

pytestmark = pytest.mark.browser

HASHTAG = {"name": "#hashtag service", "summary": 'A made-up term whose name starts with "#".'}


def download(page, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("button", name="Download for Anki").click()
    path = tmp_path / "aws-notes-anki.txt"
    info.value.save_as(path)
    return path


def imported_notes(path, tmp_path) -> list[tuple[list[str], list[str]]]:
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        metadata = collection.get_csv_metadata(path=str(path), delimiter=None)
        collection.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
        notes = [collection.get_note(note_id) for note_id in collection.find_notes("")]
        deck_names = {name.name for name in collection.decks.all_names_and_ids()}
        assert "AWS Notes" in deck_names
        return [([html.unescape(field) for field in note.fields], note.tags) for note in notes]
    finally:
        collection.close()


def test_anki_imports_every_card_of_the_export(page, site_url, site_dir, tmp_path):
    built = (site_dir / "study" / "index.html").read_text(encoding="utf-8")
    deck_attribute = re.search(r'data-deck="([^"]*)"', built)
    deck = json.loads(html.unescape(deck_attribute.group(1)))
    deck["terms"][0].update(HASHTAG)
    edited = built.replace(deck_attribute.group(0), f'data-deck="{html.escape(json.dumps(deck), quote=True)}"')
    page.route("**/study/", lambda route: route.fulfill(body=edited, content_type="text/html"))
    open_study(page, site_url)
    path = download(page, tmp_path)
    assert f'"{HASHTAG["name"]}"\t' in path.read_text(encoding="utf-8"), "the # name is not quoted"

    notes = imported_notes(path, tmp_path)
    assert len(notes) == len(deck["terms"])
    fronts = {fields[0]: (fields[1], tags) for fields, tags in notes}
    for term in deck["terms"]:
        summary, tags = fronts[name_of(term)]
        assert summary == term["summary"]
        assert tags == [re.sub(r"[^a-z0-9]+", "-", term["family"].lower()).strip("-")]
