"""The glossary on the real site, its JSON export, the cross-links, and the build rejecting bad terms."""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import Comment
from support import copy_project, mkdocs_build

GLOSSARY = "glossary.md"


@pytest.fixture(scope="session")
def glossary_json(site_dir):
    return json.loads((site_dir / "glossary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def terms(glossary_json):
    return {term["id"]: term for term in glossary_json["terms"]}


# -- The glossary page -------------------------------------------------------------------------


def test_the_notes_define_at_least_60_terms(terms):
    assert len(terms) >= 60


def test_every_term_has_an_entry_whose_heading_id_is_the_term_id(pages, terms):
    article = pages[GLOSSARY].article
    entry_ids = [heading["id"] for heading in article.select("h2.glossary-term")]
    assert sorted(entry_ids) == sorted(terms)


def test_entries_run_a_to_z_under_their_letters(pages):
    article = pages[GLOSSARY].article
    letters = [p.get_text() for p in article.select(".glossary-letter")]
    assert letters == sorted(letters) and len(letters) == len(set(letters))
    letter = None
    for element in article.select(".glossary-letter, h2.glossary-term"):
        if "glossary-letter" in element["class"]:
            letter = element.get_text()
            continue
        name = re.sub(r"^(Amazon|AWS) ", "", element.get_text())
        assert name[0].upper() == letter, f"'{element.get_text()}' is filed under {letter}"


def test_jump_bar_links_present_letters_and_disables_the_others(pages):
    article = pages[GLOSSARY].article
    bar = article.select_one("nav.glossary-letters")
    present = {p.get_text() for p in article.select(".glossary-letter")}
    linked = {a.get_text(): a["href"] for a in bar.find_all("a")}
    disabled = {s.get_text() for s in bar.select("[aria-disabled=true]")}
    assert set(linked) == present and disabled == set(string.ascii_uppercase) - present
    assert all(article.find(id=href[1:]) for href in linked.values())


def entry_elements(article, term_id):
    """An entry is flat: its heading, then the paragraphs up to the next heading or letter."""
    heading = article.find("h2", id=term_id)
    elements = [heading]
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2" or "glossary-letter" in sibling.get("class", []):
            break
        elements.append(sibling)
    return elements


def test_entry_shows_name_aliases_summary_family_note_mentions_and_see_also(pages, terms):
    entry = entry_elements(pages[GLOSSARY].article, "ebs")
    text = " ".join(" ".join(element.get_text() for element in entry).split())
    ebs = terms["ebs"]
    assert ebs["name"] in text and all(alias in text for alias in ebs["aliases"])
    assert " ".join(ebs["summary"].split()) in text
    hrefs = [a["href"] for element in entry for a in element.find_all("a", href=True)]
    assert "../storage/#ebs" in hrefs and "Full note: Storage" in text
    assert [a["href"] for element in entry for a in element.select("a") if "glossary-mentions" in element["class"]] == [
        "../" + mention["path"] for mention in ebs["mentions"]
    ]
    see_also = next(element for element in entry if "glossary-see" in element["class"])
    assert [a["href"] for a in see_also.select("a")] == [f"#{other}" for other in ebs["see_also"]]


def test_filter_box_is_in_place_from_the_start_and_hidden_without_javascript(pages):
    # Rendered in place (showing it later would shift the page); extra.css hides it until the
    # page's head script marks the document as running JavaScript.
    box = pages[GLOSSARY].article.select_one(".glossary-filter")
    assert not box.has_attr("hidden") and box.find("input", id="glossary-filter-input") is not None
    head_scripts = [str(tag) for tag in pages[GLOSSARY].soup.select("head script")]
    assert any('document.documentElement.classList.add("js")' in script for script in head_scripts)


def test_glossary_is_boosted_in_search_and_each_entry_is_its_own_result(site_dir, terms):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    glossary_docs = {d["location"]: d for d in index["docs"] if d["location"].startswith("glossary/#")}
    assert {f"glossary/#{term_id}" for term_id in terms} <= set(glossary_docs)
    assert all(d.get("boost", 1) > 1 for d in glossary_docs.values())


# -- glossary.json -----------------------------------------------------------------------------


def test_json_has_the_documented_format(glossary_json, terms, pages):
    assert glossary_json["format"] == "aws-notes-glossary" and glossary_json["version"] == 1
    fields = {"id", "name", "abbreviations", "aliases", "reader_words", "summary", "family", "path", "url",
              "glossary_path", "mentions", "see_also", "source"}  # fmt: skip
    for term in terms.values():
        assert set(term) == fields
        assert term["source"] is None or set(term["source"]) == {"title", "url", "checked"}
        assert term["url"] == glossary_json["site_url"] + term["path"]
        page, anchor = term["path"].split("#")
        assert anchor == term["id"]
        source = next(s for s in pages if s.removesuffix(".md").removesuffix("index") + "/" == page)
        assert anchor in pages[source].anchors
        assert all(other in terms for other in term["see_also"])
    assert {"title": "Storage", "path": "storage/"} in terms["ec2"]["mentions"]


TWO_BUILDS_IN_ONE_PROCESS = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site = Path(sys.argv[1]), Path(sys.argv[2])
page = project / "docs" / "storage.md"
ids = []
for text in [page.read_text(), page.read_text().replace("  - id: efs", "  - id: efs-gone", 1)]:
    page.write_text(text.replace("{ #efs }", "{ #efs-gone }") if "efs-gone" in text else text)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=False))
    terms = json.loads((site / "glossary.json").read_text())["terms"]
    ids.append({t["id"]: [m["path"] for m in t["mentions"]] for t in terms})
