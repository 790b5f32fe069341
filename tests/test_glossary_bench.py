"""The glossary benchmark's synthetic project (tools/glossary_bench.py), without a browser."""

from __future__ import annotations

import re

from support import ROOT

from tools.glossary_bench import write_glossary_project


def test_the_benchmark_project_has_the_terms_asked_for_on_pages_of_ten(tmp_path):
    project = write_glossary_project(tmp_path, 30)
    pages = sorted((project / "docs").glob("family-*.md"))
    assert len(pages) == 3
    ids = [found for page in pages for found in re.findall(r"^  - id: (\S+)$", page.read_text(), re.MULTILINE)]
    assert len(ids) == len(set(ids)) == 30
    assert (project / "docs" / "javascripts" / "glossary.js").read_text() == (
        ROOT / "docs" / "javascripts" / "glossary.js"
    ).read_text()
    assert "glossary.md" in (project / "mkdocs.yml").read_text()
