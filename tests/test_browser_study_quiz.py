"""Study mode's quiz and its Anki export, in headless Chromium (the cards: test_browser_study.py)."""

from __future__ import annotations

import html
import json
import re

import pytest
from study_page import boxes, choose_families, name_of, open_study, start_quiz

pytestmark = pytest.mark.browser

ANKI_HEADER = ["#separator:tab", "#html:false", "#notetype:Basic", "#deck:AWS Notes", "#tags column:3"]


def slug(family: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", family.lower()).strip("-")


def answer_quiz(page, glossary, right: int, keyboard: bool = False) -> tuple[list[str], list[dict]]:
    """Answer every question, the first `right` ones correctly; the questions' terms and misses."""
    by_name = {name_of(t): t for t in glossary}
    by_summary = {t["summary"]: t for t in glossary}
    family_size = {family: sum(t["family"] == family for t in glossary) for family in {t["family"] for t in glossary}}
    asked, missed = [], []
    number = 0
    while page.locator("[data-options] button").count():
        number += 1
        question = page.locator("[data-question]").inner_text()
        term = by_name[re.search(r"describes (.+)\?$", question).group(1)]
        options = [text.split(" ", 1)[1] for text in page.locator("[data-options] button").all_inner_texts()]
        assert len(options) == 4 and len(set(options)) == 4, options
        assert term["summary"] in options
        families = {by_summary[text]["family"] for text in options}
        if family_size[term["family"]] >= 4:
            assert families == {term["family"]}, f"{term['name']}: wrong answers from {families}"
        index = options.index(term["summary"]) if number <= right else (options.index(term["summary"]) + 1) % 4
        if number > right:
            missed.append(term)
        if keyboard:
            page.keyboard.press(str(index + 1))
        else:
            page.locator("[data-options] button").nth(index).click()
        expected = "Right." if number <= right else "Not this one"
        assert page.locator("[data-feedback]").inner_text().startswith(expected)
        asked.append(term["id"])
        page.get_by_role("button", name="Next question").click()
    return asked, missed


@pytest.mark.parametrize("keyboard", [False, True], ids=["mouse", "keyboard"])
def test_the_quiz_scores_correctly_and_never_repeats_an_option(page, site_url, glossary, keyboard):
    open_study(page, site_url)
    start_quiz(page)
    asked, missed = answer_quiz(page, glossary, right=6, keyboard=keyboard)
    assert len(asked) == len(set(asked)) == 10
    assert page.locator(".study-score").inner_text() == "Score: 6 of 10"
    links = page.locator("[data-result] a")
    assert links.count() == 4
    hrefs = [links.nth(i).get_attribute("href") for i in range(4)]
    assert [href.split("/", 3)[3] for href in hrefs] == [term["path"] for term in missed]
    assert boxes(page) == {}, "the quiz should not move flashcards between boxes"
    page.get_by_role("button", name="New quiz").click()
    assert page.locator("[data-question]").inner_text().startswith("Question 1 of 10")


def test_a_quiz_on_one_family_takes_every_wrong_answer_from_it(page, site_url, glossary):
    open_study(page, site_url)
    choose_families(page, {"Databases"})
    start_quiz(page)
    asked, _ = answer_quiz(page, glossary, right=4)
    assert len(asked) == 4
    assert page.locator(".study-score").inner_text() == "Score: 4 of 4"


def download_anki(page) -> list[str]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download for Anki").click()
    download = info.value
    assert download.suggested_filename == "aws-notes-anki.txt"
    return open(download.path(), encoding="utf-8").read().split("\n")


def test_the_anki_export_has_one_line_per_term(page, site_url, glossary):
    open_study(page, site_url)
    lines = download_anki(page)
    assert lines[-1] == "", "the file should end with a newline"
    lines = lines[:-1]
    assert lines[: len(ANKI_HEADER)] == ANKI_HEADER
    notes = lines[len(ANKI_HEADER) :]
    assert len(notes) == len(glossary) == 71
    for line, term in zip(notes, glossary, strict=True):
        fields = line.split("\t")
        assert fields == [name_of(term), term["summary"], slug(term["family"])], line
        assert " " not in fields[2] and not fields[2].startswith("#")
    assert {line.split("\t")[2] for line in notes} >= {"networking-content-delivery", "tools-infrastructure-as-code"}

    choose_families(page, {"Storage"})
    notes = download_anki(page)[len(ANKI_HEADER) : -1]
    assert len(notes) == sum(t["family"] == "Storage" for t in glossary)
    assert all(line.endswith("\tstorage") for line in notes)


def test_the_anki_export_keeps_quotes_and_whitespace_from_breaking_a_line(page, site_url, site_dir):
    """No summary of the notes has a quote, tab or line break today: one is put in the deck here."""
    built = (site_dir / "study" / "index.html").read_text(encoding="utf-8")
    deck_attribute = re.search(r'data-deck="([^"]*)"', built)
    deck = json.loads(html.unescape(deck_attribute.group(1)))
    deck["terms"][0]["summary"] = 'Says "hi",\tthen\nmore.'
    edited = built.replace(deck_attribute.group(0), f'data-deck="{html.escape(json.dumps(deck), quote=True)}"')
    page.route("**/study/", lambda route: route.fulfill(body=edited, content_type="text/html"))
    open_study(page, site_url)
    notes = download_anki(page)[len(ANKI_HEADER) : -1]
    assert len(notes) == len(deck["terms"])
    assert notes[0].split("\t")[1] == '"Says ""hi"", then more."'
