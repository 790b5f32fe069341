"""Our stylesheets as readers download them: without the comments that explain them to maintainers.

The comments in docs/stylesheets/ say why each rule exists; they are a third of the bytes, and
every first visit would pay for them (tests/test_page_weight.py holds our CSS and JavaScript to a
budget). Only comments go: rules, strings and line breaks stay as written.
"""

from __future__ import annotations

import re

BLANK_LINES = re.compile(r"\n\s*\n+")


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
