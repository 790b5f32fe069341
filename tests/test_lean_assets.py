"""Our stylesheets and scripts are published without their comments (notekit.lean_assets), and nothing
else changes."""

from __future__ import annotations

import importlib.util
import re
from types import SimpleNamespace

import pytest
from notekit.lean_assets import script_without_comment_lines, without_comments
from support import DOCS, ROOT


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


def test_a_stylesheet_of_docs_outside_extra_css_is_published_lean_too(tmp_path):
    """The notice's styles, which offline.js loads when it shows the notice, as under `mkdocs serve`."""
    spec = importlib.util.spec_from_file_location("lean_assets_hook", ROOT / "hooks" / "lean_assets.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    docs, site = tmp_path / "docs", tmp_path / "site"
    for folder in (docs / "stylesheets", site / "stylesheets"):
        folder.mkdir(parents=True)
        (folder / "offline.css").write_text("/* why */\np { margin: 0 }\n", encoding="utf-8")
    theme_css = SimpleNamespace(src_uri="assets/x.css", dest_uri="assets/x.css", abs_src_path="/elsewhere/x.css")
    ours = SimpleNamespace(
        src_uri="stylesheets/offline.css",
        dest_uri="stylesheets/offline.css",
        abs_src_path=str(docs / "stylesheets" / "offline.css"),
    )
    config = SimpleNamespace(docs_dir=str(docs), site_dir=str(site), extra_css=[], extra_javascript=[])
    hook.on_files([theme_css, ours], config)
    hook.on_post_build(config)
    assert (site / "stylesheets" / "offline.css").read_text(encoding="utf-8") == "p { margin: 0 }\n"
