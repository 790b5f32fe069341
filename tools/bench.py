"""Benchmark: what the hooks add to a build, on synthetic notes at 1x and 10x a base size.

    make bench            # or: .venv/bin/python -m tools.bench [--runs 3] [--scale 1 10]

For each size it writes a synthetic project (the real mkdocs.yml, theme overrides and hooks, and
generated pages whose front matter defines terms that the text mentions), builds it with no
hooks, with the glossary's hooks (hooks/page_rules.py and hooks/site.py, which makes the term
index, the links, the glossary, the cheat sheet and the study deck: the 25 % target is theirs),
and with all hooks, in turn, and prints the fastest time of each (noise from other
work on the machine only ever adds time, so the minimum is the steadiest figure) and their
ratio; the small size gets more builds, its times being short. All the
figures of one report come from one run on one machine, so they compare fairly even when the
machine is busy; the absolute seconds do not travel, the ratios do.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_PAGES = 30
TERMS_PER_PAGE = 10
WORDS_PER_PAGE = 1500
FILLER = (  # noqa: SIM905 (a sentence of words reads better than a list of 50 strings)
    "the a of to and in that is for it as with on by this be are from at or an which can your you "
    "data service application users capacity workload scale cost store compute network cloud region "
    "request response resource manage deploy monitor secure backup recover instance volume object"
).split()
# In the real notes about 3 words in 100 are a term's name, alias or abbreviation (measured on
# the built site: 155 links and abbreviations in about 5,000 words).
MENTION_RATE = 0.03
SYLLABLES = "ka lo mi nu pe ra si to vu xa ze bo di fe gu ha jo ke ly mo".split()  # noqa: SIM905


def words_for(index: int) -> str:
    """A unique made-up two-word name for term `index` ("Kalo Mira")."""
    rng = random.Random(index)
    first = "".join(rng.choice(SYLLABLES) for _ in range(2)).capitalize()
    second = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
    return f"{first} {second} {index}"


def synthetic_page(page_number: int, total_terms: int, rng: random.Random) -> str:
    first_term = page_number * TERMS_PER_PAGE
    lines = [
        "---",
        f"title: Family {page_number}",
        f"description: Synthetic family page {page_number} for the benchmark.",
        "terms:",
    ]
    for term in range(first_term, first_term + TERMS_PER_PAGE):
        lines += [
            f"  - id: term-{term}",
            f"    name: {words_for(term)}",
            f"    abbr: [TX{term}]",
            # The real notes: about three forms per term, one in five of them a lowercase concept.
            f"    aliases: [{words_for(term).lower() if term % 2 else words_for(term)} service]",
            f"    summary: Synthetic term {term}, a short definition that fits in a tooltip.",
            f"    see: [term-{(term + 1) % total_terms}]",
        ]
    lines += ["---", "", f"# Family {page_number}", "", "Intro text for this family of services.", ""]
    words_per_section = WORDS_PER_PAGE // TERMS_PER_PAGE
    for term in range(first_term, first_term + TERMS_PER_PAGE):
        lines += [f"## {words_for(term)} {{ #term-{term} }}", ""]
        words = []
        for _ in range(words_per_section):
            if rng.random() < MENTION_RATE:
                other = rng.randrange(total_terms)
                words.append(rng.choice([words_for(other), f"TX{other}", f"TX{other}s"]))
            else:
                words.append(rng.choice(FILLER))
        for start in range(0, len(words), 60):
            lines += [" ".join(words[start : start + 60]) + ".", ""]
    return "\n".join(lines)


VARIANTS = ("off", "glossary", "all")  # no hooks; the glossary's (page rules + site); all
GLOSSARY_HOOKS = ("hooks/page_rules.py", "hooks/site.py")


def write_project(folder: Path, pages: int, variant: str) -> Path:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", "", config)  # the synthetic pages make their own nav
    if variant == "off":
        config = re.sub(r"(?ms)^hooks:\n.*?(?=^\S)", "", config)
    elif variant == "glossary":
        config = re.sub(r"(?m)^  - (hooks/\S+)\n", lambda m: m.group(0) if m.group(1) in GLOSSARY_HOOKS else "", config)
    project = folder / variant
    project.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name in ["hooks", "overrides"]:
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    docs = project / "docs"
    for name in ["stylesheets", "javascripts"]:
        shutil.copytree(ROOT / "docs" / name, docs / name)
    rng = random.Random(pages)
    total_terms = pages * TERMS_PER_PAGE
    (docs / "index.md").write_text("---\ndescription: Benchmark home.\n---\n\n# Home\n\nSynthetic notes.\n")
    for number in range(pages):
        (docs / f"family-{number:04d}.md").write_text(synthetic_page(number, total_terms, rng), encoding="utf-8")
    return project


def build_seconds(project: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed


def measure(scale: int, runs: int, folder: Path) -> dict:
    pages = BASE_PAGES * scale
    projects = {variant: write_project(folder, pages, variant) for variant in VARIANTS}
    for project in projects.values():
        build_seconds(project)  # warm the file cache and Python's bytecode cache
    times = {variant: [] for variant in VARIANTS}
    for _ in range(runs):
        for variant, project in projects.items():
            times[variant].append(build_seconds(project))
    words = sum(len(p.read_text().split()) for p in (projects["off"] / "docs").glob("family-*.md"))
    return {"scale": scale, "pages": pages, "terms": pages * TERMS_PER_PAGE, "words": words} | {
        variant: min(times[variant]) for variant in VARIANTS
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds per variant at 10x; more at smaller sizes")
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 10], help="multiples of the base size")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aws-notes-bench-") as tmp:
        for scale in args.scale:
            runs = max(args.runs, args.runs * 6 // scale)
            rows.append(measure(scale, runs, Path(tmp) / f"x{scale}"))
    print(f"\nHooks benchmark: fastest of {args.runs}+ builds each, in one run; the target is the glossary's\n")
    columns = ["pages", "terms", "words", "off (s)", "glossary", "adds", "all hooks", "adds"]
    widths = [6, 6, 9, 8, 9, 7, 10, 7]
    print(f"{'size':>5} " + " ".join(f"{name:>{width}}" for name, width in zip(columns, widths, strict=True)))
    for row in rows:
        glossary, everything = row["glossary"] / row["off"] - 1, row["all"] / row["off"] - 1
        print(
            f"{row['scale']:>4}x {row['pages']:>6} {row['terms']:>6} {row['words']:>9,} {row['off']:>8.2f} "
            f"{row['glossary']:>9.2f} {glossary:>7.1%} {row['all']:>10.2f} {everything:>7.1%}"
        )
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        cost_small, cost_large = small["glossary"] - small["off"], large["glossary"] - large["off"]
        growth = large["words"] / small["words"]
        print(f"\nText grew {growth:.1f}x; the glossary hooks' own cost grew {cost_large / cost_small:.1f}x", end="")
        print(" (linear: about the same factor).")
    worst = max(row["glossary"] / row["off"] for row in rows)
    verdict = "met" if worst <= 1.25 else "NOT met"
    print(f"Target: the glossary hooks add at most 25% at every size -> {verdict} ({worst - 1:.1%}).")
    print("'all hooks' adds every other hook (claims, tables, print, ...): information, no target.")


if __name__ == "__main__":
    main()
