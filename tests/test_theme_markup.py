"""The accessible names given to Material's search dialog and progress bar (hooks/theme_markup.py)."""

from __future__ import annotations

from notekit.theme_markup import name_theme_widgets

SEARCH = '<div class="md-search" data-md-component="search" role="dialog">'
PROGRESS = '<div class="md-progress" data-md-component="progress" role="progressbar"></div>'


def test_both_widgets_get_a_name_once():
    html, missing = name_theme_widgets(f"<body>{PROGRESS}{SEARCH}<p>{SEARCH}</p></body>")
    assert missing == []
    assert html.count('role="dialog" aria-label="Search">') == 1
    assert 'role="progressbar" aria-label="Loading page">' in html


def test_changed_theme_markup_is_reported_not_ignored():
    html, missing = name_theme_widgets('<div class="md-search" role="dialog" data-md-component="search">')
    assert missing == ["search dialog", "progress bar"]
    assert "aria-label" not in html


def test_every_built_page_names_the_widgets(pages, site_dir):
    documents = [page.html for page in pages.values()] + [(site_dir / "404.html").read_text()]
    for html in documents:
        assert 'role="dialog" aria-label="Search"' in html
        assert 'role="progressbar" aria-label="Loading page"' in html
