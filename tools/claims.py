"""`make claims`: the register of every claim the site adds to the notes.

    python -m tools.claims docs                 # every claim: page, anchor, kind, checked, source
    python -m tools.claims docs --due           # only those checked more than 12 months ago
    python -m tools.claims docs --due --markdown  # the same, as Markdown for the weekly issue

Exits 1 when a claim has no official source or no usable checked month (the build fails on the
same problems); with --due it still exits 0 when claims are due: being due is not an error.
Run with `PYTHONPATH=hooks`, as the Makefile does, to import the hooks' `notekit`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from notekit.claims import REVIEW_AFTER_MONTHS, Claim, claim_problems, claims_in_page, due_for_review, term_claims
from notekit.frontmatter import split_front_matter
from notekit.page_rules import first_body_line, headings
from notekit.terms import terms_from_page


def read_claims(docs: Path) -> tuple[list[Claim], list[str]]:
    claims: list[Claim] = []
    problems: list[str] = []
    for path in sorted(docs.rglob("*.md")):
        source = path.relative_to(docs).as_posix()
        text = path.read_text(encoding="utf-8")
        meta, body, error = split_front_matter(text)
        if error:
            problems.append(f"{source}: {error}")
        page_claims, page_problems = claims_in_page(body, source, first_body_line(text, body))
        claims += page_claims
        problems += [f"{source}: {problem}" for problem in page_problems]
        anchors = [h.anchor for h in headings(body) if h.anchor]
        terms, term_problems = terms_from_page(meta, source, str(meta.get("title") or source), anchors)
        claims += term_claims(terms)
        problems += term_problems
    return claims, problems


def table(claims: list[Claim]) -> str:
    rows = [("page", "anchor", "kind", "checked", "source")]
    rows += [(c.page, f"#{c.anchor}", c.kind, c.checked or "-", " ".join(c.sources) or "-") for c in claims]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[4] for row in rows
    )


def markdown(claims: list[Claim], today: date) -> str:
    if not claims:
        return ""
    lines = [
        f"## Due for review: {len(claims)} claim(s) checked more than {REVIEW_AFTER_MONTHS} months ago",
        "",
        f"Checked against their sources on {today.isoformat()}? Update the month in each box (`make claims`).",
        "",
        "| page | section | kind | checked | source |",
        "|---|---|---|---|---|",
    ]
    for c in claims:
        sources = "<br>".join(c.sources) or "none"
        lines.append(f"| `docs/{c.page}` | `#{c.anchor}` | {c.kind} | {c.checked or 'never'} | {sources} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path, help="the docs/ folder")
    parser.add_argument("--due", action="store_true", help=f"only claims older than {REVIEW_AFTER_MONTHS} months")
    parser.add_argument("--markdown", action="store_true", help="Markdown for an issue, empty when none is due")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    claims, problems = read_claims(args.docs)
    problems += claim_problems(claims, args.today)
    shown = due_for_review(claims, args.today) if args.due else claims
    if args.markdown:
        sys.stdout.write(markdown(shown, args.today))
    else:
        print(table(shown))
        kinds = {kind: sum(c.kind == kind for c in claims) for kind in dict.fromkeys(c.kind for c in claims)}
        summary = ", ".join(f"{count} {kind}" for kind, count in kinds.items())
        print(f"\n{len(claims)} claims ({summary}); {len(due_for_review(claims, args.today))} due for review")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
