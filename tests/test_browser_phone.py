"""The site on a phone, 320 to 414 px wide and 740 px tall: no word broken across lines, no sideways
scrolling, and the first screen shows what the page is for (its title and text, the glossary's first
match, the study card and its Reveal button)."""

from __future__ import annotations

import pytest
from notekit.site import NOT_FAMILIES

pytestmark = pytest.mark.browser

WIDTHS = (320, 360, 390, 414)
HEIGHT = 740

# Shared by the measurements below: what the reader sees, and how to name it in a failure.
# They measure once the web fonts are in (`await document.fonts.ready`): a fallback font is wider.
HELPERS = r"""
const shown = (el, width) => {
  if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
  const box = el.getBoundingClientRect();
  // Material slides its closed drawer off the screen (a transform) rather than hiding it.
  return box.width > 0 && box.height > 0 && box.right > 0 && box.left < width;
};
const describe = el => {
  const text = el.textContent.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
  const name = el.tagName.toLowerCase() + (el.classList[0] ? "." + el.classList[0] : "");
  return `${name} "${text.length > 40 ? text.slice(0, 39) + "…" : text}"`;
};
"""

# Every word of a heading, the header's title, a button or a table cell must sit on one line.
# A word may run across inline elements (`<abbr>EC2</abbr>:`), so the text nodes are joined and each
# character mapped back to its node. Only text rects are compared, never the boxes of inline elements
# (their padding moves their top), and by vertical overlap, since a smaller <code> starts lower.
WORD_BREAKS = (
    "async ([width]) => { await document.fonts.ready;"
    + HELPERS
    + r"""
  const WORD = /[^\s\-\/·]+[\-\/·]?|[\-\/·]/g;  // a line may break after "-", "/" or "·"
  const targets = "article :is(h1, h2, h3, h4, h5, h6), .md-header__topic, button, .md-button, [role=button], th, td";
  const sameLine = (a, b) => {
    const middle = r => (r.top + r.bottom) / 2;
    return (middle(a) >= b.top && middle(a) <= b.bottom) || (middle(b) >= a.top && middle(b) <= a.bottom);
  };
  const rectsOf = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return [...range.getClientRects()].filter(r => r.width > 0);
  };
  const failures = [];
  for (const el of document.querySelectorAll(targets)) {
    if (!shown(el, width)) continue;
    // Hyphenation splits words too, on every browser that has a dictionary (this Chromium has none).
    if (getComputedStyle(el).hyphens === "auto") failures.push(`${describe(el)}: hyphens: auto`);
    // The element's visible text, with a space wherever layout starts a new box (block, inline-block
    // such as <kbd>, <br>): words never run from one box into the next.
    let text = "";
    const at = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let box = el;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const display = getComputedStyle(node).display;
        if (node.tagName === "BR" || !["inline", "contents"].includes(display)) { text += " "; at.push(null); }
        continue;
      }
      const parent = node.parentElement;
      if (parent.closest("a.headerlink") || !parent.checkVisibility({visibilityProperty: true})) continue;
      let owner = parent;
      while (owner !== el && getComputedStyle(owner).display === "inline") owner = owner.parentElement;
      if (owner !== box) { text += " "; at.push(null); box = owner; }
      for (let i = 0; i < node.data.length; i++) { text += node.data[i]; at.push([node, i]); }
    }
    for (const match of text.matchAll(WORD)) {
      const chars = at.slice(match.index, match.index + match[0].length);
      const rects = [];
      for (let i = 0; i < chars.length; ) {  // one range per text node the word crosses
        let j = i;
        while (j + 1 < chars.length && chars[j + 1][0] === chars[i][0]) j++;
        rects.push(...rectsOf(chars[i][0], chars[i][1], chars[j][1] + 1));
        i = j + 1;
      }
      if (rects.every(r => sameLine(r, rects[0]))) continue;
      // Broken: show where, one character at a time ("Co / mput / e").
      const pieces = [];
      let line = null;
      for (const [node, i] of chars) {
        const rect = rectsOf(node, i, i + 1)[0];
        if (rect && (!line || !sameLine(rect, line))) { pieces.push(""); line = rect; }
        if (!pieces.length) pieces.push("");
        pieces[pieces.length - 1] += node.data[i];
      }
      failures.push(`${describe(el)}: ${pieces.join(" / ")}`);
    }
  }
  return failures;
}"""
)

