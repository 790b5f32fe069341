"""Unit tests of `notekit.glossary` and `notekit.term_data`: the glossary's entries, letters,
compact list, search records, mentions, term records and glossary.json, made from small term
indexes."""

from __future__ import annotations

import json
import re

import pytest
from notekit import glossary, term_data
from notekit.site import placeholder, unfilled
from notekit.terms import Reference, Term, build_index


def term(term_id: str, name: str, **extra) -> Term:
    return Term(
        id=term_id, name=name, summary=extra.pop("summary", f"About {name}."), source="s.md", family="S", **extra
    )


def index_of(*terms: Term):
    index = build_index([(list(terms), [])])
    assert index.problems == []
    return index


EBS = term(
    "ebs",
    "Amazon Elastic Block Store",
    abbr=("EBS",),
    aliases=("EBS volume",),
    see=("efs",),
    reference=Reference("Preserve data", "https://docs.aws.amazon.com/ebs/", "2026-11"),
)
EFS = term("efs", "Amazon Elastic File System", abbr=("EFS",))
LAMBDA = term("lambda", "AWS Lambda")


def href(source: str) -> str:
    return f"../{source.removesuffix('.md')}/"


def test_initial_skips_the_amazon_prefix_folds_accents_and_files_the_rest_under_hash():
    assert glossary.initial(EBS) == "E" and glossary.initial(LAMBDA) == "L"
    assert glossary.initial(term("eclair", "Éclair")) == "E"
    assert glossary.initial(term("dot", ".*")) == "#"
    assert glossary.initial(term("zhuk", "Жук")) == "#"
    assert glossary.initial(term("s3", "3D printing")) == "#"


def test_entries_are_grouped_under_one_letter_each_with_a_jump_bar():
    index = index_of(EBS, EFS, LAMBDA, term("eclair", "Éclair"), term("dot", ".*"))
    html = glossary.entries_html(index, href)
    letters = re.findall(r'class="glossary-letter glossary-plain" id="letter-([^"]+)"', html)
    assert letters == ["other", "e", "l"]
    assert '<a href="#letter-other">#</a>' in html and '<a href="#letter-e">E</a>' in html
    assert 'aria-disabled="true" title="No terms under B"' in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert glossary.anchors(index) == {"ebs", "efs", "lambda", "eclair", "dot", "letter-other", "letter-e", "letter-l"}


def test_an_entry_shows_its_names_summary_source_note_and_see_also():
    index = index_of(EBS, EFS)
    html = glossary.entry_html(EBS, index, href)
    assert html.startswith('<div class="glossary-entry">\n<h2 id="ebs" class="glossary-term glossary-plain">Amazon')
    assert html.endswith("</div>")
    assert '<p class="glossary-forms glossary-plain">Also: EBS, EBS volume</p>' in html
    assert '<a href="https://docs.aws.amazon.com/ebs/">Preserve data</a>' in html
    assert '<time class="claim-checked" datetime="2026-11">2026-11</time>' in html
    assert 'Full note: <a href="../s/#ebs">S</a>' in html
    assert '<p class="glossary-see">See also: <a href="#efs">Amazon Elastic File System</a></p>' in html
    assert unfilled(html) == [placeholder("mentions-ebs")]
    assert "glossary-source" not in glossary.entry_html(EFS, index, href)


def test_an_entrys_summary_and_see_also_are_linked_together_as_its_own_section():
    calls = []

    def link_prose(prose, term):
        calls.append((prose, term.id))
        return prose.replace("Amazon", "<b>Amazon</b>")

    html = glossary.entry_html(EBS, index_of(EBS, EFS), href, link_prose)
    assert len(calls) == 1 and calls[0][1] == "ebs"
    assert calls[0][0].startswith('<p class="glossary-summary">') and calls[0][0].endswith("</p>")
    assert calls[0][0].count('<p class="glossary-see">') == 1 and "Full note" not in calls[0][0]
    lines = html.splitlines()
    assert lines[-2] == '<p class="glossary-see">See also: <a href="#efs"><b>Amazon</b> Elastic File System</a></p>'
    assert lines.index(next(line for line in lines if "glossary-summary" in line)) < lines.index(
        next(line for line in lines if "Full note" in line)
    )
    alone = glossary.entry_html(EFS, index_of(EFS), href, lambda prose, term: prose.upper())
    assert "glossary-see" not in alone and '<P CLASS="GLOSSARY-SUMMARY">' in alone


def test_entries_escape_what_the_front_matter_says():
    index = index_of(term("amp", "R&D <lab>", summary='Says "x" & <b>y</b>.'))
    html = glossary.entries_html(index, href)
    assert "R&amp;D &lt;lab&gt;" in html and "Says &quot;x&quot; &amp; &lt;b&gt;y&lt;/b&gt;." in html
    assert "<lab>" not in html and "<b>" not in html


def test_mentions_fill_every_entry_placeholder_and_leave_none_behind():
    index = index_of(EBS, EFS)
    html = glossary.entries_html(index, href)
    filled = glossary.mentions_html(html, {"ebs": [("Storage", "../storage/"), ("Compute", "../compute/")]})
    assert 'Mentioned on: <a href="../storage/">Storage</a>, <a href="../compute/">Compute</a>' in filled
    assert unfilled(filled) == [] and filled.count("Mentioned on") == 1


