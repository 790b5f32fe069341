"""Unit tests of the term matcher: each matching rule on its own, then the trie against a plain list."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from notekit.matcher import TermMatcher, trie_pattern

FORMS = [
    "S3",
    "S3 Glacier",
    "S3 Glacier Deep Archive",
    "EC2",
    "EC2 instance",
    "Lambda",
    "serverless",
    "edge location",
    "A/B testing",
    "AT&T",
    "C++",
    "Node.js",
    "Savings Plans (EC2)",
]
MATCHER = TermMatcher(FORMS)


def found(raw: str) -> list[str]:
    return [f"{m.form}={raw[m.start : m.end]}" for m in MATCHER.find(raw)]


def test_longest_form_wins():
    assert found("S3 Glacier Deep Archive, S3 Glacier and S3") == [
        "S3 Glacier Deep Archive=S3 Glacier Deep Archive",
        "S3 Glacier=S3 Glacier",
        "S3=S3",
    ]


def test_a_longer_form_that_does_not_finish_falls_back_to_the_shorter():
    assert found("S3 Glacier Deep freeze") == ["S3 Glacier=S3 Glacier"]


def test_whole_words_only():
    assert found("S3x xS3 S33 EC2s3 LambdaX") == []


def test_abbreviations_and_names_are_case_sensitive():
    assert found("ec2 s3 Ec2 lambda LAMBDA") == []
    assert found("Lambda") == ["Lambda=Lambda"]


def test_lowercase_forms_also_match_at_the_start_of_a_sentence():
    assert found("Serverless is nice. Edge locations too.") == [
        "serverless=Serverless",
        "edge location=Edge locations",
    ]
    assert found("SERVERLESS") == []


def test_plurals_and_possessives_belong_to_the_match():
    assert found("EC2 instances, S3's and S3’s classes") == [
        "EC2 instance=EC2 instances",
        "S3=S3's",
        "S3=S3’s",
    ]


def test_host_names_urls_paths_and_file_names_never_match():
    text = "docs.aws.S3 https://x.com/S3 s3/S3 S3.txt S3/data my-S3 S3-like me@S3 v.EC2 EC2.exe"
    assert found(text) == []


def test_sentence_punctuation_after_a_term_is_fine():
    assert found("Use S3. Or EC2, (Lambda); S3: “EC2”") == ["S3=S3", "EC2=EC2", "Lambda=Lambda", "S3=S3", "EC2=EC2"]


def test_forms_with_punctuation_match_in_escaped_html():
    raw = html.escape("A/B testing at AT&T in C++ and Node.js on Savings Plans (EC2).", quote=False)
    assert [m.form for m in MATCHER.find(raw)] == ["A/B testing", "AT&T", "C++", "Node.js", "Savings Plans (EC2)"]


def test_no_forms_no_matches():
    assert list(TermMatcher([]).find("anything")) == []


words = st.text(alphabet="abAB /.&+-", min_size=1, max_size=6).filter(lambda w: w.strip() == w and w)


@given(st.lists(words, min_size=1, max_size=12, unique=True), st.text(alphabet="abAB /.&+-x", max_size=40))
def test_trie_finds_what_a_longest_first_alternation_finds(forms, text):
    naive = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    trie = re.compile(trie_pattern(forms))
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in naive.finditer(text)]


def reference_matches(forms: list[str], text: str) -> list[tuple[int, int, str]]:
    """The rules written the slow, obvious way: one alternation of every spelling, longest first."""
    spelled: dict[str, str] = {}
    for form in forms:
        for spelling in [form, form[0].upper() + form[1:]]:
            spelled.setdefault(html.escape(spelling, quote=False), form)
    alternation = "|".join(re.escape(s) for s in sorted(spelled, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w@/.\-])(?P<form>" + alternation + r")(?:'s|’s|s)?(?![\w/\-@]|\.\w)")
    return [(m.start(), m.end(), spelled[m.group("form")]) for m in pattern.finditer(text)]


form_text = st.text(alphabet="abAB /.&+-'", min_size=1, max_size=7).filter(lambda w: w.strip() == w and w[0] != " ")


@settings(max_examples=400)
@given(st.lists(form_text, min_size=1, max_size=10, unique=True), st.text(alphabet="abAB /.&+-'sx", max_size=60))
def test_matcher_agrees_with_one_plain_longest_first_alternation(forms, text):
    found = [(m.start, m.end, m.form) for m in TermMatcher(forms).find(text)]
    assert found == reference_matches(forms, text)
