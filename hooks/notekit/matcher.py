"""Find every term in a text in a single pass, with one small compiled pattern.

The pattern knows only the first word of each form, folded into a character trie, so it stays
small and quick to compile at thousands of terms. Where it finds one, the forms that begin with
that word are looked up by length, longest first ("S3 Glacier Deep Archive" over "S3 Glacier"
over "S3"): one dictionary lookup per distinct length, however many forms share the word (7,000
forms begin with "Amazon" in the benchmark's largest AWS-like site, in about 40 lengths). So the
cost per word of text depends on neither the number of terms nor how many share a first word.

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
from typing import NamedTuple

# Text arrives as raw HTML, so forms are compared in their escaped spelling ("AT&amp;T").
BEFORE = r"(?<![\w@/.\-])"
ENDING_AND_BOUNDARY = re.compile(r"(?:'s|’s|s)?(?![\w/\-@]|\.\w)")


class Match(NamedTuple):
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
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here too: try the longer ones first, greedily
            return "(?:" + body + ")?"
        return body

    return emit(trie)


class FormsByLength(NamedTuple):
    """The spellings that begin with one first word: spelling -> form, and their lengths, longest first."""

    forms: dict[str, str]
    lengths: tuple[int, ...]


class TermMatcher:
    """Finds the forms of many terms in raw HTML text."""

    def __init__(self, forms: Iterable[str]):
        grouped: dict[str, dict[str, str]] = {}
        for form in forms:
            for spelling in spellings(form):
                escaped = html.escape(spelling, quote=False)
                # Two forms with one spelling ("B", and "b" capitalised): the first one given wins.
                grouped.setdefault(escaped.split(" ", 1)[0], {}).setdefault(escaped, form)
        self.by_first_word = {
            word: FormsByLength(found, tuple(sorted({len(spelling) for spelling in found}, reverse=True)))
            for word, found in grouped.items()
        }
        self.first_words = None
        if self.by_first_word:
            # A class of the first letters in front lets the engine skip ahead to where a word can
            # start (a quarter faster over a page); the lookbehind alone is tried at every character.
            first_letters = "".join(sorted({re.escape(word[0]) for word in self.by_first_word}))
            self.first_words = re.compile(f"(?=[{first_letters}])" + BEFORE + trie_pattern(self.by_first_word))

    def find(self, raw_text: str) -> Iterator[Match]:
        if self.first_words is None:
            return
        search, position = self.first_words.search, 0
        while (found := search(raw_text, position)) is not None:
            match = self._longest_at(raw_text, found.start(), found.end())
            if match is None:
                position = found.start() + 1
                continue
            yield match
            position = match.end

    def _longest_at(self, text: str, start: int, first_word_end: int) -> Match | None:
        # The pattern found the longest first word here; a shorter one can still start a form.
        room = len(text) - start
        for end in range(first_word_end, start, -1):
            bucket = self.by_first_word.get(text[start:end])
            if bucket is None:
                continue
            for length in bucket.lengths:
                if length > room:
                    continue
                form = bucket.forms.get(text[start : start + length])
                if form is not None:
                    boundary = ENDING_AND_BOUNDARY.match(text, start + length)
                    if boundary is not None:
                        return Match(start, boundary.end(), form)
        return None