print(json.dumps(ids))
"""


def test_a_second_build_in_the_same_process_starts_afresh(tmp_path):
    """What `mkdocs serve` does on every save: the hook module and its state are reused."""
    project = copy_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-c", TWO_BUILDS_IN_ONE_PROCESS, str(project), str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    first, second = json.loads(result.stdout.strip().splitlines()[-1])
    assert "efs" in first and "efs-gone" not in first
    assert "efs-gone" in second and "efs" not in second
    assert len(second) == len(first)
    assert second["ec2"] == first["ec2"], "mentions from the first build leaked into the second"
    assert "defined twice" not in result.stderr and "names two terms" not in result.stderr


# -- Cross-links on the real site --------------------------------------------------------------


def test_terms_link_across_pages_with_their_summary_as_tooltip(pages, terms):
    link = pages["storage.md"].article.select_one('a.glossary-link[href="../compute/#ec2"]')
    assert link is not None and link["title"].endswith(terms["ec2"]["summary"])


def test_glossary_summaries_link_other_terms_without_tooltips(pages):
    links = pages[GLOSSARY].article.select(".glossary-summary a.glossary-link")
    assert len(links) >= 10 and not [str(a) for a in links if a.has_attr("title")]


FORBIDDEN_PLACES = "h1, h2, h3, h4, h5, h6, a a, code, pre, abbr, .admonition-title, .tabbed-labels, summary"


@pytest.mark.parametrize("source", ["cloud-concepts.md", "compute.md", "storage.md", "machine-learning.md", GLOSSARY])
def test_no_term_link_where_links_do_not_belong(pages, source):
    article = pages[source].article
    bad = [str(a) for place in article.select(FORBIDDEN_PLACES) for a in place.select("a.glossary-link")]
    assert bad == []


def test_no_term_links_to_the_section_it_is_in(pages):
    for source, page in pages.items():
        sections: list[tuple[int, str]] = []
        for element in page.article.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "a"]):
            if element.name != "a":
                level = int(element.name[1])
                while sections and sections[-1][0] >= level:
                    sections.pop()
                sections.append((level, element.get("id", "")))
            elif "glossary-link" in element.get("class", []):
                target = element["href"].split("#")[-1]
                own_page = element["href"].startswith("./#")
                assert not (own_page and target in {s for _, s in sections}), f"{source}: {element}"


def is_code_or_plain(tag) -> bool:
    return tag.name in {"code", "pre", "kbd", "samp", "script", "style", "svg"} or "glossary-plain" in tag.get(
        "class", []
    )


def is_heading_or_cards(tag) -> bool:
    return tag.name in {"h1", "h2", "h3", "h4", "h5", "h6"} or {"grid", "cards"} <= set(tag.get("class", []))


def test_every_abbreviation_is_expanded_at_its_first_use_in_each_section_only(pages, terms):
    """Expanded by an <abbr> or by the tooltip of the link around it; never marked twice in a
    section, nor in a heading or the home page's cards (hooks/notekit/link_rules.py)."""
    expansion = {abbr: term["name"] for term in terms.values() for abbr in term["abbreviations"]}
    words = "|".join(re.escape(abbr) for abbr in sorted(expansion, key=len, reverse=True))
    abbreviation = re.compile(rf"(?<![\w@/.\-])({words})(?:'s|’s|s)?(?![\w/\-@]|\.\w)")
    bare, twice = [], []
    for source, page in pages.items():
        shown: set[str] = set()  # the expansions shown in this section
        for node in page.article.descendants:
            if node.name in {"h1", "h2", "h3", "h4", "h5", "h6"} and node.get("id"):
                shown = set()
            if not isinstance(node, str) or isinstance(node, Comment):
                continue
            # A glossary entry's own name and abbreviations are its expansion: left plain.
            if node.find_parent(is_code_or_plain) is not None or node.find_parent(is_heading_or_cards) is not None:
                continue
            abbr, link = node.find_parent("abbr"), node.find_parent("a", class_="glossary-link")
            for match in abbreviation.finditer(node):
                name = expansion[match.group(1)]
                marked = abbr is not None and abbr["title"] == name
                if name in shown:
                    twice += [f"{source}: {match.group(1)} in {node.strip()[:60]!r}"] if marked else []
                elif marked or (link is not None and name in link.get("title", "")):
                    shown.add(name)
                else:
                    bare.append(f"{source}: {match.group(1)} in {node.strip()[:60]!r}")
    assert bare == []
    assert twice == []


