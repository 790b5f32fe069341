"""One compiled pattern that finds every term in a text, in a single pass.

The alternatives are folded into a character trie, so the pattern costs about the same whether it
knows 100 terms or 3,000: at each position the regex engine follows one branch of the trie
instead of trying every term in turn. Greedy optional groups make the longest form win
("S3 Glacier Deep Archive" over "S3 Glacier" over "S3").

Rules, in order of the issue that asked for them:
- whole words only, and never inside a host name, URL, path or file name ("docs.aws", "S3.txt");
- case-sensitive, so "Lambda" is not "lambda"; a form written in lowercase ("serverless") is a
  common noun and also matches with a capital first letter at the start of a sentence;
- a plural or possessive ending ("EC2 instances", "S3's") belongs to the match.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# Text arrives as raw HTML, so forms are matched in their escaped spelling ("&amp;").
BEFORE = r"(?<![\w@/.\-])"
ENDING = r"(?P<ending>'s|’s|s)?"
AFTER = r"(?![\w/\-@]|\.\w)"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    form: str  # the form as the term defines it, unescaped ("AT&T", not "AT&amp;T")


def spellings(form: str) -> set[str]:
    """The spellings a form matches: itself, and a capitalised one for lowercase common nouns."""
    found = {form}
    if form[0].islower():
        found.add(form[0].upper() + form[1:])
    return found


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching exactly `words`, longest first, folded into a trie of characters."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def emit(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


class TermMatcher:
    """Finds the forms of many terms in raw HTML text; `form_of` maps a spelling to its form."""

    def __init__(self, forms: Iterable[str]):
        self.form_of: dict[str, str] = {}
        for form in forms:
            for spelling in spellings(form):
                self.form_of.setdefault(html.escape(spelling, quote=False), form)
        if self.form_of:
            body = trie_pattern(self.form_of)
            self.pattern: re.Pattern[str] | None = re.compile(BEFORE + "(?P<form>" + body + ")" + ENDING + AFTER)
        else:
            self.pattern = None

    def find(self, raw_text: str) -> Iterator[Match]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(raw_text):
            yield Match(match.start(), match.end(), self.form_of[match.group("form")])
