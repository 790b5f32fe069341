"""Unit tests of `notekit.frontmatter`: a page's YAML front matter split from its body, and broken
YAML reported with the lines of the file where it shows."""

from __future__ import annotations

import re

import pytest
from notekit.frontmatter import split_front_matter

PAGE = "---\ntitle: Storage\nterms:\n  - id: ebs\n    name: EBS\n---\n\n# Storage\n"


def test_front_matter_and_body_are_split():
    meta, body, error = split_front_matter(PAGE)
    assert meta == {"title": "Storage", "terms": [{"id": "ebs", "name": "EBS"}]}
    assert body == "\n# Storage\n" and error is None


@pytest.mark.parametrize("text", ["# No front matter\n", "Text --- with dashes\n---\n", ""])
def test_a_page_without_front_matter_is_all_body(text):
    assert split_front_matter(text) == ({}, text, None)


def test_empty_front_matter_and_the_dotted_closing_line():
    assert split_front_matter("---\n---\nBody\n") == ({}, "Body\n", None)
    assert split_front_matter("---\ntitle: T\n...\nBody\n") == ({"title": "T"}, "Body\n", None)


def test_front_matter_that_is_not_a_mapping_is_an_error():
    meta, body, error = split_front_matter("---\n- a\n- b\n---\nBody\n")
    assert meta == {} and body == "Body\n"
    assert error == "its front matter must be a mapping of keys to values"


@pytest.mark.parametrize(
    ("yaml_text", "lines"),
    [
        ("title: Storage\nterms: [a, b\n", {3, 4}),  # an unclosed list: seen where the file ends
        ("title: Storage\n  bad: indent\n", {3}),
        ('title: "Storage\nnext: x\n', {2, 4}),  # an unclosed quote, started on line 2
    ],
)
def test_broken_yaml_names_the_lines_of_the_file(yaml_text, lines):
    meta, body, error = split_front_matter(f"---\n{yaml_text}---\n# Body\n")
    assert meta == {} and body == "# Body\n"
    assert error.startswith("line ") and "its front matter is not valid YAML (" in error
    assert {int(n) for n in re.findall(r"line (\d+)", error)} & lines, error
