"""MkDocs hook: the site's own stylesheets are published without their comments.

Wiring only; the logic lives in `notekit.stylesheets`. The sources in docs/ keep their comments.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from notekit.stylesheets import without_comments


def on_post_build(config):
    for stylesheet in config.extra_css:
        path = Path(config.site_dir) / str(stylesheet)
        if "://" in str(stylesheet) or not path.is_file():
            continue
        css = path.read_text(encoding="utf-8")
        try:
            lean = without_comments(css)
        except ValueError as error:
            raise PluginError(f"docs/{stylesheet}: {error}") from error
        if lean != css:
            path.write_text(lean, encoding="utf-8")
