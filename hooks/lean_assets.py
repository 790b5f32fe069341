"""MkDocs hook: the site's own stylesheets and scripts are published without their comments.

Every stylesheet of docs/ (those of extra_css, and one a script loads when it needs it, as
javascripts/offline.js loads the notice's) and every script of extra_javascript. Wiring only; the
logic lives in `notekit.lean_assets`. The sources in docs/ keep their comments.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.exceptions import PluginError
from notekit.lean_assets import script_without_comment_lines, without_comments

our_stylesheets: list[str] = []  # set again by each build's on_files


def on_files(files, config):
    docs = Path(config.docs_dir).resolve()
    our_stylesheets[:] = [
        file.dest_uri
        for file in files
        if file.src_uri.endswith(".css") and file.abs_src_path and docs in Path(file.abs_src_path).resolve().parents
    ]
    return files


def on_post_build(config):
    for stylesheet in dict.fromkeys([*map(str, config.extra_css), *our_stylesheets]):
        publish_lean(Path(config.site_dir), stylesheet, without_comments)
    for script in config.extra_javascript:
        publish_lean(Path(config.site_dir), str(script), script_without_comment_lines)


def publish_lean(site_dir: Path, asset: str, lean: Callable[[str], str]) -> None:
    path = site_dir / asset
    if "://" in asset or not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    try:
        leaner = lean(text)
    except ValueError as error:
        raise PluginError(f"docs/{asset}: {error}") from error
    if leaner != text:
        path.write_text(leaner, encoding="utf-8")
