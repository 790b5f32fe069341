"""MkDocs hook: gives Material's unnamed search dialog and progress bar an accessible name.

If a theme update renames or drops either element, the build warns (and `--strict` fails) so the
fix in `notekit.theme_markup` is revisited instead of silently doing nothing.
"""

from __future__ import annotations

from mkdocs.plugins import get_plugin_logger
from notekit.theme_markup import name_theme_widgets

log = get_plugin_logger(__name__)


def named(html: str, source: str) -> str:
    html, missing = name_theme_widgets(html)
    for what in missing:
        log.warning("%s: Material's %s markup has changed; update hooks/notekit/theme_markup.py", source, what)
    return html


def on_post_page(output, page, config):
    return named(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    """The 404 page is a theme template, not a page: it gets the same names."""
    return named(output_content, template_name) if template_name == "404.html" else None
