"""`make audit`: Lighthouse on the home page, a family page and the glossary, judged on scores and costs.

    python -m tools.audit.lighthouse SITE_DIR [--report-dir audit-report] [--form-factor mobile]
                                              [--runs 1] [--threshold 95] [--page /compute/ ...]
                                              [--budget-file tools/audit/budget.toml]

Builds nothing: SITE_DIR is a site already built, ideally with SITE_URL set to the address it is
served from here (`make audit` does that), because the site's canonical links, its sitemap.xml and
Material's instant navigation (which reads the sitemap to tell its own pages from outside ones) all
come from site_url. When that address is on 127.0.0.1 or localhost, the site is served on exactly
that port and path; otherwise on a free port, with a warning.

The server behaves like GitHub Pages, the real host: a missing path answers 404 with the site's
404.html, a directory without its slash is redirected, text is gzip-compressed for browsers that
accept it, and assets carry `Cache-Control: max-age=600`. A plain local server compresses nothing,
which would make every page cost more than it does on the deployed site.

The gates (tools/audit/costs.py): accessibility, best practices and SEO must score at least
--threshold (95). Performance is judged on what each page costs, within the budgets of
tools/audit/budget.toml: transfer size, requests, render-blocking CSS/JS (bytes and requests),
script bytes, layout shift (CLS) and DOM elements. The performance score and its timings (FCP,
LCP, TBT, Speed Index, main-thread work) are printed and kept in summary.json, as information:
Lighthouse's simulated throttling computes them from the real CPU time of the run, so they follow
the host's load. On one build (commit 4fec80c, 2 CPUs), in 16 audits with the load average
between 1 and 11 (idle, beside other work on the machine, or beside the test suite and two busy
loops), the home page scored 75 to 94, the glossary 64 to 94, and the glossary's main-thread work
went from 1.9 to 11.9 s, while every cost above was the same to the byte in every run, but for the
glossary's layout shift: 0 or 0.012, since CLS comes from the real rendering (its budget is 0.1).

One run per page, with every category, is therefore enough (15 to 25 s a page; 40 s to 2 min for
the three in the runs above): more runs would only average a score that no longer decides anything.
--runs N adds N - 1 performance-only runs, for a median score to look at; each cost then counts at
its largest over the runs.
Lighthouse's default mobile emulation is the gate: a mid-range phone on slow 4G (`--form-factor
desktop` or `both` to compare).

The Lighthouse reports (HTML and JSON, every run) and summary.json go to --report-dir. Prints every
gate of every page, passed or not, and exits 1 naming each page and gate that failed, with its
value and its limit; 2 when the site, Lighthouse, Chromium or a valid budget file is missing.
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
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tools.audit.costs import (
    BUDGET_FILE,
    Budget,
    Check,
    describe_timings,
    failing_audits,
    load_budgets,
    render_blocking_urls,
    timings,
    verdict,
)
from tools.chromium import CHROMIUM, CHROMIUM_ARGS
from tools.serve import PagesHandler, built_site_url, serve_directory

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ("/", "/compute/", "/glossary/")
# One Lighthouse run of this site takes 15 to 25 s on two cores; a hung Chromium must not hang CI.
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
    checks: list[Check] = field(default_factory=list)
    runs: list[dict] = field(default_factory=list)  # the performance score and timings of each run
    failing: dict[str, list[str]] = field(default_factory=dict)  # failed category -> the audits that cost it
    load_averages: list[float] = field(default_factory=list)  # the host's, as each run started

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)


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


def page_html(url: str) -> str:
    """The page as the server sends it (uncompressed: no Accept-Encoding), to find what blocks its rendering."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8", errors="replace")


