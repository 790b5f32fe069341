"""Our stylesheets and scripts are published without their comments (notekit.lean_assets), and nothing
else changes."""

from __future__ import annotations

import re

import pytest
from notekit.lean_assets import script_without_comment_lines, without_comments
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


def test_comment_lines_of_a_script_go_and_code_stays():
    code = '(function () {\n  var url = "http://x"; // kept: after code\n'
    script = "// why\n" + code + "  // step\n\n\n  return url;\n})();\n"
    assert script_without_comment_lines(script) == code + "  return url;\n})();\n"


def test_a_template_literal_in_a_script_is_an_error():
    with pytest.raises(ValueError, match="template literal"):
        script_without_comment_lines("var text = `a\n// b`;\n")
    assert script_without_comment_lines("// a `name` in a comment\nf();\n") == "f();\n"


def test_the_built_scripts_are_the_sources_less_their_comment_lines(site_dir):
    for source in sorted((DOCS / "javascripts").glob("*.js")):
        built = site_dir / "javascripts" / source.name
        if not built.exists():  # the offline worker is published as /sw.js (hooks/offline.py)
            continue
        written = source.read_text(encoding="utf-8")
        lines = [line for line in written.splitlines() if line.strip() and not line.strip().startswith("//")]
        assert built.read_text(encoding="utf-8").splitlines() == lines, source.name
