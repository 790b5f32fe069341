"""The internal link check (`make linkcheck`): it finds a broken page link and a broken anchor, and finds
what linkchecker's own AnchorCheck finds while fetching each page a few times, not once per #anchor."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.linkcheck import internal
from tools.linkcheck.common import SiteHandler, run_linkchecker, serve

ROOT = Path(__file__).resolve().parents[1]
TOOL = "tools.linkcheck.internal"
PAGE = '<!doctype html><html><head><title>{title}</title></head><body><h1 id="top">{title}</h1>{body}</body></html>'


def fixture_site(folder: Path, links: str) -> Path:
    """A two-page site: the home page has `links`; /page/ has the anchors #top and #here."""
    (folder / "page").mkdir(parents=True)
    (folder / "index.html").write_text(PAGE.format(title="Home", body=links), encoding="utf-8")
    (folder / "page" / "index.html").write_text(
        PAGE.format(title="Page", body='<h2 id="here">Here</h2><a href="../">home</a>'), encoding="utf-8"
    )
    return folder


def check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", TOOL, str(site)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_a_good_site_has_no_findings(tmp_path):
    result = check(fixture_site(tmp_path, '<a href="page/">page</a> <a href="page/#here">here</a>'))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 finding(s)" in result.stdout


@pytest.mark.parametrize(
    ("link", "reason"),
    [("no-such-page/", "404"), ("page/#nowhere", "nowhere"), ("#nowhere", "nowhere")],
    ids=["broken page link", "broken anchor", "broken same-page anchor"],
)
def test_a_broken_link_is_found_and_named_with_its_page(tmp_path, link, reason):
    result = check(fixture_site(tmp_path, f'<a href="page/">page</a> <a href="{link}">bad</a>'))
    assert result.returncode == 1, result.stdout + result.stderr
    findings = [line for line in result.stdout.splitlines() if not line.startswith("linkcheck:")]
    assert len(findings) == 1, result.stdout
    assert findings[0].startswith("/: ") and link in findings[0] and reason in findings[0]
    assert "1 finding(s)" in result.stdout


def test_no_site_is_a_clear_error(tmp_path):
    result = check(tmp_path)
    assert result.returncode == 2 and "no built site" in result.stderr


# The speed-up: linkchecker runs without AnchorCheck (which made it fetch and parse a page once for
# every distinct #anchor linked to it) and tools/linkcheck/anchors.py checks the anchors once per
# page. These tests hold it to finding what linkchecker's own AnchorCheck finds.

ANCHORS = 60  # distinct #anchors linking to glossary/: the old way fetched glossary/ once for each
HOME_LINKS = [
    *(f"glossary/#t{i}" for i in range(ANCHORS)),
    "glossary/#t-missing",  # one missing anchor among many on the same page
    "glossary#t1",  # a folder without its slash: linkchecker warns of the redirect
    "no-such-page/",
    "gone/#a",  # a missing page linked with two anchors: two findings, as before
    "gone/#b",
    "pdf/notes.pdf",
    "pdf/notes.pdf#page=2",  # not HTML: no anchor to check, as before
    "pdf/missing.pdf",
    "pdf/missing.pdf#page=1",
    "deep/#top",  # deep/ is linked only with an anchor: its own links must still be checked
    "other/#other-missing",  # the one link to other/, the URL linkchecker itself reports: its anchor is missing
    "moved",  # redirected to moved/, which linkchecker then has in its cache (see deeper/)
]


def write_page(path: Path, title: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(title=title, body=body), encoding="utf-8")


def links(*hrefs: str) -> str:
    return " ".join(f'<a href="{href}">{href}</a>' for href in hrefs)