@pytest.mark.parametrize("source", ["index.md", "compute.md", "storage.md", GLOSSARY, "cheatsheet.md"])
def test_no_link_or_abbreviation_mark_in_headings_or_cards(pages, source):
    article = pages[source].article
    places = article.find_all(is_heading_or_cards)
    marked = [str(tag) for place in places for tag in place.select("abbr[title], a.glossary-link")]
    assert marked == []


def test_a_term_is_linked_once_per_page_but_for_long_pages(pages):
    from notekit.link_rules import RELINK_AFTER

    for source, page in pages.items():
        if source in (GLOSSARY, "cheatsheet.md"):  # the glossary links each entry; the sheet, each page
            continue
        hrefs = [a["href"] for a in page.article.select("a.glossary-link")]
        most = 1 + len(page.text.split()) // RELINK_AFTER
        assert not [href for href in set(hrefs) if hrefs.count(href) > most], f"{source}: {sorted(hrefs)}"


# -- The home page: a card for every family page, the study page and the cheat sheet ------------


def test_home_cards_link_every_family_page_study_and_the_cheat_sheet_and_no_term(pages):
    from notekit import site

    cards = pages["index.md"].article.select_one(".grid.cards")
    card_links = [a["href"] for a in cards.select("li > p:first-child a")]
    wanted = [source for source in pages if site.is_family(source)] + [site.STUDY, site.CHEATSHEET]
    missing = {source.removesuffix(".md") + "/" for source in wanted} - set(card_links)
    assert not missing and len(card_links) == len(set(card_links)), card_links
    assert cards.select("a.glossary-link, abbr") == []
    assert "EC2" in cards.get_text(), "the cards name the services, plain"


