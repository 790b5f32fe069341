"""`make link-density` (tools/link_density.py): what it counts on a page."""

from __future__ import annotations

from pathlib import Path

from tools.link_density import Density, density, table
from tools.sitetext import BuiltPage

PAGE = """<html><body><article class="md-content__inner">
<h1 id="t">Storage <a class="headerlink" href="#t">¶</a></h1>
<div class="grid cards"><p><abbr title="Amazon Simple Storage Service">S3</abbr> and EBS</p></div>
<h2 id="s3">Amazon <abbr title="Amazon Simple Storage Service">S3</abbr></h2>
<p><a class="glossary-link" href="../compute/#ec2" title="x">EC2</a> and <abbr title="y">S3</abbr>'s buckets.</p>
</article></body></html>"""


def test_counts_words_links_and_marks_and_those_in_headings_and_cards():
    found = density(BuiltPage("storage.md", Path("storage/index.html"), PAGE))
    # "S3's" stays one word, however it is marked; the headerlink's ¶ is not a word.
    assert found == Density(words=10, links=1, abbrs=3, in_headings=1, in_cards=1)
    assert round(found.per_100(found.abbrs), 1) == 30.0


def test_the_table_shows_before_and_after():
    before, after = Density(200, 10, 4, 1, 0), Density(200, 2, 2, 0, 0)
    lines = table({"storage.md": after}, {"storage.md": before}).splitlines()
    assert lines[1].split()[:7] == ["storage.md", "200", "→", "200", "10", "→", "2"]
