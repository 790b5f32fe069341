"""`make bench` measures what it says: strict builds of notes named as AWS names its services, and
`mkdocs serve` run the way `make serve` runs it."""

from __future__ import annotations

import dataclasses
import random

from support import ROOT

from tools.bench import corpus
from tools.bench.builds import build, write_project
from tools.bench.serve_latency import serve_flags


def test_aws_like_names_share_their_first_words_as_aws_names_do():
    terms = corpus.aws_like_terms(3000)
    names = [term.name for term in terms]
    prefixed = sum(name.startswith(("Amazon ", "AWS ")) for name in names) / len(names)
    elastic = sum(name.startswith("Elastic ") for name in names) / len(names)
    assert 0.52 < prefixed < 0.58 and 0.035 < elastic < 0.065
    forms = [form for term in terms for form in term.forms]
    assert len(forms) == len(set(forms)), "a form names two terms: the build would fail"


def test_the_share_of_words_that_name_a_term_is_the_one_asked_for():
    text = corpus.Text(corpus.aws_like_terms(100), 0.054, random.Random(1), endings=True)
    text.mention = lambda: "MENTION"
    words = text.words(50_000).split()
    assert abs(words.count("MENTION") / len(words) - 0.054) < 0.005


def test_a_small_aws_like_site_builds_strictly_with_every_hook(tmp_path):
    tiny = dataclasses.replace(corpus.AWS_LIKE, name="tiny", pages_per_1x=3, words_per_page=400)
    pages = corpus.pages(tiny, 1)
    assert any("| Service |" in text for text in pages.values()) and any("```yaml" in t for t in pages.values())
    project = write_project(tmp_path, ROOT, pages, "all")
    measured = build(project)  # a warning would fail it: the benchmark builds strictly
    assert measured.seconds > 0 and measured.peak_rss_mb > 20
    assert 'class="glossary-link"' in (project / "site" / "family-0000" / "index.html").read_text()


def test_serve_is_timed_as_make_serve_runs_it_and_every_strict_build_is_strict():
    assert serve_flags(ROOT / "Makefile") == ["--strict", "--dirty"]
    for path in [ROOT / "Makefile", *ROOT.glob("tools/**/*.py"), *ROOT.glob("tests/*.py")]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "--strict" in line and "mkdocs" in line:
                assert "--quiet" not in line and '"-q"' not in line, f"{path.name}: {line.strip()}"
