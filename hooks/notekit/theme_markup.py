"""Accessible names for the two ARIA widgets that Material's templates leave unnamed.

Material renders its search overlay as `role="dialog"` and its instant-navigation progress bar
as `role="progressbar"`, both without a name, so screen readers announce "dialog" and
"progress bar" with nothing more (axe: aria-dialog-name, aria-progressbar-name). The elements
sit in theme templates that offer no block to override, so the finished HTML gets the names.
"""

from __future__ import annotations

# (what the element is, its opening tag as Material 9.8 writes it, the name it gets). Plain text
# found with `str.find`: a regular expression would walk the whole page, cheat sheet included.
UNNAMED_WIDGETS = (
    ("search dialog", '<div class="md-search" data-md-component="search" role="dialog">', "Search"),
    ("progress bar", '<div class="md-progress" data-md-component="progress" role="progressbar">', "Loading page"),
)


def name_theme_widgets(html: str) -> tuple[str, list[str]]:
    """The page with each widget named, and the widgets not found (a theme update changed them)."""
    missing = []
    for what, opening_tag, name in UNNAMED_WIDGETS:
        at = html.find(opening_tag)
        if at < 0:
            missing.append(what)
            continue
        end = at + len(opening_tag) - 1
        html = f'{html[:end]} aria-label="{name}"{html[end:]}'
    return html, missing
