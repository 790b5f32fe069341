"""MkDocs hook: every table cell names its column, so a phone can show a row as a card.

Wiring only; the logic lives in `notekit.tables`, the layout in docs/stylesheets/extra.css.
"""

from __future__ import annotations

from notekit.tables import label_table_cells


def on_page_content(html, page, config, files):
    return label_table_cells(html)
