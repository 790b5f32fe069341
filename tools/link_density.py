"""`make link-density`: how many term links and abbreviation marks each page carries, per 100 words.

    python -m tools.link_density SITE_DIR [BEFORE_SITE_DIR]

For every page of the nav in a built site, counted in the article (the page's own content):

  words     the words a reader sees (headings, lists, tables and code included);
  links     term links (`a.glossary-link`): links to a term's note, in the link colour;
  abbr      abbreviation marks (`abbr[title]`): a dotted underline with the expansion on hover;
  in h      abbreviation marks and term links inside headings (the rules want none);
  in cards  term links and abbreviation marks inside a `.grid.cards` (the home page's cards: none).

Given a second, older build, each page's figures before are shown beside those after. The rules
these figures measure are in `hooks/notekit/linker.py` and CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from tools.sitetext import built_pages

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = "h1, h2, h3, h4, h5, h6"


@dataclass
class Density:
    words: int
    links: int
    abbrs: int
    in_headings: int
    in_cards: int

    def per_100(self, count: int) -> float:
        return 100 * count / self.words if self.words else 0.0


def words(article) -> int:
    """The words a reader sees: no separator between elements, so that marking an abbreviation
    ("<abbr>S3</abbr>'s") does not change the count."""
    article = BeautifulSoup(str(article), "html.parser")
    for hidden in article.select("a.headerlink, script, style"):
        hidden.decompose()
    return len(article.get_text().split())


def density(page) -> Density:
    article = page.article
    marks = "a.glossary-link, abbr[title]"
    return Density(
        words=words(article),
        links=len(article.select("a.glossary-link")),
        abbrs=len(article.select("abbr[title]")),
        in_headings=sum(len(heading.select(marks)) for heading in article.select(HEADINGS)),
        in_cards=sum(len(grid.select(marks)) for grid in article.select(".grid.cards")),
    )


def densities(site_dir: Path) -> dict[str, Density]:
    return {source: density(page) for source, page in built_pages(ROOT / "mkdocs.yml", site_dir).items()}


def row(name: str, found: Density, before: Density | None) -> str:
    def pair(now: str, then: str) -> str:
        return f" {then:>6} → {now:>6}" if before is not None else f"{now:>6}"

    def figures(d: Density) -> list[str]:
        return [
            str(d.words),
            str(d.links),
            f"{d.per_100(d.links):.1f}",
            str(d.abbrs),
            f"{d.per_100(d.abbrs):.1f}",
            str(d.in_headings),
            str(d.in_cards),
        ]

    now = figures(found)
    then = figures(before) if before is not None else [""] * len(now)
    return f"{name:<28}" + "".join(pair(n, t) for n, t in zip(now, then, strict=True))


def table(after: dict[str, Density], before: dict[str, Density] | None = None) -> str:
    columns = ["words", "links", "/100w", "abbr", "/100w", "in h", "cards"]
    width = 16 if before is not None else 6
    lines = [f"{'page':<28}" + "".join(f"{c:>{width}}" for c in columns)]
    for source, found in after.items():
        lines.append(row(source, found, before.get(source) if before is not None else None))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("before_dir", type=Path, nargs="?", help="an older build, to compare with")
    args = parser.parse_args(argv)
    before = densities(args.before_dir) if args.before_dir else None
    print(table(densities(args.site_dir), before))


if __name__ == "__main__":
    main()
