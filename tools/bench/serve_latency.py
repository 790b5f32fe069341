"""How long `make serve` takes to show an edit: from saving a page to the server sending it.

The server runs as the Makefile's `serve` target runs it (the flags are read from the Makefile, so
the two cannot drift apart). Each edit adds a sentence to a family page that mentions a term the
page did not mention before, so the rebuild has real linking to do.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tools.bench import corpus
from tools.bench.builds import BUILD_ENV, write_project
from tools.serve import free_port, page_text

TARGET_SECONDS = 2.0
EDITS = 5


def serve_flags(makefile: Path) -> list[str]:
    """The options `make serve` gives `mkdocs serve`, but the address."""
    recipe = re.search(r"mkdocs serve (.*?) --dev-addr", makefile.read_text(encoding="utf-8"))
    if recipe is None:
        raise SystemExit(f"{makefile}: no `mkdocs serve ... --dev-addr` line in the serve target")
    return recipe.group(1).split()


def wait_until(condition, limit: float) -> float:
    """Seconds until `condition()` holds, polled every 20 ms; fails after `limit` seconds."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > limit:
            raise SystemExit(f"mkdocs serve did not show the change within {limit:.0f} s")
        time.sleep(0.02)
    return time.perf_counter() - started


def edit_latencies(project: Path, flags: list[str], edits: int = EDITS) -> list[float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = project / "docs" / corpus.page_name(0)
    original = page.read_text(encoding="utf-8")
    # A term from the far end of the site, which the edited page does not mention yet.
    last_page = sorted((project / "docs").glob("family-*.md"))[-1].read_text(encoding="utf-8")
    mentioned = re.findall(r"^    name: (.+)$", last_page, re.MULTILINE)[-1]
    log = open(project / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**BUILD_ENV, "SITE_URL": base},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = base + corpus.page_name(0).removesuffix(".md") + "/"
    try:
        wait_until(lambda: "Family 0" in page_text(url), 600)
        latencies = []
        for number in range(edits):
            marker = f"Edit number {number} mentions {mentioned} here."
            page.write_text(original + f"\n{marker}\n", encoding="utf-8")
            latencies.append(wait_until(lambda marker=marker: marker.split(" mentions")[0] in page_text(url), 600))
            time.sleep(0.5)  # let the server settle before the next edit
        return latencies
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        page.write_text(original, encoding="utf-8")


def report(distribution: corpus.Distribution, scales: list[int], folder: Path, root: Path) -> list[str]:
    flags = serve_flags(root / "Makefile")
    print(f"\n`make serve` ({' '.join(flags)}): seconds from saving an edit to the server sending it")
    missed = []
    for scale in scales:
        project = write_project(folder / f"serve-{scale}", root, corpus.pages(distribution, scale), "all")
        latencies = edit_latencies(project, flags)
        median = statistics.median(latencies)
        print(
            f"  {distribution.name} {scale:>2}x: median {median:.2f} s of {len(latencies)} edits "
            f"({', '.join(f'{s:.2f}' for s in latencies)})"
        )
        if median > TARGET_SECONDS:
            missed.append(f"serve {distribution.name} {scale}x: an edit takes {median:.2f} s > {TARGET_SECONDS:.0f} s")
    return missed
