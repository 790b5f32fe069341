"""The internal link check (`make linkcheck`): it finds a broken page link and a broken anchor."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
    [("no-such-page/", "404"), ("page/#nowhere", "nowhere")],
    ids=["broken page link", "broken anchor"],
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
