"""Property-based tests: generated front matter (random names, aliases, see lists, Unicode and
punctuation) through the whole term pipeline, as the build runs it. Valid front matter in any
script gives a glossary with unique ids and every term present; anything at all gives one of
two: clear problems naming the page, or that whole glossary. Never an exception, never a term
silently dropped."""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notekit import glossary
from notekit.frontmatter import split_front_matter
from notekit.terms import build_index, terms_from_page

IDS = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?", fullmatch=True)
# Names from every corner: Latin and accented letters, other scripts, digits, punctuation,
# spaces, and the invisible characters the build must reject.
NAME_CHARACTERS = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Lo", "N", "Po", "Pd", "Ps", "Pe", "Zs", "Cf", "Sm"),
    exclude_characters="\n\r",
)
NAMES = st.text(NAME_CHARACTERS, min_size=1, max_size=24)


@st.composite
def front_matter(draw) -> tuple[str, list[str]]:
    ids = draw(st.lists(IDS, min_size=1, max_size=8))
    raw_terms = []
    for term_id in ids:
        raw = {"id": term_id, "name": draw(NAMES), "summary": draw(st.text(min_size=1, max_size=80))}
        if draw(st.booleans()):
            raw["aliases"] = draw(st.lists(NAMES, max_size=3))
        if draw(st.booleans()):
            raw["abbr"] = draw(st.lists(NAMES, max_size=2))
        if draw(st.booleans()):
            raw["see"] = draw(st.lists(st.sampled_from(ids), max_size=3))
        if draw(st.booleans()):
            raw["reader_words"] = draw(st.lists(NAMES, max_size=2))
        raw_terms.append(raw)
    text = "---\n" + yaml.safe_dump({"title": "P", "terms": raw_terms}, allow_unicode=True) + "---\n# P\n"
    return text, ids


# Valid by construction: unique ids that are not the glossary page's own, names of two or more
# visible characters (any script, accents, punctuation) written once across all terms.
VISIBLE = st.characters(codec="utf-8", categories=("Lu", "Ll", "Lo", "N", "Po", "Pd", "Zs"), exclude_characters="{}<>")
VALID_NAMES = st.text(VISIBLE, min_size=2, max_size=24).filter(lambda name: name == " ".join(name.split()) and name)
VALID_IDS = IDS.filter(lambda term_id: not term_id.startswith("letter-") and term_id != "glossary")


@st.composite
def valid_front_matter(draw) -> tuple[str, list[str]]:
    ids = draw(st.lists(VALID_IDS, min_size=1, max_size=8, unique=True))
    names = iter(draw(st.lists(VALID_NAMES, min_size=3 * len(ids), max_size=3 * len(ids), unique=True)))
    raw_terms = []
    for term_id in ids:
        others = [other for other in ids if other != term_id]
        raw = {
            "id": term_id,
            "name": next(names),
            "summary": draw(st.text(VISIBLE, min_size=1, max_size=80).filter(str.strip)),
        }
        raw["aliases"] = [next(names)] if draw(st.booleans()) else []
        raw["abbr"] = [next(names)] if draw(st.booleans()) else []
        raw["see"] = draw(st.lists(st.sampled_from(others), unique=True, max_size=3)) if others else []
        raw_terms.append(raw)
    text = "---\n" + yaml.safe_dump({"title": "P", "terms": raw_terms}, allow_unicode=True) + "---\n# P\n"
    return text, ids


def through_the_pipeline(text: str, anchors: list[str]):
    meta, _body, error = split_front_matter(text)
    assert error is None, "safe_dump wrote YAML that does not read back"
    index = build_index([terms_from_page(meta, "p.md", "P", anchors)])
    return meta, index, index.problems + glossary.id_problems(index)


def assert_whole_glossary(meta: dict, index) -> None:
    assert len(index.terms) == len(meta["terms"]), "a term went missing without a problem said"
    html = glossary.entries_html(index, lambda source: "../p/")
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), f"repeated ids {sorted({i for i in ids if ids.count(i) > 1})}"
    assert set(ids) == glossary.anchors(index) | {"glossary-filter-input"}
    assert all(f'<h2 id="{term_id}"' in html for term_id in index.terms)
    letters = re.findall(r'id="letter-([^"]*)"', html)
    assert len(letters) == len(set(letters)) and all(re.fullmatch(r"[a-z]|other", letter) for letter in letters)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(valid_front_matter())
def test_valid_front_matter_of_any_script_gives_a_whole_glossary(generated):
    text, anchors = generated
    meta, index, problems = through_the_pipeline(text, anchors)
    assert problems == []
    assert_whole_glossary(meta, index)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter())
def test_any_front_matter_gives_clear_problems_or_a_whole_glossary(generated):
    text, anchors = generated
    meta, index, problems = through_the_pipeline(text, anchors)
    if problems:
        assert all("p.md" in problem for problem in problems), problems
    else:
        assert_whole_glossary(meta, index)


@settings(max_examples=200, deadline=None)
@given(NAMES)
def test_a_name_with_invisible_characters_is_always_a_problem(name):
    raw = {"id": "t", "name": "Visible " + name, "summary": "S."}
    _, problems = terms_from_page({"terms": [raw]}, "p.md", "P", ["t"])
    # Zero-width characters, bidirectional controls, word joiners, the soft hyphen, the BOM.
    if re.search(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u00ad\ufeff]", name):
        assert any("invisible characters" in problem for problem in problems), (name, problems)
