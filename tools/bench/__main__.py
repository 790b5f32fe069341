"""Benchmark: what the hooks add to a build, and how fast `make serve` shows an edit.

    make bench     # or: .venv/bin/python -m tools.bench [--runs 3] [--scale 1 3 10]
                   #     [--distribution aws-like] [--project DIR] [--no-serve]

For each distribution of term names (tools/bench/corpus.py) and each size, it writes a synthetic
project (the real mkdocs.yml, theme overrides and hooks around generated pages whose front
matter defines terms that the text mentions) and builds it with no hooks, with the glossary's
hooks (hooks/page_rules.py and hooks/site.py: the term index, the links, the glossary, the cheat
sheet, the study deck) and with all hooks, interleaved, several times each. It prints the least
processor time (user + system) of each, the ratios to the bare build, and the peak memory of each
build. Processor time, not elapsed time: on a shared machine other work stretches the elapsed
time of a build by whatever it takes, but barely moves the processor time the build itself uses;
and of several builds the least is the steadiest figure (noise only ever adds). Then it times
`mkdocs serve` (as `make serve` runs it) from an edit to one page until the server sends the
edited page, at the smallest and largest size.

All the figures of one report come from one run on one machine, so they compare fairly even when
the machine is busy; the absolute seconds do not travel, the ratios do. `--project` measures
another checkout's hooks and configuration (an older commit, for a before-and-after table).
"""

from __future__ import annotations

import argparse
import math
import tempfile
from pathlib import Path

from tools.bench import corpus, serve_latency
from tools.bench.builds import VARIANTS, build, write_project

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"glossary": 1.10, "all": 1.25}  # the most each variant may take, as a multiple of no hooks
MEMORY_TARGET = 1.30  # peak memory of all hooks, as a multiple of no hooks


def measure(distribution: corpus.Distribution, scale: int, runs: int, folder: Path, root: Path) -> dict:
    pages = corpus.pages(distribution, scale)
    projects = {
        variant: write_project(folder / f"{distribution.name}-{scale}", root, pages, variant) for variant in VARIANTS
    }
    for project in projects.values():
        build(project)  # warm the file cache and Python's bytecode cache
    builds = {variant: [] for variant in VARIANTS}
    for _ in range(runs):
        for variant, project in projects.items():
            builds[variant].append(build(project))
    words = sum(len(text.split()) for text in pages.values())
    row = {"scale": scale, "pages": len(pages), "terms": len(pages) * corpus.TERMS_PER_PAGE, "words": words}
    for variant in VARIANTS:
        row[variant] = min(b.seconds for b in builds[variant])
        row[f"{variant} MB"] = max(b.peak_rss_mb for b in builds[variant])
    return row


def print_table(distribution: corpus.Distribution, rows: list[dict], runs: int) -> list[str]:
    """Print one distribution's table; return the targets it misses."""
    print(f"\n{distribution.name}: least processor time of {runs}+ interleaved builds; peak memory in MB\n")
    header = f"{'size':>5} {'pages':>6} {'terms':>6} {'words':>10} {'off (cpu s)':>11}"
    print(header + f" {'glossary':>9} {'all':>6}  {'MB off / all':>14}")
    missed = []
    for row in rows:
        ratios = {variant: row[variant] / row["off"] for variant in TARGETS}
        memory = row["all MB"] / row["off MB"]
        print(
            f"{row['scale']:>4}x {row['pages']:>6} {row['terms']:>6} {row['words']:>10,} {row['off']:>11.2f} "
            f"{ratios['glossary']:>8.2f}x {ratios['all']:>5.2f}x  {row['off MB']:>5.0f} / {row['all MB']:>4.0f} "
            f"({memory:.2f}x)"
        )
        missed += [
            f"{distribution.name} {row['scale']}x: {variant} hooks {ratios[variant]:.2f}x > {limit:.2f}x"
            for variant, limit in TARGETS.items()
            if ratios[variant] > limit
        ]
        if memory > MEMORY_TARGET:
            missed.append(f"{distribution.name} {row['scale']}x: peak memory {memory:.2f}x > {MEMORY_TARGET:.2f}x")
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        growth = large["words"] / small["words"]
        for variant in TARGETS:
            cost = (large[variant] - large["off"]) / max(small[variant] - small["off"], 1e-9)
            print(f"  text grew {growth:.1f}x; the {variant} hooks' own time grew {cost:.1f}x")
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds per variant at the largest size; more when smaller")
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 3, 10], help="multiples of the base size")
    parser.add_argument("--distribution", nargs="+", choices=corpus.DISTRIBUTIONS, default=list(corpus.DISTRIBUTIONS))
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout whose hooks and mkdocs.yml to measure")
    parser.add_argument("--no-serve", action="store_true", help="skip the edit-to-reload timing")
    args = parser.parse_args()
    missed = []
    with tempfile.TemporaryDirectory(prefix="aws-notes-bench-") as tmp:
        for name in args.distribution:
            distribution = corpus.DISTRIBUTIONS[name]
            rows = []
            for scale in args.scale:
                # Smaller sizes get more builds (up to 3x as many): their times are short and noisier.
                runs = args.runs * min(3, max(1, round(math.sqrt(max(args.scale) / scale))))
                rows.append(measure(distribution, scale, runs, Path(tmp), args.project))
            missed += print_table(distribution, rows, args.runs)
        if not args.no_serve:
            scales = sorted({min(args.scale), max(args.scale)})
            missed += serve_latency.report(corpus.AWS_LIKE, scales, Path(tmp), args.project)
    print("\nTargets: glossary hooks <= 1.10x and all hooks <= 1.25x a bare build, peak memory <= 1.30x,")
    print(f"an edit shown by `make serve` in under {serve_latency.TARGET_SECONDS:.0f} s.")
    print("All met." if not missed else "NOT met:\n  " + "\n  ".join(missed))


if __name__ == "__main__":
    main()
