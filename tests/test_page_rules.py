"""Unit tests of the page rules the `page_rules` hook enforces."""

from __future__ import annotations

from notekit.page_rules import headings, page_problems, raw_html_anchor_problems

GOOD_PAGE = """\
# Storage

Intro text.

## Amazon S3 { #s3 }

Object storage.

```markdown
## Not a heading: inside a fence
```

### Storage classes { #s3-storage-classes .extra data-x="1" }

Six of them.
"""
META = {"description": "Storage services."}


def test_headings_read_text_level_and_explicit_anchor_and_skip_fences():
    found = headings(GOOD_PAGE)
    assert [(h.level, h.text, h.anchor) for h in found] == [
        (1, "Storage", None),
        (2, "Amazon S3", "s3"),
        (3, "Storage classes", "s3-storage-classes"),
    ]
    assert found[1].line == 5


def test_a_good_page_has_no_problems():
    assert page_problems(GOOD_PAGE, META) == []


def test_heading_without_anchor_is_named_with_its_line():
    problems = page_problems(GOOD_PAGE + "\n## Amazon EBS\n\nBlocks.\n", META)
    assert problems == [
        "line 17, heading 'Amazon EBS' has no explicit anchor: write it as '## Amazon EBS { #short-id }'"
    ]


def test_duplicate_anchor_names_both_lines():
    problems = page_problems(GOOD_PAGE + "\n## S3 again { #s3 }\n", META)
    assert problems == ["line 17, heading 'S3 again': anchor '#s3' is already used on line 5"]


def test_anchor_must_be_short_lowercase_words():
    problems = page_problems("# T\n\ntext\n\n## EC2 { #EC2_Instances }\n", META)
    assert len(problems) == 1 and "lowercase words joined by hyphens" in problems[0]
    long_id = "a" * 41
    assert page_problems(f"# T\n\ntext\n\n## X {{ #{long_id} }}\n", META)


def test_empty_page_missing_title_and_missing_description():
    problems = page_problems("## Only { #only }\n", {})
    assert "the page has no text" in problems
    assert "the page needs exactly one '# Title' heading, it has 0" in problems
    assert any("'description:'" in p for p in problems)


def test_two_titles_are_a_problem():
    assert page_problems("# One\n\ntext\n\n# Two\n", META) == ["the page needs exactly one '# Title' heading, it has 2"]


def test_tilde_fence_closes_only_on_its_own_marker():
    text = "# T\n\ntext\n\n~~~~\n```\n## inside\n```\n~~~~\n\n## Out { #out }\n"
    assert [h.text for h in headings(text)] == ["T", "Out"]


def test_a_raw_html_link_to_a_missing_anchor_is_named_with_its_file_line():
    markdown = 'Text.\n\nSee <a href="#there">there</a> and <a href="#nowhere">nowhere</a>.\n'
    page_html = '<p id="there">Text.</p><div data-id="nowhere"></div>'
    assert raw_html_anchor_problems(markdown, page_html, first_line=10) == [
        "line 12: the HTML link to '#nowhere' leads to no anchor here"
    ]


def test_html_links_in_code_are_examples_not_links():
    markdown = 'Write `<a href="#x">` for a link.\n\n```html\n<a href="#y">y</a>\n```\n'
    assert raw_html_anchor_problems(markdown, "<p>Write</p>") == []
