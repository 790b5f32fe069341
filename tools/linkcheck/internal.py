"""`make linkcheck`: every internal link and #anchor of the built site, offline, in seconds.

    python -m tools.linkcheck.internal SITE_DIR

Serves SITE_DIR on 127.0.0.1 (over HTTP: on file:// linkchecker cannot check anchors of directory
URLs), runs linkchecker over every page, and prints one line per finding: the page, the link and
the reason. Outside hosts are not contacted (that is `make linkcheck-external`). Exit status 1
when anything is found, 0 when nothing is.

linkchecker runs without its AnchorCheck plugin, which would make it fetch and parse a page once for
every distinct #anchor linked to it; anchors.py then checks the anchors with AnchorCheck's own code,
once per page, and reports them as linkchecker with AnchorCheck would have.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tools.linkcheck.anchors import ANCHOR_PLUGIN, with_anchors_checked
from tools.linkcheck.common import Result, run_linkchecker, serve


def findings(results: list[Result], base: str) -> list[str]:
    """Broken links, and any warning (a missing #anchor is one), on the site's own URLs."""
    found = []
    for result in results:
        internal = result.url.startswith(base) or not result.url.startswith(("http:", "https:"))
        if not internal and result.valid:
            continue
        reason = result.result if not result.valid else result.warning
        if reason and (not result.valid or result.warning):
            page = result.page.removeprefix(base) or "/"
            link = result.url.removeprefix(base)
            found.append(f"{'/' + page.lstrip('/')}: {link or '/'}: {' '.join(reason.split())}")
    return sorted(set(found))


def main(site_dir: Path) -> int:
    if not (site_dir / "index.html").exists():
        print(f"{site_dir} holds no built site (index.html missing): run `make build` first", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with serve(site_dir) as base:
        results = run_linkchecker([base], disabled_plugins=[ANCHOR_PLUGIN])
        # The anchors are checked against the pages still being served, as linkchecker saw them.
        results = with_anchors_checked(results, base)
        problems = findings(results, base)
    internal = sum(1 for r in results if r.url.startswith(base) or not r.url.startswith(("http:", "https:")))
    elapsed = time.perf_counter() - started
    for problem in problems:
        print(problem)
    print(
        f"linkcheck: {len(results)} URLs seen, {internal} internal links and anchors checked, "
        f"{len(problems)} finding(s), {elapsed:.1f} s"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
