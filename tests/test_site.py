"""Unit tests of `notekit.site`: the special pages, and the one placeholder syntax and its fill."""

from __future__ import annotations

import pytest
from notekit import site


def test_the_special_pages_are_not_families():
    assert not any(site.is_family(page) for page in (site.GLOSSARY, site.CHEATSHEET, site.STUDY, "index.md"))
    assert site.is_family("storage.md")
    assert set(site.GENERATED) <= site.NOT_FAMILIES


def test_fill_replaces_its_placeholder():
    page = f"<p>a</p>{site.placeholder('deck')}<p>b</p>"
    assert site.fill(page, "deck", "<div>x</div>") == "<p>a</p><div>x</div><p>b</p>"


@pytest.mark.parametrize(("page", "found"), [("<p>none</p>", "none"), ("<!-- fill:deck --><!-- fill:deck -->", "2")])
def test_fill_needs_exactly_one_placeholder(page, found):
    with pytest.raises(site.PlaceholderMissing, match=f"needs exactly one '<!-- fill:deck -->' line .* it has {found}"):
        site.fill(page, "deck", "x")


def test_fill_each_and_unfilled():
    page = "<!-- fill:mentions-ebs --> <!-- fill:mentions-efs --> <!--fill:other-->"
    filled = site.fill_each(page, "mentions-", lambda key: f"[{key}]")
    assert filled == "[ebs] [efs] <!--fill:other-->"
    assert site.unfilled(filled) == ["<!--fill:other-->"]
    assert site.unfilled("<!-- fill: -->") == ["<!-- fill: -->"], "a placeholder without a name is still one"


def test_the_templates_get_the_names_they_need():
    names = site.template_names({site.CHEATSHEET: "cheatsheet/"})
    assert names == {
        "glossary": "glossary.md",
        "cheatsheet_url": "cheatsheet/",
        "cheatsheet_pdf": "aws-notes-cheatsheet.pdf",
    }