def test_compact_list_and_search_records():
    index = index_of(EBS, EFS, LAMBDA)
    compact = glossary.compact_list_html(index)
    assert compact.count("<dt>") == 3 and "<dt>Amazon Elastic Block Store (EBS)</dt>" in compact
    records = glossary.search_records(index, "glossary/")
    assert [r["location"] for r in records] == ["glossary/", "glossary/#ebs", "glossary/#efs", "glossary/#lambda"]
    assert all(r["boost"] == glossary.SEARCH_BOOST for r in records)
    assert records[1]["title"] == "Amazon Elastic Block Store (EBS)" and "Also: EBS, EBS volume" in records[1]["text"]


def test_term_records_and_the_json_document():
    index = index_of(EBS, EFS)
    mentions = {"ebs": [("Storage", "storage/")]}
    records = term_data.term_records(
        index, lambda source: source.removesuffix(".md") + "/", "https://x.test/", mentions
    )
    ebs = records[0]
    assert ebs["path"] == "s/#ebs" and ebs["url"] == "https://x.test/s/#ebs" and ebs["glossary_path"] == "glossary/#ebs"
    assert ebs["mentions"] == [{"title": "Storage", "path": "storage/"}] and ebs["see_also"] == ["efs"]
    assert ebs["source"] == {"title": "Preserve data", "url": "https://docs.aws.amazon.com/ebs/", "checked": "2026-11"}
    assert records[1]["source"] is None
    text = term_data.glossary_json(records, "https://x.test/")
    document = json.loads(text)
    assert document["format"] == term_data.JSON_FORMAT and document["version"] == term_data.JSON_VERSION
    assert document["terms"] == records
    assert text.count("\n") == len(records) + 2, "a header line, one line per term, the closing line"


def test_json_escapes_markup_so_it_can_be_inlined():
    records = term_data.term_records(index_of(term("x", "X <y> & z")), lambda s: "", "", {})
    text = term_data.glossary_json(records, "")
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["terms"][0]["name"] == "X <y> & z"


@pytest.mark.parametrize("taken", ["glossary", "glossary-filter-input", "letter-e", "letter-other"])
def test_a_term_id_the_glossary_page_uses_itself_is_a_problem(taken):
    problems = glossary.id_problems(index_of(term(taken, "Taken"), EFS))
    assert problems == [
        f"s.md: term id '{taken}' is taken on the glossary page (its title, filter or letters): rename it"
    ]


def test_the_readers_words_are_data_of_the_entry_never_its_text():
    spot = term("spot", "Spot Instances", reader_words=("cheapest", 'a "spare" <box>'))
    html = glossary.entry_html(spot, index_of(spot), href)
    assert html.startswith('<div class="glossary-entry" data-words="cheapest; a &quot;spare&quot; &lt;box&gt;">')
    text = re.sub(r"<[^>]*>", "", html)
    assert "cheapest" not in text and "spare" not in text
    assert "data-words" not in glossary.entry_html(EFS, index_of(EFS), href)
    records = term_data.term_records(index_of(spot, EFS), lambda source: "s/", "", {})
    assert records[0]["reader_words"] == [] and records[1]["reader_words"] == ["cheapest", 'a "spare" <box>']


def test_a_letters_entries_come_in_chunks_the_browser_lays_out_on_demand():
    terms = [term(f"e{n:03d}", f"Entry {n:03d}") for n in range(glossary.CHUNK_SIZE + 1)]
    html = glossary.entries_html(index_of(*terms, LAMBDA), href)
    assert html.count('<div class="glossary-chunk">') == 3  # E: a full chunk and one entry; L: one
    assert html.count('<div class="glossary-entry"') == len(terms) + 1
    first_chunk = html.split('<div class="glossary-chunk">')[1]
    assert first_chunk.count('<div class="glossary-entry"') == glossary.CHUNK_SIZE


def test_the_list_is_one_element_of_letter_groups_sized_for_their_entries():
    terms = [term(f"e{n:03d}", f"Entry {n:03d}") for n in range(glossary.CONTAINED_FROM)]
    html = glossary.entries_html(index_of(*terms, LAMBDA), href)
    results, rest = html.split(glossary.RESULTS.format(" glossary-contained"))
    assert "glossary-letters" in results and rest.lstrip().startswith(glossary.LIST_OPEN.format(" glossary-contained"))
    group = r'<div class="glossary-group" style="contain-intrinsic-size: auto (\d+)em">\s*<p class="glossary-letter'
    groups = re.findall(group, rest)
    assert [int(size) for size in groups] == [
        glossary.ENTRY_EMS * len(terms) + 3,
        glossary.ENTRY_EMS + 3,
    ]
    opened = len(re.findall(r"<div\b", rest))
    assert opened == rest.count("</div>")  # every wrapper closed, the list's last


def test_only_a_large_glossary_is_laid_out_on_demand():
    def html_of(count):
        return glossary.entries_html(index_of(*[term(f"e{n:04d}", f"Entry {n:04d}") for n in range(count)]), href)

    assert "glossary-contained" not in html_of(glossary.CONTAINED_FROM)
    large = html_of(glossary.CONTAINED_FROM + 1)
    assert 'class="glossary-results glossary-contained"' in large
    assert 'class="glossary-list glossary-contained"' in large
