"""Our stylesheets are published without their comments (notekit.stylesheets), and nothing else changes."""

from __future__ import annotations

import re

import pytest
from notekit.stylesheets import without_comments
from support import DOCS


def test_comments_go_and_strings_stay():
    css = '/* why */\na::after { content: "/* not a comment */"; }\n\n\n/* two\nlines */b { quotes: \'\\\'\' "/*"; }\n'
    assert without_comments(css) == 'a::after { content: "/* not a comment */"; }\nb { quotes: \'\\\'\' "/*"; }\n'


def test_a_comment_that_never_ends_is_an_error():
    with pytest.raises(ValueError, match="never ends"):
        without_comments("a { color: red } /* oops")


def test_the_built_stylesheets_are_the_sources_less_their_comments(site_dir):
    for source in sorted((DOCS / "stylesheets").glob("*.css")):
        built = (site_dir / "stylesheets" / source.name).read_text(encoding="utf-8")
        written = source.read_text(encoding="utf-8")
        assert "/*" in written and "/*" not in built, source.name
        assert re.sub(r"\s+", "", built) == re.sub(r"\s+", "", re.sub(r"/\*.*?\*/", "", written, flags=re.S))
