"""Our stylesheets and scripts as readers download them: without the comments that explain them
to maintainers.

The comments in docs/stylesheets/ and docs/javascripts/ say why each rule and each step exists;
they are a third of the bytes, and every first visit would pay for them (tests/test_page_weight.py
holds our CSS and JavaScript to a budget). Only comments go: rules, code, strings and line breaks
stay as written.
"""

from __future__ import annotations

import re

BLANK_LINES = re.compile(r"\n\s*\n+")
# A line of a script that is a comment and nothing else. A comment after code stays: telling it
# from a "//" inside a string or a regular expression would take a JavaScript parser. None of our
# scripts has a string or template running over several lines, where such a line could be text.
COMMENT_LINE = re.compile(r"^[ \t]*//.*\n?", re.M)


def without_comments(css: str) -> str:
    """`css` less its /* comments */, leaving strings (which may hold "/*") as they are."""
    kept: list[str] = []
    position, quote = 0, None
    start = 0
    while position < len(css):
        char = css[position]
        if quote:
            if char == "\\":
                position += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif css.startswith("/*", position):
            end = css.find("*/", position + 2)
            if end < 0:
                raise ValueError("a comment that never ends")
            kept.append(css[start:position])
            position = start = end + 2
            continue
        position += 1
    kept.append(css[start:])
    return BLANK_LINES.sub("\n", "".join(kept)).strip() + "\n"


def script_without_comment_lines(script: str) -> str:
    """`script` less the lines that hold nothing but a // comment."""
    lean = COMMENT_LINE.sub("", script)
    if any("`" in line.split("//")[0] for line in lean.splitlines()):
        raise ValueError("a template literal (`...`) may run over lines that start with //: write a string")
    return BLANK_LINES.sub("\n", lean).strip() + "\n"
