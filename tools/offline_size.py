"""The offline copy's size, for `make weight`: every file the site's service worker keeps (the list
hooks/offline.py writes into sw.js), raw and gzipped, against its budget.

A phone keeps the whole copy after the first visit, in the background: that is what a reader pays
in data and storage for reading offline. The PDFs are not part of it (a reader keeps the ones they
open), so they are not counted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tools.weight import file_sizes

BUDGET = 2_000_000  # bytes, gzipped
PRECACHE_PREFIX = "const PRECACHE = "


@dataclass(frozen=True)
class OfflineCopy:
    files: int
    raw: int
    gzipped: int


def kept_files(site_dir: Path) -> list[str] | None:
    """The files that SITE_DIR/sw.js keeps, or None if the site has no offline copy."""
    worker = site_dir / "sw.js"
    if not worker.is_file():
        return None
    first_line = worker.read_text(encoding="utf-8").split("\n", 1)[0]
    if not first_line.startswith(PRECACHE_PREFIX):
        return None
    return json.loads(first_line.removeprefix(PRECACHE_PREFIX).removesuffix(";"))["files"]


def offline_copy(site_dir: Path) -> OfflineCopy | None:
    files = kept_files(site_dir)
    if files is None:
        return None
    missing = [path for path in files if not (site_dir / path).is_file()]
    if missing:
        raise FileNotFoundError(f"sw.js keeps files the site does not have: {missing}")
    sizes = [file_sizes(site_dir / path) for path in files]
    return OfflineCopy(len(files), sum(raw for raw, _ in sizes), sum(gzipped for _, gzipped in sizes))


def report(site_dir: Path) -> tuple[str, bool]:
    """The lines `make weight` prints, and whether the copy is within its budget."""
    copy = offline_copy(site_dir)
    if copy is None:
        return "\nOffline copy: none (no sw.js with a precache list: is hooks/offline.py in mkdocs.yml?)", False
    within = copy.gzipped < BUDGET
    verdict = "within" if within else "OVER"
    worker_raw, worker_gzipped = file_sizes(site_dir / "sw.js")
    return (
        "\nOffline copy (what sw.js keeps after a first visit, fetched in the background; PDFs aside):\n"
        f"  {copy.files} files {copy.raw:>12,} B raw {copy.gzipped:>10,} B gzipped: {verdict} the {BUDGET:,} B budget\n"
        f"  and sw.js itself {worker_raw:>9,} B raw {worker_gzipped:>10,} B gzipped (fetched once the page has loaded)"
    ), within
