"""Nothing from the user's notes is lost: every sentence of them, fact by fact, is on the site.

`data/original-notes.md` is the user's notes as they were handed over. `data/facts.yml` quotes
each fact from them and names the page and the phrases that state it on the site. The tests
prove both halves: that the quotes cover every sentence of the notes (no fact was skipped when
the table was written), and that every page says what its facts require.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml

from tools.sitetext import normalise

DATA = Path(__file__).parent / "data"
NOTES = (DATA / "original-notes.md").read_text(encoding="utf-8")
TABLE = yaml.safe_load((DATA / "facts.yml").read_text(encoding="utf-8"))
FACTS = TABLE["facts"]
RESOURCES = TABLE["resources"]
STRUCTURAL = {normalise(line) for line in TABLE["structural"]}

MARKDOWN_LINK = re.compile(r"\[(?P<title>[^\]]+)\]\((?P<url>[^)\s]+)\)")
# A sentence ends at . ? ! or : followed by a capital, a bold marker or a quote.
SENTENCE_END = re.compile(r"(?<=[.?!:])\s+(?=[A-Z*\"“(])")
TRACKING_KEYS = re.compile(r"^(utm_|trk$|sc_|s_kwcid$|ef_id$|awsf\.|getting-started-all\.)")


def note_sentences() -> list[str]:
    """The notes cut into units that each carry a fact: list items and sentences, links dropped."""
    units = []
    for line in NOTES.splitlines():
        line = MARKDOWN_LINK.sub("", line).strip().lstrip("-").strip()
        if not line or normalise(line) in STRUCTURAL:
            continue
        units.extend(part for part in SENTENCE_END.split(line) if part.strip())
    return units


def markdown_plain(text: str) -> str:
    return normalise(text.replace("**", "").replace("*", ""))


def test_every_sentence_of_the_notes_is_claimed_by_a_fact():
    quotes = [markdown_plain(fact["notes"]) for fact in FACTS]
    unclaimed = [s for s in note_sentences() if not any(q in markdown_plain(s) for q in quotes)]
    assert not unclaimed, "sentences of the notes that no fact in facts.yml quotes:\n" + "\n".join(unclaimed)


@pytest.mark.parametrize("fact", FACTS, ids=lambda fact: fact["notes"][:50])
def test_quote_is_really_in_the_notes(fact):
    assert markdown_plain(fact["notes"]) in markdown_plain(NOTES), "facts.yml quotes words the notes do not have"


@pytest.mark.parametrize("fact", FACTS, ids=lambda fact: fact["notes"][:50])
def test_fact_is_on_its_page(fact, pages):
    assert fact["page"] in pages, f"{fact['page']} is not a page of the site"
    text = pages[fact["page"]].text
    missing = [phrase for phrase in fact["says"] if normalise(phrase) not in text]
    assert not missing, f"{fact['page']} does not say {missing} (from the notes: {fact['notes']!r})"


def test_every_figure_of_the_notes_is_on_the_site(pages):
    site_text = " ".join(page.text for page in pages.values())
    figures = set(re.findall(r"\d+\s*%", MARKDOWN_LINK.sub("", NOTES)))
    assert figures, "the notes should have percentages; the pattern is wrong"
    missing = sorted(f for f in figures if normalise(f) not in site_text)
    assert not missing, f"figures from the notes missing on the site: {missing}"


def test_every_resource_link_is_mapped():
    note_urls = [m["url"] for m in MARKDOWN_LINK.finditer(NOTES)]
    assert len(note_urls) == 9
    assert sorted(note_urls) == sorted(r["notes_url"] for r in RESOURCES)


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["url"])
def test_resource_link_is_clean(resource):
    query = parse_qsl(urlsplit(resource["url"]).query)
    assert not [key for key, _ in query if TRACKING_KEYS.match(key)], "tracking parameters left in"


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["url"])
def test_resource_link_is_on_its_topic_page_and_on_resources(resource, pages):
    for source in (resource["page"], "resources.md"):
        page = pages[source]
        assert resource["url"] in page.links, f"{source} does not link to {resource['url']}"
        anchor = next(a for a in page.article.find_all("a", href=True) if a["href"] == resource["url"])
        # A title, then one line on what it is: the link's item holds more than the link.
        item = anchor.find_parent(["li", "p", "dd", "td", "tr"])
        assert item is not None and len(normalise(item.get_text(" "))) > len(normalise(anchor.get_text(" "))) + 20, (
            f"{source}: {resource['url']} has no line saying what it is"
        )
