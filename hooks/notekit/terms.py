"""The term model: terms read from each page's front matter, checked, and indexed by every name.

A page defines its terms in its front matter, next to the notes they describe:

    terms:
      - id: ebs                         # the anchor of the heading that holds the note
        name: Amazon Elastic Block Store
        abbr: [EBS]                     # abbreviations; on hover they show `name`
        aliases: [Amazon EBS, EBS volume]
        reader_words: [hard drive, disk, SSD volume]   # what readers call it that is not a name
        summary: One plain-text sentence, 160 characters at most.
        see: [efs, instance-store]      # related terms, on any page
        reference:                      # when the summary rests on a fact the notes lack
          title: Amazon EBS volumes     # the official page's title, its URL, and the month
          url: https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html
          checked: 2026-11              # somebody last checked the summary against it

A name, abbreviation or alias is linked wherever the text uses it. `reader_words` are never shown
or linked: they are how a reader who does not know the name asks for the thing ("cheapest" for
Spot Instances), and site search and the glossary filter find the term by them. Like an alias, a
reader word may belong to one term only, or a search for it would have no answer.

Every problem found is a sentence naming the file(s) and the term, so the build can report it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

MAX_SUMMARY = 160
FORBIDDEN_IN_FORMS = set("{}<>\n")
KNOWN_KEYS = {"id", "name", "abbr", "aliases", "reader_words", "summary", "see", "reference"}
REFERENCE_KEYS = {"title", "url", "checked"}


@dataclass(frozen=True)
class Reference:
    """The official page a term's summary rests on (`notekit.claims` checks the URL and month)."""

    title: str
    url: str
    checked: str


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    summary: str
    source: str  # the Markdown page that defines it, e.g. "storage.md"
    family: str  # that page's title, e.g. "Storage"
    abbr: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    see: tuple[str, ...] = ()
    reference: Reference | None = None
    reader_words: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the text may name this term: name, abbreviations, aliases."""
        return (self.name, *self.abbr, *self.aliases)


@dataclass
class TermIndex:
    terms: dict[str, Term] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms.values(), key=lambda term: (sort_key(term.name), term.id))


NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def searchable(text: str) -> str:
    """Lowercase words without accents or punctuation (docs/javascripts/glossary.js folds the
    entries and the reader's query the same way in the browser)."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = text.lower()
    return " ".join(NOT_A_WORD.split(plain)).strip()


@functools.lru_cache(maxsize=65536)  # asked again for each listing of the terms; pure
def sort_key(name: str) -> str:
    """Glossary order, and the letter a name is filed under: the name folded as `searchable` does,
    without the 'Amazon'/'AWS' prefix readers skip over. Sorting and grouping by the same key
    keeps each letter's terms together, whatever accents or punctuation the names carry."""
    lowered = name.casefold()
    for prefix in ("amazon ", "aws "):
        if lowered.startswith(prefix):
            lowered = lowered[len(prefix) :]
            break
    return searchable(lowered)


def _as_strings(value, what: str, where: str, problems: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        problems.append(f"{where}: '{what}' must be a list of non-empty texts")
        return ()
    return tuple(item.strip() for item in value)


def _reference(value, where: str, problems: list[str]) -> Reference | None:
    if value is None:
        return None
    # YAML reads an unquoted 2026-11 as text, but 2026-11-01 as a date: both are written back as text.
    fields = {key: str(item).strip() for key, item in value.items()} if isinstance(value, dict) else {}
    if set(fields) != REFERENCE_KEYS or not all(fields.values()):
        problems.append(f"{where}: 'reference' must have exactly {sorted(REFERENCE_KEYS)}, each filled in")
        return None
    return Reference(**fields)


def invisible_characters(text: str) -> list[str]:
    """The format and control characters in `text` (zero-width spaces, bidirectional controls,
    soft hyphens...): invisible on the page, they make two names that read the same differ."""
    if text.isprintable():  # no format or control character among them, at C speed
        return []
    return [f"U+{ord(char):04X}" for char in text if unicodedata.category(char) in {"Cf", "Cc"}]


def one_slip_from(word: str, target: str) -> bool:
    """Whether `word` is `target` with one letter left out, added, or two neighbours swapped: the
    slips of a typist. A changed letter is not one: "teams" and "tears" are words of their own."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return False
    if len(word) == len(target):
        differ = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        return len(differ) == 2 and differ[1] == differ[0] + 1 and word[differ[0]] == target[differ[1]]
    shorter, longer = sorted((word, target), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def misspelled_terms_keys(meta: dict) -> list[str]:
    """Front matter keys that are `terms` mistyped (`term`, `Terms`, `trems`), whose terms would
    otherwise be silently lost."""
    return [
        key
        for key in meta
        if isinstance(key, str)
        and key != "terms"
        and (key.strip().casefold() in {"term", "terms"} or one_slip_from(key.strip().casefold(), "terms"))
    ]


def _term_problems(term: Term, where: str) -> list[str]:
    problems = []
    for form in term.forms:
        if len(form) < 2 or FORBIDDEN_IN_FORMS & set(form):
            problems.append(f"{where}: '{form}' cannot be matched in text (too short, or has {{ }} < > )")
    for what, text in [("id", term.id), ("summary", term.summary), *(("name", form) for form in term.forms)]:
        if invisible_characters(text):
            problems.append(f"{where}: its {what} '{text}' has invisible characters {invisible_characters(text)}")
    # Case matters: a lowercase alias is how the name reads in the middle of a sentence.
    repeated = sorted({form for form in term.forms if term.forms.count(form) > 1})
    if repeated:
        problems.append(f"{where}: {repeated} written more than once in its name, abbr and aliases")
    problems += _reader_words_problems(term, where)
    if term.id in term.see:
        problems.append(f"{where}: 'see' lists the term itself")
    if len(set(term.see)) < len(term.see):
        problems.append(f"{where}: 'see' lists {sorted({s for s in term.see if term.see.count(s) > 1})} twice")
    return problems


def _reader_words_problems(term: Term, where: str) -> list[str]:
    problems = []
    own_forms = {searchable(form) for form in term.forms}
    seen: set[str] = set()
    for words in term.reader_words:
        folded = searchable(words)
        if not folded or FORBIDDEN_IN_FORMS & set(words) or invisible_characters(words):
            problems.append(f"{where}: reader word '{words}' is not plain text (letters, digits and spaces)")
        elif folded in own_forms:
            problems.append(f"{where}: reader word '{words}' is already its name, abbreviation or alias")
        elif folded in seen:
            problems.append(f"{where}: reader word '{words}' is written twice")
        seen.add(folded)
    return problems


def terms_key_problems(meta: dict, source: str) -> list[str]:
    """A `terms:` key that reads no terms: misspelled, empty, or not a list. Every term of the page
    would be lost, and every page that refers to one of them would report it: the build stops."""
    problems = [
        f"{source}: the front matter key '{key}' is not 'terms': the terms under it are not read"
        for key in misspelled_terms_keys(meta)
    ]
    if "terms" in meta and not meta["terms"]:
        problems.append(f"{source}: 'terms:' is empty: list the page's terms under it, or remove it")
    elif "terms" in meta and not isinstance(meta["terms"], list):
        problems.append(f"{source}: 'terms' in the front matter must be a list of terms")
    return problems


def terms_from_page(meta: dict, source: str, family: str, anchors: Iterable[str]) -> tuple[list[Term], list[str]]:
    """The terms one page defines in its front matter, and what is wrong with them."""
    misspelled = terms_key_problems(meta, source)
    raw_terms = meta.get("terms")
    if misspelled or not raw_terms:
        return [], misspelled
    anchors = set(anchors)
    terms: list[Term] = []
    problems: list[str] = misspelled
    for position, raw in enumerate(raw_terms, start=1):
        if not isinstance(raw, dict):
            problems.append(f"{source}: term {position} must be a mapping with id, name and summary")
            continue
        term_id = str(raw.get("id") or "").strip()
        where = f"{source}: term '{term_id or position}'"
        unknown = sorted(set(raw) - KNOWN_KEYS)
        if unknown:
            problems.append(f"{where} has unknown keys {unknown} (known: {sorted(KNOWN_KEYS)})")
        name = str(raw.get("name") or "").strip()
        summary = " ".join(str(raw.get("summary") or "").split())
        if not term_id:
            problems.append(f"{where} has no 'id'")
            continue
        if term_id not in anchors:
            problems.append(f"{where}: its id must be the anchor of a heading on the page ({{ #{term_id} }})")
        if not name:
            problems.append(f"{where} has no 'name'")
            continue
        if not summary:
            problems.append(f"{where} has no 'summary'")
        elif len(summary) > MAX_SUMMARY:
            problems.append(f"{where}: its summary has {len(summary)} characters, at most {MAX_SUMMARY} fit a tooltip")
        term = Term(
            id=term_id,
            name=name,
            summary=summary,
            source=source,
            family=family,
            abbr=_as_strings(raw.get("abbr"), "abbr", where, problems),
            aliases=_as_strings(raw.get("aliases"), "aliases", where, problems),
            see=_as_strings(raw.get("see"), "see", where, problems),
            reader_words=_as_strings(raw.get("reader_words"), "reader_words", where, problems),
            reference=_reference(raw.get("reference"), where, problems),
        )
        problems += _term_problems(term, where)
        terms.append(term)
    return terms, problems


def build_index(pages: Iterable[tuple[list[Term], list[str]]]) -> TermIndex:
    """Join every page's terms into one index; the same id or form twice is a problem."""
    index = TermIndex()
    owner_of_form: dict[str, Term] = {}
    for terms, problems in pages:
        index.problems.extend(problems)
        for term in terms:
            if term.id in index.terms:
                first = index.terms[term.id]
                index.problems.append(f"term id '{term.id}' is defined twice: in {first.source} and in {term.source}")
                continue
            index.terms[term.id] = term
            for form in dict.fromkeys(term.forms):
                owner = owner_of_form.get(form)
                if owner is None:
                    owner_of_form[form] = term
                elif owner.name == form or term.name == form:
                    alias_of, named = (term, owner) if owner.name == form else (owner, term)
                    index.problems.append(
                        f"'{form}' is the name of term '{named.id}' ({named.source}) and also an alias "
                        f"or abbreviation of term '{alias_of.id}' ({alias_of.source})"
                    )
                else:
                    index.problems.append(
                        f"'{form}' names two terms: '{owner.id}' ({owner.source}) and '{term.id}' ({term.source})"
                    )
    index.problems += reader_words_claimed_twice(index.terms.values())
    for term in index.terms.values():
        for other in term.see:
            if other not in index.terms:
                index.problems.append(f"{term.source}: term '{term.id}' has 'see: {other}', which is no term")
    return index


def reader_words_claimed_twice(terms: Iterable[Term]) -> list[str]:
    """A reader word that another term already claims, as a reader word or as a name, abbreviation
    or alias, or that has another term's name in it ("cost of EC2"): a reader typing it, or that
    name, would be sent to two places. Compared as search compares them, without case, accents or
    punctuation, and word by word."""
    terms = list(terms)
    named: dict[str, Term] = {}
    for term in terms:
        for form in term.forms:
            named.setdefault(searchable(form), term)
    claimed_by = dict(named)
    problems = []
    for term in terms:
        for words in dict.fromkeys(term.reader_words):
            folded = searchable(words)
            owner = claimed_by.setdefault(folded, term)
            if owner is not term:
                problems.append(
                    f"{term.source}: reader word '{words}' of term '{term.id}' is already claimed by "
                    f"term '{owner.id}' ({owner.source})"
                )
                continue
            inside = [other for part in word_runs(folded) if (other := named.get(part)) not in (None, term)]
            if inside:
                problems.append(
                    f"{term.source}: reader word '{words}' of term '{term.id}' has the name of term "
                    f"'{inside[0].id}' ({inside[0].source}) in it: a search for that name would find both"
                )
    return problems


def word_runs(folded: str) -> list[str]:
    """Every run of whole words in `folded` text, shorter than the whole."""
    words = folded.split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1) if j - i < len(words)]
