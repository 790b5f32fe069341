"""Benchmark: how fast the glossary page becomes usable, and how fast its filter answers a key.

    make bench-glossary    # or: .venv/bin/python -m tools.glossary_bench [--terms 100 1000 10000]
                           #     [--keep DIR] [--trace FILE] [--project DIR]

For each size it writes a project (the real mkdocs.yml, hooks and theme overrides around short
synthetic family pages whose front matter defines the terms, named the AWS way:
tools/bench/corpus.py), builds it strictly, serves it and opens its glossary in Debian's chromium.
It prints a table:

- interactive: from the start of navigation until the filter has been set up (its count line is
  written) and the page has answered a task posted after it: the main thread is free again. On
  the first visit ("first visit") and on the measured one, the reader's return.
- keystroke: a word typed one key at a time, then deleted (down to the whole list again); each
  key's time runs from the input event until the frame that shows the new list is done (style,
  layout and paint included, by waiting for the frame after it). Median and worst, typed once the
  page has settled: site search has built its index (Material's worker, 3 MB at 10,000 terms)
  and the offline copy is kept. The same word typed the moment the page is interactive, while
  those two still compete for this machine's two cores, is printed beside it ("at once").

The page is opened twice in one browser profile, as a reader comes back to it: the first visit
fills the HTTP cache and installs the offline copy, the second is measured.

No figure is asserted: a shared machine is noisy. `--trace` writes a Chromium trace of the
largest size's settled typing (open it in chrome://tracing or https://ui.perfetto.dev).
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


# Material's search says "Initializing search" until its worker has built the index.
SEARCH_READY = "() => !/Initializing/.test((document.querySelector('.md-search-result__meta') || {}).textContent)"
# A checkout from before the offline copy (--project) has no offline.js: nothing to wait for.
KEPT_OFFLINE = (
    "() => document.documentElement.dataset.offline === 'ready'"
    " || !document.querySelector('script[src*=\"offline.js\"]')"
)


def open_glossary(context, url: str):
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => (document.querySelector('.glossary-count') || {}).textContent", timeout=120_000)
    return page, page.evaluate(AFTER_NEXT_FRAME)


def settle(page) -> None:
    for ready in (SEARCH_READY, KEPT_OFFLINE):
        page.wait_for_function(ready, timeout=120_000)
    page.wait_for_timeout(1_000)


def type_word(page, word: str) -> list[float]:
    lengths = [*range(1, len(word) + 1), *range(len(word) - 1, -1, -1)]
    return [page.evaluate(TYPE_KEY, word[:length]) for length in lengths]


def measure(browser, url: str, word: str, trace: Path | None = None) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first, first_visit = open_glossary(context, url)
    settle(first)
    first.close()
    page, interactive = open_glossary(context, url)
    at_once = type_word(page, word)
    settle(page)
    if trace:
        browser.start_tracing(page=page, path=str(trace), screenshots=False)
    keys = type_word(page, word)
    if trace:
        browser.stop_tracing()
    context.close()
    return {
        "first visit": first_visit / 1000,
        "interactive": interactive / 1000,
        "median": statistics.median(keys),
        "worst": max(keys),
        "at_once": max(at_once),
    }


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
                    trace = options.trace if count == max(options.terms) else None
                    row = measure(browser, url + "glossary/", "kalo", trace)
                rows.append({"terms": count, "build": built.wall_seconds, **row})
                print(f"  {count:,} terms measured", flush=True)
            browser.close()
    print("\nGlossary in chromium: time to interactive, and per keystroke (typing 'kalo', then deleting it)\n")
    print(
        f"{'terms':>7} {'build (s)':>10} {'first visit (s)':>16} {'interactive (s)':>15}"
        f" {'key median (ms)':>16} {'key worst (ms)':>15} {'worst at once (ms)':>19}"
    )
    for row in rows:
        print(
            f"{row['terms']:>7,} {row['build']:>10.1f} {row['first visit']:>16.2f} {row['interactive']:>15.2f} "
            f"{row['median']:>16.1f} {row['worst']:>15.1f} {row['at_once']:>19.1f}"
        )


if __name__ == "__main__":
    main()