def audit_page(
    base: str, page: str, form_factor: str, report_dir: Path, *, runs: int, budgets: dict[str, Budget], threshold: int
) -> PageResult:
    url = urllib.parse.urljoin(base, page.lstrip("/"))
    result = PageResult(page, form_factor)
    reports = []
    for number in range(1, runs + 1):
        result.load_averages.append(os.getloadavg()[0])
        out = report_dir / report_name(page, form_factor, number)
        reports.append(run_lighthouse(url, form_factor, out, performance_only=number > 1))
    result.runs = [timings(report) for report in reports]
    blocking_urls = render_blocking_urls(page_html(reports[0]["finalDisplayedUrl"]), reports[0]["finalDisplayedUrl"])
    result.checks = verdict(page, reports, blocking_urls, budgets, threshold)
    for check in result.checks:
        if check.is_score and not check.passed:
            result.failing[check.name] = failing_audits(reports[0], check.name)
    return result


def host_note(result: PageResult) -> str:
    """How busy the machine was: the timings (never the verdict) are only as steady as the host's CPU."""
    low, high = min(run["benchmark_index"] for run in result.runs), max(run["benchmark_index"] for run in result.runs)
    indexes = str(low) if low == high else f"{low}-{high}"
    return f"benchmark index {indexes}, load average up to {max(result.load_averages):.1f} on {os.cpu_count()} CPUs"


def print_page(result: PageResult) -> None:
    print(f"{result.page} ({result.form_factor}): {'pass' if result.passed else 'FAIL'}")
    for check in result.checks:
        print(f"  {'pass' if check.passed else 'FAIL'}  {check}")
    scores = [run["performance_score"] for run in result.runs]
    if len(scores) > 1:
        print(f"  information: median performance score {statistics.median(scores):g} of {len(scores)} runs")
    for run in result.runs:
        print(f"  information: {describe_timings(run)}")
    print(f"  host: {host_note(result)}", flush=True)


def summary_entry(result: PageResult) -> dict:
    return {
        "page": result.page,
        "form_factor": result.form_factor,
        "passed": result.passed,
        "gates": [
            {
                "name": check.name,
                "label": check.label,
                "kind": "score" if check.is_score else "cost",
                "value": check.value,
                "limit": check.limit,
                "passed": check.passed,
            }
            for check in result.checks
        ],
        "failing_audits": result.failing,
        # Information, never a gate: these follow the host's load.
        "performance_runs": result.runs,
        "load_averages": [round(load, 2) for load in result.load_averages],
    }


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
    parser.add_argument(
        "--runs", type=int, default=1, help="runs per page: the first with every category, then performance only"
    )
    parser.add_argument("--threshold", type=int, default=95, help="least accessibility, best practices and SEO score")
    parser.add_argument("--page", action="append", dest="pages", help="a path to audit (repeatable)")
    parser.add_argument("--budget-file", type=Path, default=BUDGET_FILE, help="the performance budgets (TOML)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be 1 or more")

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
    try:
        budgets = load_budgets(args.budget_file)
    except (OSError, ValueError) as error:  # tomllib's TOMLDecodeError is a ValueError
        print(f"no valid budgets: {error}", file=sys.stderr)
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
            f"{args.runs} run(s) per page. Gates: accessibility, best practices and SEO at least {args.threshold}; "
            f"performance by what each page costs, within {args.budget_file}\n",
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
                    budgets=budgets,
                    threshold=args.threshold,
                )
                results.append(result)
                print_page(result)
    elapsed = time.perf_counter() - started

    summary = [summary_entry(result) for result in results]
    (args.report_dir / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\nreports: {args.report_dir}/ ({elapsed:.0f} s)")

    failed = [(result, check) for result in results for check in result.checks if not check.passed]
    if not failed:
        print(f"audit: passed, all {sum(len(r.checks) for r in results)} gates on {len(results)} page(s)")
        return 0
    print(f"audit: {len(failed)} gate(s) failed:")
    for result, check in failed:
        print(f"  {result.page} ({result.form_factor}): {check}")
        if check.is_score:
            lines = result.failing.get(check.name) or ["(no single failing audit: the weighted ones add up below)"]
            for line in lines:
                print(f"      {line}")
        else:
            print(f"      why this budget: {budgets[check.name].reason}")
    return 1


def lighthouse_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    raise SystemExit(main())