# Sideways scrolling: the page itself, and any box inside the article that scrolls sideways. Measured
# against the viewport's width: on a phone, innerWidth grows to fit a page that is too wide.
SIDEWAYS = (
    "async ([width]) => { await document.fonts.ready;"
    + HELPERS
    + r"""
  const failures = [];
  const page = document.documentElement.scrollWidth;
  if (page > width) failures.push(`the page is ${page} px wide`);
  for (const el of document.querySelectorAll("article *")) {
    const scrolls = /auto|scroll/.test(getComputedStyle(el).overflowX) || el.matches("pre, .md-typeset__scrollwrap");
    if (scrolls && el.scrollWidth > el.clientWidth + 1 && shown(el, width))
      failures.push(`${describe(el)} scrolls ${el.scrollWidth - el.clientWidth} px sideways`);
  }
  return failures;
}"""
)

# The first screen of a family page: where its h1 ends and where the first line of its text ends.
FAMILY_FIRST_SCREEN = r"""async () => {
  await document.fonts.ready;
  const h1 = document.querySelector("article h1");
  const text = [...document.querySelectorAll("article p")].find(p =>
    h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING && !p.closest(".print-actions")
    && p.textContent.trim() && p.checkVisibility());
  const style = getComputedStyle(text);
  const line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
  return {title: h1.getBoundingClientRect().bottom, text: text.getBoundingClientRect().top + line};
}"""

# A glossary entry is its heading and the paragraphs up to the next heading or letter (glossary.js).
GLOSSARY_FIRST_MATCH = r"""async () => {
  await document.fonts.ready;
  const heading = [...document.querySelectorAll("h2.glossary-term")].find(h => h.checkVisibility());
  let last = heading;
  while (last.nextElementSibling && !last.nextElementSibling.matches("h2.glossary-term, .glossary-letter"))
    last = last.nextElementSibling;
  return {id: heading.id, top: heading.getBoundingClientRect().top, bottom: last.getBoundingClientRect().bottom};
}"""

STUDY_FIRST_SCREEN = r"""async () => {
  await document.fonts.ready;
  return Object.fromEntries(["[data-card]", "[data-act=reveal]"].map(selector => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return [selector, {top: box.top, bottom: box.bottom}];
  }));
}"""


@pytest.fixture
def phone(browser, width):
    """A phone-sized tab, `width` px wide and HEIGHT px tall, that taps rather than clicks."""
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def every_page(site_url, pages, missing_page_url) -> dict[str, str]:
    """Every page of the nav by its Markdown source, and the 404 page: name → address."""
    urls = {source: site_url + ("" if source == "index.md" else source.removesuffix(".md") + "/") for source in pages}
    return {**urls, "404 page": missing_page_url}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_heading_button_or_table_cell_breaks_inside_a_word(phone, width, every_page):
    failures = []
    for name, url in every_page.items():
        phone.goto(url)
        failures += [f"{name} at {width} px: {failure}" for failure in phone.evaluate(WORD_BREAKS, [width])]
    assert not failures, "words broken across lines:\n" + "\n".join(failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(phone, width, every_page):
    failures = []
    for name, url in every_page.items():
        phone.goto(url)
        failures += [f"{name} at {width} px: {failure}" for failure in phone.evaluate(SIDEWAYS, [width])]
    assert not failures, "sideways scrolling:\n" + "\n".join(failures)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_first_screen_shows_the_title_the_text_the_first_match_and_the_card(phone, width, site_url, pages):
    failures = []
    for source in pages:
        if source in NOT_FAMILIES:
            continue
        phone.goto(site_url + source.removesuffix(".md") + "/")
        at = phone.evaluate(FAMILY_FIRST_SCREEN)
        if at["title"] > HEIGHT or at["text"] > HEIGHT:
            failures.append(f"{source}: title ends at {at['title']:.0f} px, first line of text at {at['text']:.0f} px")

    phone.goto(site_url + "glossary/?q=ebs")
    # glossary.js puts the query in the box and filters in one go: once the box holds it, it has filtered.
    phone.wait_for_function("() => document.getElementById('glossary-filter-input')?.value === 'ebs'")
    match = phone.evaluate(GLOSSARY_FIRST_MATCH)
    if match["bottom"] > HEIGHT:
        failures.append(f"glossary/?q=ebs: first match #{match['id']} at {match['top']:.0f}-{match['bottom']:.0f} px")

    phone.goto(site_url + "study/")
    phone.locator("#study-app").wait_for(state="visible")
    for selector, box in phone.evaluate(STUDY_FIRST_SCREEN).items():
        if box["bottom"] > HEIGHT:
            failures.append(f"study/: {selector} at {box['top']:.0f}-{box['bottom']:.0f} px")
    assert not failures, f"below the first {HEIGHT} px of a {width} px wide phone:\n" + "\n".join(failures)
