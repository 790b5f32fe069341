"""Synthetic notes for the benchmark, in two distributions of term names.

- `made-up`: every name is two invented words and a number, so no two names share a first word
  (the benchmark's first distribution; 30 pages of 1,500 words per 1x).
- `aws-like`: named the way AWS names services. 55 % of names start "Amazon" or "AWS" and 5 %
  "Elastic", so thousands of names share a first word; a prefixed name also goes by its short
  form ("Amazon Kalo Mira", "Kalo Mira"). About 5.4 % of the words name a term, a fifth of them
  as a plural or a possessive; the pages hold tables, admonitions, lists and code blocks (whose
  names must not be linked). 100 pages of 2,000 words per 1x.

Pages come in sections of ten, as a large site's navigation would group them, so that what
Material renders into every page for the navigation is measured as it would grow. Both
distributions are random but seeded: a given size is the same text on every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

TERMS_PER_PAGE = 10
PAGES_PER_SECTION = 10
FILLER = (  # noqa: SIM905 (a sentence of words reads better than a list of 50 strings)
    "the a of to and in that is for it as with on by this be are from at or an which can your you "
    "data service application users capacity workload scale cost store compute network cloud region "
    "request response resource manage deploy monitor secure backup recover instance volume object"
).split()
SYLLABLES = "ka lo mi nu pe ra si to vu xa ze bo di fe gu ha jo ke ly mo".split()  # noqa: SIM905


@dataclass(frozen=True)
class Distribution:
    name: str
    pages_per_1x: int
    words_per_page: int
    mention_rate: float  # the share of words that name a term
    aws_like: bool  # names like AWS's, and pages with tables, boxes, lists and code


MADE_UP = Distribution("made-up", pages_per_1x=30, words_per_page=1500, mention_rate=0.03, aws_like=False)
AWS_LIKE = Distribution("aws-like", pages_per_1x=100, words_per_page=2000, mention_rate=0.054, aws_like=True)
DISTRIBUTIONS = {d.name: d for d in (MADE_UP, AWS_LIKE)}


@dataclass(frozen=True)
class SyntheticTerm:
    id: str
    name: str
    abbr: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.abbr, *self.aliases)


def made_up_terms(count: int) -> list[SyntheticTerm]:
    terms = []
    for index in range(count):
        rng = random.Random(index)
        first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
        second = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        name = f"{first} {second} {index}"
        # About three forms per term, one in five of them a lowercase concept, as in the real notes.
        alias = f"{name.lower() if index % 2 else name} service"
        terms.append(SyntheticTerm(f"term-{index}", name, (f"TX{index}",), (alias,)))
    return terms


def aws_like_terms(count: int, seed: int = 2026) -> list[SyntheticTerm]:
    rng = random.Random(seed)
    taken: set[str] = set()

    def fresh(make) -> str:
        while (candidate := make()) in taken:
            pass
        taken.add(candidate)
        return candidate

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()

    terms = []
    for index in range(count):
        roll = rng.random()
        prefix = "Amazon " if roll < 0.40 else "AWS " if roll < 0.55 else "Elastic " if roll < 0.60 else ""
        short = fresh(lambda: " ".join(word() for _ in range(rng.choice((1, 1, 2, 2, 3)))))
        name = prefix + short
        taken.add(name)
        aliases = [short] if prefix else []
        if rng.random() < 0.2:  # a concept, written in lowercase ("data lake")
            aliases.append(fresh(lambda: f"{word().lower()} {word().lower()}"))
        abbr = ()
        if rng.random() < 0.4:
            abbr = (fresh(lambda: "".join(rng.choice("ABCDEFGHKLMNPRSTVWXZ") for _ in range(3)) + rng.choice("0123")),)
        terms.append(SyntheticTerm(f"term-{index}", name, abbr, tuple(aliases)))
    return terms


def terms_for(distribution: Distribution, count: int) -> list[SyntheticTerm]:
    return aws_like_terms(count) if distribution.aws_like else made_up_terms(count)


def front_matter(page_number: int, terms: list[SyntheticTerm], total: int) -> list[str]:
    lines = ["---", f"title: Family {page_number}", f"description: Synthetic family page {page_number}.", "terms:"]
    for term in terms:
        number = int(term.id.removeprefix("term-"))
        lines += [f"  - id: {term.id}", f"    name: {term.name}"]
        if term.abbr:
            lines.append(f"    abbr: [{', '.join(term.abbr)}]")
        if term.aliases:
            lines.append(f"    aliases: [{', '.join(term.aliases)}]")
        lines += [
            f"    summary: Synthetic term {number}, a short definition that fits in a tooltip.",
            f"    see: [term-{(number + 1) % total}]",
        ]
    return [*lines, "---", ""]


class Text:
    """Words for one page: filler, with a share of them naming a term of the whole site."""

    def __init__(self, terms: list[SyntheticTerm], rate: float, rng: random.Random, endings: bool):
        self.terms, self.rate, self.rng, self.endings = terms, rate, rng, endings

    def mention(self) -> str:
        form = self.rng.choice(self.terms[self.rng.randrange(len(self.terms))].forms)
        if self.endings:
            roll = self.rng.random()
            form += "s" if roll < 0.13 else "'s" if roll < 0.2 else ""
        return form

    def words(self, count: int) -> str:
        rng, rate = self.rng, self.rate
        return " ".join(self.mention() if rng.random() < rate else rng.choice(FILLER) for _ in range(count))


def section_body(text: Text, words: int, number: int, varied: bool) -> list[str]:
    """About `words` words of prose; on an aws-like page also a list, a table, an admonition or code."""
    if not varied:
        return [line for start in range(0, words, 60) for line in (text.words(min(60, words - start)) + ".", "")]
    lines = [text.words(60) + ".", ""]
    lines += [f"- {text.words(10)}" for _ in range(3)] + [""]
    kind = number % 3
    if kind == 0:
        lines += ["| Service | Use | Cost |", "|---|---|---|"]
        lines += [f"| {text.words(3)} | {text.words(6)} | {text.words(4)} |" for _ in range(3)] + [""]
    elif kind == 1:
        # Every box in the notes is a claim with its official source (hooks/claims.py checks them).
        source = f"[Source: Page {number}](https://docs.aws.amazon.com/synthetic/latest/page-{number}.html)"
        lines += ['!!! info "Update, checked 2026-11"', "", f"    {text.words(30)}. {source}", ""]
    else:
        lines += ["```yaml", f"service: {text.mention()}", f"notes: {text.words(5)}", "```", ""]
    used = 60 + 30 + {0: 39, 1: 30, 2: 6}[kind]
    remaining = max(words - used, 0)
    return lines + [
        line for start in range(0, remaining, 60) for line in (text.words(min(60, remaining - start)) + ".", "")
    ]


def page_markdown(distribution: Distribution, number: int, terms: list[SyntheticTerm], rng: random.Random) -> str:
    own = terms[number * TERMS_PER_PAGE : (number + 1) * TERMS_PER_PAGE]
    varied = distribution.aws_like
    text = Text(terms, distribution.mention_rate, rng, endings=varied)
    lines = front_matter(number, own, len(terms))
    lines += [f"# Family {number}", "", "Intro text for this family of services.", ""]
    per_section = distribution.words_per_page // TERMS_PER_PAGE
    for position, term in enumerate(own):
        lines += [f"## {term.name} {{ #{term.id} }}", ""]
        lines += section_body(text, per_section, number * TERMS_PER_PAGE + position, varied)
    return "\n".join(lines)


def page_name(number: int) -> str:
    return f"family-{number:04d}.md"


def pages(distribution: Distribution, scale: int) -> dict[str, str]:
    """Markdown source -> text of every family page at `scale` times the base size."""
    count = distribution.pages_per_1x * scale
    terms = terms_for(distribution, count * TERMS_PER_PAGE)
    rng = random.Random(f"{distribution.name}-{scale}")
    return {page_name(number): page_markdown(distribution, number, terms, rng) for number in range(count)}


def nav_yaml(sources: list[str], generated_pages: bool = True) -> str:
    """A navigation that groups the family pages in sections of ten, after the home page, and ends
    with the pages hooks/site.py generates, when it runs."""
    lines = ["nav:", "  - Home: index.md"]
    for start in range(0, len(sources), PAGES_PER_SECTION):
        lines.append(f"  - Section {start // PAGES_PER_SECTION + 1}:")
        lines += [f"    - {source}" for source in sources[start : start + PAGES_PER_SECTION]]
    if generated_pages:
        lines += ["  - Glossary: glossary.md", "  - Cheat sheet: cheatsheet.md"]
    return "\n".join(lines) + "\n"