def many_anchors_site(folder: Path) -> Path:
    """A home page linking glossary/ with many anchors, one of them missing, and every kind of broken internal link."""
    write_page(folder / "index.html", "Home", links(*HOME_LINKS))
    ids = "".join(f'<h2 id="t{i}">Term {i}</h2>' for i in range(ANCHORS))
    write_page(folder / "glossary" / "index.html", "Glossary", ids + links("../"))
    write_page(
        folder / "deep" / "index.html", "Deep", links("../glossary/#deep-missing", "../deep-gone/", "../deeper/")
    )
    # Two levels down, long after `moved` was redirected to moved/: links into moved/ are found in the cache.
    write_page(folder / "deeper" / "index.html", "Deeper", links("../moved/#here", "../moved/#moved-missing"))
    write_page(folder / "moved" / "index.html", "Moved", '<h2 id="here">Here</h2>')
    # The same missing anchor as on the home page: linkchecker reports a URL once, where first linked.
    write_page(folder / "other" / "index.html", "Other", links("../glossary/#t-missing", "../glossary/#t2"))
    (folder / "pdf").mkdir()
    (folder / "pdf" / "notes.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return folder


LOCAL_SERVER = re.compile(r"http://127\.0\.0\.1:\d+/")  # a redirect's warning names it, on its random port


class CountingHandler(SiteHandler):
    """The check's own server, counting the requests for each path."""

    hits: Counter[str]

    def send_head(self):
        self.hits[self.path] += 1
        return super().send_head()


@dataclass
class Run:
    site: Path
    status: int
    findings: list[str]
    summary: str
    hits: Counter[str]  # requests to the local server, by path


@pytest.fixture(scope="module")
def fast(tmp_path_factory) -> Run:
    """One run of the check as `make linkcheck` runs it, on many_anchors_site, counting its requests."""
    site = many_anchors_site(tmp_path_factory.mktemp("many-anchors"))
    handler = type("Counting", (CountingHandler,), {"hits": Counter()})
    output = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(output):
        patch.setattr(internal, "serve", lambda folder: serve(folder, handler))
        status = internal.main(site)
    lines = output.getvalue().splitlines()
    findings = [LOCAL_SERVER.sub("BASE/", line) for line in lines if not line.startswith("linkcheck:")]
    return Run(site, status, findings, lines[-1], handler.hits)


def test_the_findings_are_those_of_linkcheckers_own_anchor_check(fast):
    """The reference is the old way: linkchecker with AnchorCheck on, each page fetched once per #anchor."""
    with serve(fast.site) as base:
        reference = [LOCAL_SERVER.sub("BASE/", line) for line in internal.findings(run_linkchecker([base]), base)]
    assert fast.findings == reference


def test_each_page_is_fetched_a_few_times_not_once_per_anchor(fast):
    hits = fast.hits
    # linkchecker fetches glossary/ once, and once more behind the redirect of glossary#t1; the
    # anchor check fetches it once, and once more behind that redirect.
    assert hits["/glossary/"] <= 4 < ANCHORS, hits
    assert max(hits.values()) <= 4, hits


def test_a_missing_anchor_among_many_on_one_page_is_found(fast):
    assert fast.status == 1 and f"{len(fast.findings)} finding(s)" in fast.summary
    (missing,) = [line for line in fast.findings if "#t-missing" in line]  # once, though two pages link it
    assert missing.startswith("/: glossary/#t-missing: Anchor `t-missing' (decoded: `t-missing') not found.")
    # The anchors that exist pass (glossary#t1 is reported for its redirect, as the next test shows).
    assert not [line for line in fast.findings if re.search(r"#t\d+:", line) and "Redirected" not in line]


def test_a_redirect_to_a_page_is_reported_as_before(fast):
    assert [line for line in fast.findings if line.startswith("/: glossary#t1: Redirected to ")], fast.findings
    assert [line for line in fast.findings if line.startswith("/: moved: Redirected to ")], fast.findings


@pytest.mark.parametrize(
    "expected",
    [
        "/: no-such-page/: 404",
        "/: gone/#a: 404",
        "/: gone/#b: 404",
        "/: pdf/missing.pdf: 404",
        "/: pdf/missing.pdf#page=1: 404",
        "/deep/#top: ../deep-gone/: 404",
        "/deep/#top: ../glossary/#deep-missing: Anchor `deep-missing'",
        "/: other/#other-missing: Anchor `other-missing'",
        "/deeper/: ../moved/#moved-missing: Anchor `moved-missing'",
    ],
)
def test_a_broken_link_is_found(fast, expected):
    assert [line for line in fast.findings if line.startswith(expected)], fast.findings


def test_links_to_a_pdf_that_exists_pass(fast):
    assert not [line for line in fast.findings if "notes.pdf" in line]
