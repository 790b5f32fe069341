"""Accessible names for the two ARIA widgets that Material's templates leave unnamed.

Material renders its search overlay as `role="dialog"` and its instant-navigation progress bar
as `role="progressbar"`, both without a name, so screen readers announce "dialog" and
"progress bar" with nothing more (axe: aria-dialog-name, aria-progressbar-name). The elements
sit in theme templates that offer no block to override, so the finished HTML gets the names.
"""

from __future__ import annotations

import re

# (what the element is, its opening tag as Material 9.8 writes it, the name it gets)
UNNAMED_WIDGETS = (
    ("search dialog", re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)'), "Search"),
    (
        "progress bar",
        re.compile(r'<div class="md-progress" data-md-component="progress" role="progressbar"(?=>)'),
        "Loading page",
    ),
)


def name_theme_widgets(html: str) -> tuple[str, list[str]]:
    """The page with each widget named, and the widgets not found (a theme update changed them)."""
    missing = []
    for what, opening_tag, name in UNNAMED_WIDGETS:
        html, count = opening_tag.subn(lambda match, name=name: f'{match.group(0)} aria-label="{name}"', html, count=1)
        if not count:
            missing.append(what)
    return html, missing
