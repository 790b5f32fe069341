"""`make audit`: Lighthouse's four category scores for the home page, a family page and the glossary.

    python tests/audit/lighthouse.py SITE_DIR [--report-dir audit-report] [--form-factor mobile]
                                              [--runs 3] [--threshold 95] [--page /compute/ ...]

Builds nothing: SITE_DIR is a site already built, ideally with SITE_URL set to the address it is
served from here (`make audit` does that), because the site's canonical links, its sitemap.xml and
Material's instant navigation (which reads the sitemap to tell its own pages from outside ones) all
come from site_url. When that address is on 127.0.0.1 or localhost, the site is served on exactly
that port and path; otherwise on a free port, with a warning.

The server behaves like GitHub Pages, the real host: a missing path answers 404 with the site's
404.html, a directory without its slash is redirected, text is gzip-compressed for browsers that
accept it, and assets carry `Cache-Control: max-age=600`. A plain local server compresses nothing,
which would cost the performance score points that the deployed site never loses.

Each page is audited once with every category, then `--runs - 1` more times for performance only,
and the median performance score counts (the other three categories do not depend on timing); when
that median is under the threshold, two more runs at a time, up to `--max-runs`, decide (`make
audit` runs five, up to seven).
Lighthouse's default mobile emulation is the gate: a mid-range phone on slow 4G (`--form-factor
desktop` or `both` to compare).
The Lighthouse reports (HTML and JSON, every run) go to --report-dir. Prints a table of the scores
and exits 1 naming every page and category under the threshold with its failing audits, 2 when the
site or Lighthouse is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from serve import PagesHandler, built_site_url, serve_directory  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ("/", "/compute/", "/glossary/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CATEGORY_NAMES = {
    "performance": "Performance",
    "accessibility": "Accessibility",
    "best-practices": "Best practices",
    "seo": "SEO",
}
# One Lighthouse run of this site takes about 12 s on two cores; a hung Chromium must not hang CI.
RUN_TIMEOUT = 120


@contextlib.contextmanager
def serve_site(site_dir: Path):
    """Serve the site where its own site_url says, if that is a local address; yields (base URL, warning)."""
    url = built_site_url(site_dir)
    parts = urllib.parse.urlsplit(url or "")
    local = parts.hostname in ("127.0.0.1", "localhost") and parts.port is not None
    prefix = parts.path if local and parts.path else "/"
    handler = type("SiteHandler", (PagesHandler,), {"prefix": prefix})
    if not local:
        warning = (
            f"the site was built for {url or 'no site_url'}, not for a local address: its canonical links and "
            "sitemap point elsewhere, so Material's instant navigation treats its own pages as outside links. "
            "Build it with SITE_URL=http://127.0.0.1:PORT/ (as `make audit` does)."
        )
        with serve_directory(site_dir, handler) as base:
            yield base, warning
        return
    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(serve_directory(site_dir, handler, port=parts.port))
        except OSError as error:
            raise SystemExit(
                f"cannot serve on 127.0.0.1:{parts.port}, the site's own address ({error}); "
                "free the port or rebuild with another SITE_URL (make audit AUDIT_PORT=...)"
            ) from error
        yield base.rstrip("/") + prefix, None


@dataclass
class PageResult:
    page: str
    form_factor: str
    scores: dict[str, int] = field(default_factory=dict)  # performance: the median
    performance_runs: list[int] = field(default_factory=list)
    failing: dict[str, list[str]] = field(default_factory=dict)  # category -> audit lines
    benchmark_indexes: list[int] = field(default_factory=list)  # Lighthouse's measure of the host's CPU, per run
    load_averages: list[float] = field(default_factory=list)  # the host's, as each run started


def report_name(page: str, form_factor: str, run: int) -> str:
    slug = page.strip("/").replace("/", "-") or "home"
    return f"{slug}.{form_factor}.{run}"


def run_lighthouse(url: str, form_factor: str, out_base: Path, *, performance_only: bool) -> dict:
    """One Lighthouse run with Debian's chromium; returns its JSON report.

    A full run writes out_base.report.json and out_base.report.html; a performance-only run
    writes out_base.performance.json alone.
    """
    command = [str(LIGHTHOUSE), url, "--quiet", "--chrome-flags=" + " ".join(["--headless", *CHROMIUM_ARGS])]
    if performance_only:
        json_path = out_base.with_name(out_base.name + ".performance.json")
        command += ["--only-categories=performance", "--output=json", f"--output-path={json_path}"]
    else:
        json_path = out_base.with_name(out_base.name + ".report.json")
        command += ["--output=json", "--output=html", f"--output-path={out_base}"]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    completed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    if completed.returncode != 0 or not json_path.exists():
        raise SystemExit(f"lighthouse failed on {url} (exit {completed.returncode}):\n{completed.stderr[-2000:]}")
    report = json.loads(json_path.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not audit {url}: {report['runtimeError'].get('message')}")
    return report


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost `category` points, with Lighthouse's own figure for each."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        score, mode = audit.get("score"), audit.get("scoreDisplayMode")
        if score is None or score >= 1 or mode in ("notApplicable", "manual", "informative"):
            continue
        # Performance scores only its metrics; its opportunities (weight 0) say where the time goes.
        if ref.get("weight", 0) == 0 and not (category == "performance" and mode == "metricSavings"):
            continue
        value = audit.get("displayValue") or ""
        where = []
        for item in (audit.get("details") or {}).get("items", [])[:3]:
            node = item.get("node") if isinstance(item, dict) else None
            if node and node.get("selector"):
                where.append(node["selector"])
            elif isinstance(item, dict) and isinstance(item.get("url"), str):
                where.append(item["url"])
        line = f"{audit['title']}" + (f" ({value})" if value else "")
        lines.append(line + (f": {', '.join(where)}" if where else ""))
    return lines


def audit_page(
    base: str, page: str, form_factor: str, report_dir: Path, *, runs: int, max_runs: int, threshold: int
) -> PageResult:
    url = urllib.parse.urljoin(base, page.lstrip("/"))
    result = PageResult(page, form_factor)
    reports = []

    def run(number: int) -> None:
        result.load_averages.append(os.getloadavg()[0])
        out = report_dir / report_name(page, form_factor, number)
        report = run_lighthouse(url, form_factor, out, performance_only=number > 1)
        reports.append(report)
        result.performance_runs.append(round(report["categories"]["performance"]["score"] * 100))
        result.benchmark_indexes.append(round(report["environment"]["benchmarkIndex"]))

    run(1)
    full = reports[0]
    while len(reports) < runs:
        run(len(reports) + 1)
    # Lighthouse advises the median of several runs against its run-to-run variance; a close call
    # gets two more, up to max_runs.
    while statistics.median(result.performance_runs) < threshold and len(reports) + 2 <= max_runs:
        run(len(reports) + 1)
        run(len(reports) + 1)
    median = round(statistics.median(result.performance_runs))
    for category in CATEGORIES:
        result.scores[category] = round(full["categories"][category]["score"] * 100)
    result.scores["performance"] = median
    for category in CATEGORIES:
        if category == "performance":
            # The run nearest the median explains the median.
            nearest = min(reports, key=lambda r: abs(r["categories"]["performance"]["score"] * 100 - median))
            lines = failing_audits(nearest, category)
        else:
            lines = failing_audits(full, category)
        if lines:
            result.failing[category] = lines
    return result


def host_note(result: PageResult) -> str:
    """How busy the machine was: the performance score is only as steady as the host's CPU."""
    low, high = min(result.benchmark_indexes), max(result.benchmark_indexes)
    return f"benchmark index {low}-{high}, load average up to {max(result.load_averages):.1f} on {os.cpu_count()} CPUs"


