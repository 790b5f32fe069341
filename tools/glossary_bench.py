"""Benchmark: how fast the glossary page becomes usable, and how fast its filter answers a key.

    make bench-glossary    # or: .venv/bin/python -m tools.glossary_bench [--terms 100 1000 10000]
                           #     [--keep DIR] [--trace FILE] [--project DIR]

For each size it writes a project (the real mkdocs.yml, hooks and theme overrides around short
synthetic family pages whose front matter defines the terms, named the AWS way:
tools/bench/corpus.py), builds it strictly, serves it and opens its glossary in Debian's chromium.
It prints a table:

- interactive: from the start of navigation until the filter has been set up (its count line is
  written) and the page has answered a task posted after it: the main thread is free again.
- keystroke: a word typed one key at a time, then deleted (down to the whole list again); each
  key's time runs from the input event until the frame that shows the new list is done (style,
  layout and paint included, by waiting for the frame after it). Median and worst.

No figure is asserted: a shared machine is noisy. `--trace` writes a Chromium trace of the
largest size's load and typing (open it in chrome://tracing or https://ui.perfetto.dev).
`--project` measures another checkout's hooks, theme and scripts (an older commit: before and after).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from pathlib import Path

from tools.bench import builds, corpus
from tools.chromium import launch
from tools.serve import serve_directory

ROOT = Path(__file__).resolve().parents[1]
# Short family pages: what is measured is the glossary, not the notes' text.
GLOSSARY_ONLY = corpus.Distribution("glossary", pages_per_1x=1, words_per_page=60, mention_rate=0.05, aws_like=False)

# Resolves once the next frame has been drawn: style, layout and paint of what changed are done.
AFTER_NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(performance.now()))))"
TYPE_KEY = """async (value) => {
  const input = document.getElementById("glossary-filter-input");
  const started = performance.now();
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise(done => requestAnimationFrame(() => setTimeout(done)));
  return performance.now() - started;
}"""


def write_glossary_project(folder: Path, count: int, root: Path = ROOT) -> Path:
    """A project of `count` terms, ten to a family page, with `root`'s configuration, hooks and theme."""
    terms = corpus.aws_like_terms(count)
    rng = random.Random(f"glossary-{count}")
    pages = {}
    for number in range(max(1, count // corpus.TERMS_PER_PAGE)):
        pages[corpus.page_name(number)] = corpus.page_markdown(GLOSSARY_ONLY, number, terms, rng)
    return builds.write_project(folder, root, pages, "all")


def measure(browser, url: str, word: str, trace: Path | None = None) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if trace:
        browser.start_tracing(page=page, path=str(trace), screenshots=False)
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => (document.querySelector('.glossary-count') || {}).textContent", timeout=120_000)
    interactive = page.evaluate(AFTER_NEXT_FRAME)
    keys = []
    for length in [*range(1, len(word) + 1), *range(len(word) - 1, -1, -1)]:
        keys.append(page.evaluate(TYPE_KEY, word[:length]))
    if trace:
        browser.stop_tracing()
    context.close()
    return {"interactive": interactive / 1000, "median": statistics.median(keys), "worst": max(keys)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terms", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    parser.add_argument("--trace", type=Path, help="write a Chromium trace of the largest size here")
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory(prefix="glossary-bench-") as scratch:
        folder = options.keep or Path(scratch)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for count in options.terms:
                project = write_glossary_project(folder / f"terms-{count}", count, root=options.project)
                built = builds.build(project)
                with serve_directory(project / "site") as url:
                    measure(browser, url + "glossary/", "kalo")  # a first visit fills the caches
                    trace = options.trace if count == max(options.terms) else None
                    row = measure(browser, url + "glossary/", "kalo", trace)
                rows.append({"terms": count, "build": built.wall_seconds, **row})
                print(f"  {count:,} terms measured", flush=True)
            browser.close()
    print("\nGlossary in chromium: time to interactive, and per keystroke (typing 'kalo', then deleting it)\n")
    print(f"{'terms':>7} {'build (s)':>10} {'interactive (s)':>16} {'key median (ms)':>16} {'key worst (ms)':>15}")
    for row in rows:
        print(
            f"{row['terms']:>7,} {row['build']:>10.1f} {row['interactive']:>16.2f} "
            f"{row['median']:>16.1f} {row['worst']:>15.1f}"
        )


if __name__ == "__main__":
    main()
