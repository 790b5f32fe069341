"""The real site builds strictly, is complete, and the build rejects broken input."""

from __future__ import annotations

import pytest
from notekit.site import GENERATED, NOT_FAMILIES
from support import DOCS, FAMILY_ANCHORS, ROOT, copy_project, mkdocs_build

from tools.sitetext import nav_sources

OTHER_PAGES = sorted(NOT_FAMILIES)
GENERATED_PAGES = list(GENERATED)  # made by the hooks, not on disk


def test_strict_build_passes(site_build):
    assert site_build.returncode == 0, site_build.stderr
    assert "WARNING" not in site_build.stderr, site_build.stderr


def test_every_page_is_in_the_nav_and_every_nav_entry_exists():
    on_disk = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")]
    in_nav = nav_sources(ROOT / "mkdocs.yml")
    assert sorted(in_nav) == sorted(on_disk + GENERATED_PAGES)
    assert len(in_nav) == len(set(in_nav)), "a page is in the nav twice"


def test_the_nav_has_the_family_pages_home_and_resources():
    assert sorted(nav_sources(ROOT / "mkdocs.yml")) == sorted([*FAMILY_ANCHORS, *OTHER_PAGES])


@pytest.mark.parametrize("source", FAMILY_ANCHORS)
def test_family_page_has_its_anchors(source, pages):
    missing = [anchor for anchor in FAMILY_ANCHORS[source] if anchor not in pages[source].anchors]
    assert not missing, f"{source} lacks the anchors {missing}"


@pytest.mark.parametrize("source", [*FAMILY_ANCHORS, *OTHER_PAGES])
def test_no_page_is_empty(source, pages):
    page = pages[source]
    assert page.article.find("h1") is not None
    assert len(page.text.split()) >= 80, f"{source} has only {len(page.text.split())} words"


def test_home_page_shows_every_family_as_a_card(pages):
    cards = pages["index.md"].article.select(".grid.cards > ul > li")
    linked = {a["href"].strip("./").removesuffix("/") for card in cards for a in card.find_all("a", href=True)}
    assert {source.removesuffix(".md") for source in FAMILY_ANCHORS} <= linked


def test_comparison_tables_exist_where_the_notes_compare(pages):
    for source in ["storage.md", "compute.md", "application-integration.md", "containers.md", "machine-learning.md"]:
        tables = pages[source].article.find_all("table")
        assert tables, f"{source} has no comparison table"
        for table in tables:
            columns = len(table.find("tr").find_all(["th", "td"]))
            assert columns <= 4, f"{source}: a {columns}-column table does not fit a phone"


# -- Broken input: a copy of the real project, broken in one place, must not build ------------

BROKEN_INPUT = {
    "link to a missing page": ("compute.md", "See [the old page](no-such-page.md).", "no-such-page.md"),
    "link to a missing anchor": ("compute.md", "See [EBS](storage.md#no-such-anchor).", "no-such-anchor"),
    "heading without a stable anchor": ("storage.md", "## A heading with no id", "no explicit anchor"),
    "same anchor twice": ("storage.md", "## S3 again { #s3 }\n\nRepeated.", "already used"),
}


@pytest.mark.parametrize("case", BROKEN_INPUT, ids=str)
def test_build_rejects_broken_input(case, tmp_path):
    source, addition, expected = BROKEN_INPUT[case]
    project = copy_project(tmp_path / "project")
    page = project / "docs" / source
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n{addition}\n", encoding="utf-8")

    result = mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0, f"the build accepted a {case}"
    problems = [line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    assert any(source in line and expected in line for line in problems), result.stderr


def test_unbroken_copy_builds(tmp_path):
    """The control for the test above: the copy itself is fine, so only the breakage fails it."""
    project = copy_project(tmp_path / "project")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