def table(results: list[PageResult]) -> str:
    """Scores per page; performance is the median, with every run's score after it."""
    rows = []
    for r in results:
        cells = [str(r.scores[c]) for c in CATEGORIES]
        if len(r.performance_runs) > 1:
            cells[0] += " (" + "/".join(map(str, r.performance_runs)) + ")"
        rows.append((r.page, r.form_factor, cells))
    widths = [max(len(CATEGORY_NAMES[c]), *(len(row[2][i]) for row in rows)) for i, c in enumerate(CATEGORIES)]
    header = f"{'page':<12} {'form':<8} " + "  ".join(
        f"{CATEGORY_NAMES[c]:>{w}}" for c, w in zip(CATEGORIES, widths, strict=True)
    )
    lines = [header, "-" * len(header)]
    for page, form_factor, cells in rows:
        lines.append(
            f"{page:<12} {form_factor:<8} " + "  ".join(f"{cell:>{w}}" for cell, w in zip(cells, widths, strict=True))
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--report-dir", type=Path, default=ROOT / "audit-report")
    parser.add_argument(
        "--form-factor",
        choices=("mobile", "desktop", "both"),
        default="mobile",
        help="mobile: Lighthouse's default emulation (a mid-range phone on slow 4G)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median performance score counts")
    parser.add_argument(
        "--max-runs", type=int, default=5, help="runs per page when the median of --runs is under the threshold"
    )
    parser.add_argument("--threshold", type=int, default=95)
    parser.add_argument("--page", action="append", dest="pages", help="a path to audit (repeatable)")
    args = parser.parse_args(argv)

    site_dir: Path = args.site_dir
    if not (site_dir / "index.html").exists():
        print(f"{site_dir} holds no built site (index.html missing): run `make audit`", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run `make node_modules/.installed` (npm ci)", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run `make browser` or set CHROMIUM", file=sys.stderr)
        return 2
    form_factors = ("mobile", "desktop") if args.form_factor == "both" else (args.form_factor,)
    pages = args.pages or list(PAGES)
    args.report_dir.mkdir(parents=True, exist_ok=True)
    # Only our own files from an earlier run: the folder may be one the user named.
    for pattern in ("*.report.json", "*.report.html", "*.performance.json", "summary.json"):
        for old in args.report_dir.glob(pattern):
            old.unlink()

    started = time.perf_counter()
    results = []
    with serve_site(site_dir) as (base, warning):
        if warning:
            print(f"warning: {warning}", file=sys.stderr)
        print(
            f"Lighthouse {lighthouse_version()} on {base}: {', '.join(pages)}; {' and '.join(form_factors)}; "
            f"{args.runs} run(s) per page ({args.max_runs} on a close call), median performance",
            flush=True,
        )
        for form_factor in form_factors:
            for page in pages:
                result = audit_page(
                    base,
                    page,
                    form_factor,
                    args.report_dir,
                    runs=args.runs,
                    max_runs=args.max_runs,
                    threshold=args.threshold,
                )
                results.append(result)
                scores = ", ".join(f"{c} {result.scores[c]}" for c in CATEGORIES)
                print(f"  {page} ({form_factor}): {scores} ({host_note(result)})", flush=True)
    elapsed = time.perf_counter() - started

    print()
    print(table(results))
    summary = [
        {
            "page": r.page,
            "form_factor": r.form_factor,
            "scores": r.scores,
            "performance_runs": r.performance_runs,
            "benchmark_indexes": r.benchmark_indexes,
            "load_averages": r.load_averages,
            "failing_audits": r.failing,
        }
        for r in results
    ]
    (args.report_dir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\nreports: {args.report_dir}/ ({elapsed:.0f} s)")

    below = [(r, c) for r in results for c in CATEGORIES if r.scores[c] < args.threshold]
    if not below:
        print(f"audit: every score is {args.threshold} or more")
        return 0
    print(f"\naudit: {len(below)} score(s) under {args.threshold}:")
    for r, c in below:
        print(f"{r.page} ({r.form_factor}) {CATEGORY_NAMES[c]} {r.scores[c]}:")
        for line in r.failing.get(c, ["(no single failing audit: the weighted metrics add up below the threshold)"]):
            print(f"    {line}")
        if c == "performance" and max(r.load_averages) > (os.cpu_count() or 1):
            print(f"    note: the machine was busy ({host_note(r)}); Lighthouse's timings include that")
    return 1


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    raise SystemExit(main())
