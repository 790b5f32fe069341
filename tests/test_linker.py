"""Unit tests of the HTML rewriting: where terms are linked, where not, and that text never changes."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notekit.html_scan import PageScan
from notekit.link_rules import RELINK_AFTER, WordCount
from notekit.linker import CLASSES, UNLINKED, UNMARKED, UNTOUCHED, TermLinker
from notekit.terms import Term

TERMS = {
    "ec2": Term("ec2", "Amazon Elastic Compute Cloud", "Virtual <servers> & more.", "compute.md", "Compute",
                abbr=("EC2",), aliases=("Amazon EC2",)),
    "s3": Term("s3", "Amazon Simple Storage Service", "Object storage.", "storage.md", "Storage",
               abbr=("S3",), aliases=("Amazon S3",)),
    "serverless": Term("serverless", "Serverless computing", "No servers to manage.", "concepts.md", "Concepts",
                       aliases=("serverless",)),
}  # fmt: skip


LINKER = TermLinker(TERMS)


def link(page_html: str, source: str = "page.md", **options):
    return LINKER.link(page_html, source, lambda term: f"../{term.source[:-3]}/#{term.id}", **options)


def links(page_html: str) -> list[str]:
    return re.findall(r'<a class="glossary-link" href="([^"]+)"', page_html)


EXPANDED_EC2 = '<abbr title="Amazon Elastic Compute Cloud">EC2</abbr>'


def test_a_term_is_linked_once_per_page_with_the_summary_as_tooltip():
    out = link('<h2 id="a">A</h2><p>EC2 and EC2.</p><h2 id="b">B</h2><p>Amazon EC2 again.</p>').html
    assert links(out) == ["../compute/#ec2"]
    tooltip = 'title="Amazon Elastic Compute Cloud: Virtual &lt;servers&gt; &amp; more."'
    # The link's tooltip expanded EC2 in section a; section b marks it at its first use there.
    assert f'<p><a class="glossary-link" href="../compute/#ec2" {tooltip}>EC2</a> and EC2.</p>' in out
    assert f'<h2 id="b">B</h2><p>Amazon {EXPANDED_EC2} again.</p>' in out
    # One tooltip per link: the abbreviation inside the name is expanded in the link's own title.
    out = link("<p>Amazon EC2</p>").html
    assert 'title="EC2: Amazon Elastic Compute Cloud. Virtual &lt;servers&gt; &amp; more.">Amazon EC2</a>' in out


def test_an_abbreviation_inside_a_longer_name_still_shows_its_expansion():
    out = link('<h2 id="ec2">Amazon EC2</h2><p>Amazon EC2 and Amazon S3’s.</p>').html
    assert f'<h2 id="ec2">Amazon EC2</h2><p>Amazon {EXPANDED_EC2} and' in out
    assert 'title="S3: Amazon Simple Storage Service. Object storage.">Amazon S3’s</a>.</p>' in out


def test_without_tooltips_links_carry_no_title_and_abbreviations_expand_inside():
    out = LINKER.link("<p>Amazon EC2 and S3.</p>", "glossary.md", lambda term: f"#{term.id}", tooltips=False).html
    expanded = '<abbr title="Amazon Elastic Compute Cloud">EC2</abbr>'
    assert out == (
        f'<p><a class="glossary-link" href="#ec2">Amazon {expanded}</a> and '
        '<a class="glossary-link" href="#s3"><abbr title="Amazon Simple Storage Service">S3</abbr></a>.</p>'
    )


def test_subsections_mark_abbreviations_afresh_but_do_not_link_again():
    out = link('<h2 id="a">A</h2><p>S3</p><h3 id="a1">A1</h3><p>S3</p>').html
    assert len(links(out)) == 1
    assert out.endswith('<h3 id="a1">A1</h3><p><abbr title="Amazon Simple Storage Service">S3</abbr></p>')


def words(count: int) -> str:
    return " ".join(["word"] * count)


def test_a_later_section_links_again_only_when_the_last_link_is_far_back():
    # Words are counted from the link's start: "S3", the filler, then the heading "B".
    near = f'<h2 id="a">A</h2><p>S3 {words(RELINK_AFTER - 3)}</p><h2 id="b">B</h2><p>S3</p>'
    far = f'<h2 id="a">A</h2><p>S3 {words(RELINK_AFTER - 2)}</p><h2 id="b">B</h2><p>S3</p>'
    assert len(links(link(near).html)) == 1
    assert len(links(link(far).html)) == 2
    assert len(links(link(f"<p>S3 {words(1)}</p><h2 id='b'>B</h2><p>S3</p>", relink_after=4).html)) == 1
    assert len(links(link(f"<p>S3 {words(2)}</p><h2 id='b'>B</h2><p>S3</p>", relink_after=4).html)) == 2
    # Within one section, a term is linked once however long the section.
    assert len(links(link(f"<p>S3 {words(3 * RELINK_AFTER)} S3</p>").html)) == 1


def test_relink_after_zero_links_afresh_in_every_section_as_the_glossary_does():
    out = link('<h2 id="a">A</h2><p>S3 S3</p><h2 id="b">B</h2><p>S3</p>', tooltips=False, relink_after=0).html
    assert len(links(out)) == 2


def test_word_count_counts_text_not_markup_and_is_the_same_however_it_is_asked():
    page_html = '<p class="x y">One <b>two</b> &amp; three</p><!-- <i>c</i> --><p>four</p>'
    assert WordCount(page_html).at(len(page_html)) == 5
    in_steps = WordCount(page_html)
    assert [in_steps.at(page_html.index("three")), in_steps.at(len(page_html))] == [2, 5]


def test_an_abbreviation_is_marked_at_its_first_use_in_a_section_only():
    out = link('<h2 id="s3">S3</h2><p>S3, S3 and Amazon S3.</p><h2 id="b">B</h2><p>EC2 and Amazon S3, S3</p>').html
    marked = '<abbr title="Amazon Simple Storage Service">S3</abbr>'
    # Its own section: never a link, one mark.
    assert f'<h2 id="s3">S3</h2><p>{marked}, S3 and Amazon S3.</p>' in out
    # Another section: the link's tooltip expands S3, so the later S3 stays plain.
    assert out.endswith('Simple Storage Service. Object storage.">Amazon S3</a>, S3</p>')
    assert out.count("<abbr") == 1


@pytest.mark.parametrize("level", range(1, 7))
def test_headings_get_neither_links_nor_marks_but_their_mentions_count(level):
    out = link(f'<h{level} id="x">Amazon EC2 and S3</h{level}><p>S3</p>')
    assert out.html.startswith(f'<h{level} id="x">Amazon EC2 and S3</h{level}><p><a class="glossary-link"')
    assert out.mentioned == {"ec2", "s3"}


def test_card_grids_get_neither_links_nor_marks_but_their_mentions_count():
    cards = '<div class="grid cards"><ul><li><p><strong><a href="x/">X</a></strong></p><p>EC2, S3.</p></li></ul></div>'
    out = link(cards + "<p>EC2</p>")
    assert out.html.startswith(cards)
    assert links(out.html) == ["../compute/#ec2"]
    assert out.mentioned == {"ec2", "s3"}


def test_never_linked_inside_headings_links_code_or_abbreviations():
    for wrapper in [
        '<h2 id="x">{}</h2>',
        '<a href="/x">{}</a>',
        "<code>{}</code>",
        "<pre><code>{}</code></pre>",
        '<abbr title="t">{}</abbr>',
        '<p class="admonition-title">{}</p>',
        '<div class="tabbed-labels"><label for="t">{}</label></div>',
        "<details><summary>{}</summary></details>",
        "<script>var x = '{}';</script>",
        "<style>/* {} */</style>",
    ]:
        page_html = wrapper.format("Serverless on Amazon S3")
        assert links(link(page_html).html) == [], wrapper


def test_abbreviations_show_their_expansion_in_links_but_not_headings_or_code():
    out = link('<h2 id="x">S3</h2><p><a href="/y">EC2</a> <code>S3</code></p>').html
    assert '<h2 id="x">S3</h2>' in out
    assert f'<a href="/y">{EXPANDED_EC2}</a>' in out
    assert "<code>S3</code>" in out


def test_never_a_link_to_the_section_the_text_is_in():
    out = link('<h2 id="s3">S3</h2><p>Amazon S3 stores.</p><h3 id="classes">Classes</h3><p>S3 classes, EC2.</p>')
    assert links(out.html) == ["../compute/#ec2"]
    assert "s3" not in out.mentioned and "ec2" in out.mentioned


def test_mentions_are_recorded_even_when_not_linked():
    out = link("<h1 id='t'>T</h1><p>EC2</p><h2 id='u'>EC2</h2>")
    assert out.mentioned == {"ec2"}


def test_explicit_reference_resolves_and_unknown_one_is_a_problem():
    out = link('<p><a href="term:s3">buckets</a> and <a href="term:nope" title="t">x</a></p>', "storage.md")
    assert '<a href="../storage/#s3" title="Object storage.">buckets</a>' in out.html
    assert out.problems == ["storage.md: a link refers to the term 'nope', which no page defines"]


def test_unclosed_paragraphs_and_void_elements_do_not_confuse_the_walk():
    out = link('<p>EC2<br><img src="a.png" alt="S3"><p>S3<hr/><p><span>Serverless</span>').html
    assert links(out) == ["../compute/#ec2", "../storage/#s3", "../concepts/#serverless"]
    assert 'alt="S3"' in out


def test_well_formed_pages_take_the_fast_way_and_others_are_walked():
    assert PageScan('<p><a href="/x"><code>S3</code></a> <span class="glossary-no-link">S3</span></p>', UNTOUCHED,
                    UNLINKED, CLASSES, UNMARKED).well_formed  # fmt: skip
    for page_html in ["<div><label>x</div> S3", "<p><a href=/x><code>y</a> S3</p>", "<details><summary>Hi</details>"]:
        assert not PageScan(page_html, UNTOUCHED, UNLINKED, CLASSES, UNMARKED).well_formed, page_html
    assert links(link("<div><label>x</div> S3").html) == ["../storage/#s3"]  # the label ended with its div


def test_a_commented_out_element_is_text_of_a_comment_not_an_element():
    page_html = '<!-- <span class="glossary-no-link">old</span> --><p>S3</p>'
    assert links(link(page_html).html) == ["../storage/#s3"]


def test_script_and_style_text_is_never_touched_even_when_the_tag_closes_itself():
    raw = "<script/>EC2 <p>S3</p></script><style>.S3 {}</style>"
    assert links(link(raw + "<p>S3</p>").html) == ["../storage/#s3"]
    assert link(raw + "<p>S3</p>").html.startswith(raw)


# -- Properties: whatever the HTML, the visible text is unchanged and links never nest ---------

WORDS = ["EC2", "S3", "Amazon S3", "serverless", "Serverless", "lambda", "x", "&amp;", "&lt;b&gt;", "S3.txt", "EC2's"]
text = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)


def element(children):
    tags = st.sampled_from(["p", "li", "strong", "em", "a", "code", "h2", "h3", "abbr", "div"])

    def wrap(pair):
        tag, inner = pair
        attrs = ' href="/x"' if tag == "a" else ' id="h"' if tag.startswith("h") else ""
        return f"<{tag}{attrs}>{''.join(inner)}</{tag}>"

    return st.tuples(tags, st.lists(children, max_size=3)).map(wrap)


fragments = st.recursive(text, element, max_leaves=12)


def visible_text(page_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", page_html))


class NestedLinks(HTMLParser):
    """Counts the links the linker made that sit inside another link, or contain one."""

    def __init__(self):
        super().__init__()
        self.open: list[bool] = []  # for each open <a>: is it one of the linker's?
        self.nested = 0

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            made = ("class", "glossary-link") in attrs
            if self.open and (made or self.open[-1]):
                self.nested += 1
            self.open.append(made)

    def handle_endtag(self, tag):
        if tag == "a" and self.open:
            self.open.pop()


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments, min_size=1, max_size=5).map("".join))
def test_linking_never_changes_visible_text_and_never_nests_links(page_html):
    out = link(page_html).html
    assert visible_text(out) == visible_text(page_html)
    checker = NestedLinks()
    checker.feed(out)
    assert checker.nested == 0, "a link was made inside a link"
    # Short pages: each term linked once at most, and nothing linked or marked in a heading.
    assert len(links(out)) == len(set(links(out)))
    assert not re.search(r"<h[1-6][^>]*>(?:(?!</h[1-6]>).)*<(?:abbr title|a class)", out), out


# -- The oracle: the same decisions as a walk over every tag with a stack of open elements ------
OPENINGS = [
    "<p>", "<li>", "<strong>", "<em>", "<span>", "<div>", "<label>", "<summary>", "<CODE>", "<code>", "<pre>",
    '<a href="/x">', '<a href="term:s3">', '<a href="TERM:ec2">', '<a href="term:nope" title="S3">',
    '<h2 id="s3">', '<h2 id="a">', '<h3 id="ec2">', "<h3>", '<abbr title="Amazon S3">',
    '<div class="admonition-title">', '<p class="x glossary-plain">', '<span class="glossary-no-link y">',
    '<div class="tabbed-labels">', '<p class="headerlinks">', '<p title="Amazon S3 > EC2" class=\'x\'>',
    '<div class="grid cards">', '<h1 id="t">', "<h4 id='s3'>", "<h6>",
]  # fmt: skip
# Stray and missing closing tags too: where html_scan sees one, the linker walks the page instead.
LOOSE = ["<br>", '<img alt="S3">', "<hr/>", "<!-- S3 -->", "<span/>", "<script/>", "<p>", "</p>", "</div>",
         "<label>", "<script>a<b 'S3</script>", "<SCRIPT>S3</SCRIPT>", "<style>.S3 { }</style>",
         '<!-- <span class="glossary-no-link">S3</span> -->', "S3.txt", "EC2's", "&lt;S3&gt;", " "]  # fmt: skip


def element_of_every_kind(children):
    def wrap(pair):
        opening, inner = pair
        name = opening[1:].split(">")[0].split()[0].rstrip("/")
        return f"{opening}{''.join(inner)}</{name}>"

    return st.tuples(st.sampled_from(OPENINGS), st.lists(children, max_size=3)).map(wrap)


any_fragment = st.recursive(st.one_of(text, st.sampled_from(LOOSE)), element_of_every_kind, max_leaves=16)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(any_fragment, min_size=1, max_size=6).map("".join),
    st.sampled_from(["", "s3", "ec2"]),
    st.sampled_from([RELINK_AFTER, 0, 1, 3]),  # small: the random pages are short
)
def test_the_linker_decides_as_a_walk_over_every_tag_would(page_html, within, relink_after):
    def href(term):
        return f"#{term.id}"

    for tooltips in (True, False):
        options = {"within": within, "tooltips": tooltips, "relink_after": relink_after}
        fast = LINKER.link(page_html, "page.md", href, **options)
        walked = LINKER.link_by_walking(page_html, "page.md", href, **options)
        assert (fast.html, fast.mentioned, fast.problems) == (walked.html, walked.mentioned, walked.problems)
