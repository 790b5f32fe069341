"""Term links and abbreviations as a reader sees them: a term link looks like a link (the theme's
link colour, underlined), an abbreviation like text with a dotted underline, in both schemes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

STYLES = """() => {
    const article = document.querySelector("article");
    const style = (selector) => {
        // In running text: an abbreviation inside a link takes the link's colour.
        const element = [...article.querySelectorAll(selector)].find(e => !e.parentElement.closest("a"));
        const css = getComputedStyle(element);
        return {color: css.color, line: css.textDecorationLine, lineStyle: css.textDecorationStyle,
                border: css.borderBottomStyle};
    };
    return {
        term: style("a.glossary-link"),
        link: style("p a[href^='http']:not(.glossary-link)"),
        abbr: style("abbr[title]"),
        text: style("p"),
    };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_term_link_has_the_link_colour_and_an_abbreviation_does_not(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    try:
        tab.goto(site_url + "storage/")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        found = tab.evaluate(STYLES)
        term, link, abbr, text = found["term"], found["link"], found["abbr"], found["text"]
        assert term["color"] == link["color"] != text["color"], found
        assert "underline" in term["line"] and term["lineStyle"] == "solid" and term["border"] == "none", found
        # An abbreviation: the text's colour, a dotted line under it, never the link's look.
        assert abbr["color"] == text["color"] != term["color"], found
        assert abbr["border"] == "dotted" and "underline" not in abbr["line"], found
    finally:
        context.close()