def test_home_page_links_line_shows_a_readers_address(pages):
    article = pages["index.md"].article
    line = next(li for li in article.select("li") if li.get_text().startswith("Links"))
    assert "/compute/#ec2" in [code.get_text() for code in line.select("code")]
    assert ".md" not in line.get_text()
    for name in ("Study", "Cheat sheet"):
        assert any(li.get_text().startswith(name + ":") for li in article.select("li")), name


# -- Bad input fails the strict build with one message naming the file and the term -----------


def edit_terms(project: Path, source: str, change) -> None:
    path = project / "docs" / source
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    change(meta["terms"])
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body, "utf-8")


def term(terms_list, term_id):
    return next(t for t in terms_list if t["id"] == term_id)


BAD_TERMS = {
    "same id twice": (
        "compute.md",
        lambda ts: ts.append({**term(ts, "ec2"), "name": "Other", "abbr": [], "aliases": []}),
        ["'ec2'", "compute.md"],
    ),
    "same alias on two terms": (
        "storage.md",
        lambda ts: term(ts, "efs")["aliases"].append("EBS volume"),
        ["'EBS volume'", "'ebs'", "'efs'", "storage.md"],
    ),
    "alias that is another term's name": (
        "databases.md",
        lambda ts: term(ts, "redshift").setdefault("aliases", []).append("Amazon Simple Storage Service"),
        ["'Amazon Simple Storage Service'", "storage.md", "databases.md", "'redshift'"],
    ),
    "term without a summary": ("containers.md", lambda ts: term(ts, "ecs").pop("summary"), ["containers.md", "'ecs'"]),
}


@pytest.mark.parametrize("case", BAD_TERMS, ids=str)
def test_build_rejects_bad_terms(case, tmp_path):
    source, change, named = BAD_TERMS[case]
    project = copy_project(tmp_path / "project")
    edit_terms(project, source, change)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    messages = [line for line in result.stderr.splitlines() if line.startswith("WARNING") and "hooks/site" in line]
    assert len(messages) == 1, result.stderr
    assert all(name in messages[0] for name in named), messages[0]


def test_build_rejects_a_reference_to_a_term_that_does_not_exist(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "storage.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the cache](term:no-such-term).\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "storage.md: a link refers to the term 'no-such-term', which no page defines" in result.stderr


def test_odd_characters_work_and_html_in_a_summary_is_escaped(tmp_path):
    project = copy_project(tmp_path / "project")
    odd = {"id": "caching", "name": "C++ & A/B (tests).", "aliases": ["caching"], "summary": "Uses <b>bold</b> & co."}
    edit_terms(project, "cloud-concepts.md", lambda ts: ts.__setitem__(ts.index(term(ts, "caching")), odd))
    page = project / "docs" / "compute.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWe ran C++ & A/B (tests). here.\n", "utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    compute = (site / "compute" / "index.html").read_text(encoding="utf-8")
    assert (
        '<a class="glossary-link" href="../cloud-concepts/#caching" title="Uses &lt;b&gt;bold&lt;/b&gt; &amp; co.">'
        "C++ &amp; A/B (tests).</a>" in compute
    )
    raw_json = (site / "glossary.json").read_text(encoding="utf-8")
    assert "<b>" not in raw_json and "\\u003cb\\u003e" in raw_json
    exported = {t["id"]: t for t in json.loads(raw_json)["terms"]}
    assert exported["caching"]["summary"] == "Uses <b>bold</b> & co."
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" not in glossary and "Uses &lt;b&gt;bold&lt;/b&gt; &amp; co." in glossary


def test_build_rejects_front_matter_that_is_not_yaml(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "databases.md"
    page.write_text(page.read_text(encoding="utf-8").replace("terms:\n", "terms: [\n", 1), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    # Reported once, with its line, and the build stops: no follow-on reports of the lost terms.
    messages = [line for line in result.stderr.splitlines() if "databases.md" in line and "Error reading" not in line]
    assert len(messages) == 1, result.stderr
    assert re.search(r"databases\.md: line \d+: its front matter is not valid YAML", messages[0]), result.stderr
