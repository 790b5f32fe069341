"""`make serve` renders only what an edit changed, and the site it serves stays right.

`mkdocs serve --dirty` renders again only the edited page; hooks/site.py carries over what the
other pages contribute (their terms, their mentions, their part of the cheat sheet). An edit to
a page's text must still show in the glossary's "Mentioned on" and in the cheat sheet; an edit
to its terms must reach every page that links them (notekit/rebuild.py: every page again).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest
from notekit.rebuild import CarriedBuild, PageRecord, full_rebuild_reason, signature
from support import ROOT, copy_project
from test_serve_reload import wait_for

from tools.bench.serve_latency import serve_flags
from tools.serve import free_port, page_text

PAGE = "storage.md"
EDIT = "A dirty-rebuild check mentions"


def log_text(log) -> str:
    log.seek(0)
    return log.read()


def record(signature_text: str) -> PageRecord:
    return PageRecord(signature=signature_text, terms=([], []), title="T", url="t/")


def test_signature_is_the_front_matter_and_the_title_lines_only():
    page = "---\ntitle: Storage\nterms: []\n---\n\n# Storage\n\nText.\n\n## EBS\n\nMore text.\n"
    assert signature(page) == signature(page.replace("More text.", "Other text."))
    assert signature(page) == signature(page.replace("## EBS", "## Elastic Block Store"))
    assert signature(page) != signature(page.replace("terms: []", "terms: [x]"))
    assert signature(page) != signature(page.replace("# Storage", "# Storage services"))
    assert signature("Text.\n\n#Title\n") != signature("Text.\n\n#Other\n")  # Markdown's H1 too
    assert signature("Title\n=====\n\nText.\n") != signature("Other\n=====\n\nText.\n")


def test_a_full_rebuild_is_asked_for_whenever_other_pages_would_show_the_edit():
    carried = CarriedBuild("/site", {"a.md": record("A"), "b.md": record("B")}, "", None, theme_mtime=10.0)
    urls = {"a.md": "a/", "b.md": "b/"}
    assert full_rebuild_reason(carried, "/site", urls, {"a.md": "A"}, 10.0) is None
    assert "nothing is known" in full_rebuild_reason(None, "/site", urls, {}, 10.0)
    assert "nothing is known" in full_rebuild_reason(carried, "/other", urls, {}, 10.0)
    assert "theme" in full_rebuild_reason(carried, "/site", urls, {}, 11.0)
    assert "added or removed" in full_rebuild_reason(carried, "/site", urls | {"c.md": "c/"}, {"c.md": "C"}, 10.0)
    assert "added or removed" in full_rebuild_reason(carried, "/site", {"a.md": "a/"}, {}, 10.0)
    assert "a.md changed its front matter" in full_rebuild_reason(carried, "/site", urls, {"a.md": "A2"}, 10.0)
    # Material's search plugin keeps one rendered page's records, found by its URL as a prefix.
    assert "more than one page" in full_rebuild_reason(carried, "/site", urls, {"a.md": "A", "b.md": "B"}, 10.0)
    home = {"a.md": "", "b.md": "b/"}
    assert "pages under it" in full_rebuild_reason(carried, "/site", home, {"a.md": "A"}, 10.0)
    assert full_rebuild_reason(carried, "/site", home, {"b.md": "B"}, 10.0) is None


@pytest.mark.timeout(600)
def test_an_edit_under_make_serve_reaches_the_page_the_glossary_the_cheat_sheet_and_search(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *serve_flags(ROOT / "Makefile"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(lambda: '"terms"' in page_text(base + "glossary.json"), 180, "the first build")
        terms = json.loads(page_text(base + "glossary.json"))["terms"]
        # A term from another page that the storage page does not mention yet.
        term = next(
            t for t in terms if t["family"] != "Storage" and all(m["title"] != "Storage" for m in t["mentions"])
        )
        source = project / "docs" / PAGE
        text = source.read_text(encoding="utf-8")
        source.write_text(text + f"\n{EDIT} {term['name']} here.\n", encoding="utf-8")

        wait_for(lambda: EDIT in page_text(base + "storage/"), 120, "the edited page")
        assert f'#{term["id"]}"' in page_text(base + "storage/").split(EDIT)[1].split("</p>")[0]
        mentions = next(t for t in json.loads(page_text(base + "glossary.json"))["terms"] if t["id"] == term["id"])
        assert "Storage" in [m["title"] for m in mentions["mentions"]]
        entry = page_text(base + "glossary/").split(f'id="{term["id"]}"')[1].split("<h2")[0]
        assert 'href="../storage/">Storage</a>' in entry
        assert EDIT in page_text(base + "cheatsheet/")
        search = json.loads(page_text(base + "search/search_index.json"))["docs"]
        assert any(doc["location"].startswith("compute/") for doc in search), "search lost the pages not rendered"
        assert any(doc["location"].startswith("glossary/#") for doc in search)
        compute = page_text(base + "compute/")
        assert 'class="glossary-link"' in compute and "Storage" in compute  # whole, with its navigation
        log.seek(0)
        served = log.read()
        assert "A 'dirty' build is being performed" in served  # only the edited page was rendered again
        assert "WARNING" not in served and "Rendering every page again" not in served

        # The home page's URL is a prefix of every other: search would lose them all in a dirty build.
        home = project / "docs" / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + "\nHome edited while serving.\n", encoding="utf-8")
        wait_for(lambda: "Home edited while serving." in page_text(base), 120, "the edited home page")
        search = json.loads(page_text(base + "search/search_index.json"))["docs"]
        assert any(doc["location"].startswith("compute/") for doc in search), "search lost the other pages"

        # A warning fails the strict build; once fixed, every page is rendered again, so that a
        # warning on a page nobody edits is not forgotten.
        source.write_text(source.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
        wait_for(lambda: "no-such-page.md" in log_text(log), 120, "the warning")
        source.write_text(source.read_text(encoding="utf-8").replace("\n[broken](no-such-page.md)\n", ""))
        wait_for(lambda: "nothing is known of the pages" in log_text(log), 120, "a full rebuild after the warning")

        # An edit to a term's summary shows wherever the term is linked: every page again.
        storage_term = next(t for t in terms if t["family"] == "Storage" and t["mentions"] and t["summary"] in text)
        # A page that links it: a mention in the home page's cards or in a heading is not a link.
        linking = f'#{storage_term["id"]}" title='
        elsewhere = base + next(m["path"] for m in storage_term["mentions"] if linking in page_text(base + m["path"]))
        source.write_text(
            source.read_text(encoding="utf-8").replace(storage_term["summary"], "Edited summary, served at once."),
            encoding="utf-8",
        )
        wait_for(lambda: "Edited summary, served at once." in page_text(elsewhere), 120, "the linking page")
        assert f"Rendering every page again: {PAGE} changed its front matter" in log_text(log)
        assert server.poll() is None
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
