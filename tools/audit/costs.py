"""The verdict of `make audit` on one page, from Lighthouse's JSON reports (tools/audit/lighthouse.py runs them).

Accessibility, best practices and SEO are scores that do not depend on timing: each must be at
least the threshold (95). Performance is judged on what the page costs, never on its score: the
score comes from timings (FCP, LCP, TBT, Speed Index), which Lighthouse's simulated throttling
derives from the real CPU time of the run, so the same build of the glossary scored from 64 to
94 as the machine's load changed. What the page costs stays the same, to the byte (the runs are in
lighthouse.py's docstring): the bytes it transfers, its requests, the CSS and JS that block its
first paint, its script bytes, its layout shift and its DOM size, each within the budget that
budget.toml sets and explains.
"""

from __future__ import annotations

import tomllib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

BUDGET_FILE = Path(__file__).with_name("budget.toml")
SCORED_CATEGORIES = ("accessibility", "best-practices", "seo")
CATEGORY_NAMES = {
    "performance": "performance score",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}


def audit_value(report: dict, audit_id: str) -> float | None:
    """An audit's numericValue; None when Lighthouse could not compute it (an `error` audit has none)."""
    return report["audits"].get(audit_id, {}).get("numericValue")


def resource_summary(report: dict, resource_type: str, key: str) -> float | None:
    details = report["audits"].get("resource-summary", {}).get("details") or {}
    for item in details.get("items", []):
        if item.get("resourceType") == resource_type:
            return item.get(key)
    return None


def blocking_requests(report: dict, blocking_urls: set[str]) -> list[dict]:
    """The requests Lighthouse saw for the page's render-blocking URLs (the page's HTML names them)."""
    details = report["audits"].get("network-requests", {}).get("details") or {}
    return [item for item in details.get("items", []) if item.get("url") in blocking_urls]


@dataclass(frozen=True)
class Measure:
    label: str
    unit: str  # "bytes", "count" or "shift" (CLS, unitless): how the value prints
    read: Callable[[dict, set[str]], float | None]


# Each measure counts what the page loads and builds, not how fast; CLS alone comes from the real
# rendering and moves a little from run to run (budget.toml says how much).
MEASURES: dict[str, Measure] = {
    "transfer_bytes": Measure("transfer size", "bytes", lambda r, _: audit_value(r, "total-byte-weight")),
    "requests": Measure("requests", "count", lambda r, _: resource_summary(r, "total", "requestCount")),
    "render_blocking_bytes": Measure(
        "render-blocking CSS/JS",
        "bytes",
        lambda r, urls: sum(item.get("transferSize", 0) for item in blocking_requests(r, urls)),
    ),
    "render_blocking_requests": Measure(
        "render-blocking requests", "count", lambda r, urls: len(blocking_requests(r, urls))
    ),
    "script_bytes": Measure("script", "bytes", lambda r, _: resource_summary(r, "script", "transferSize")),
    "cumulative_layout_shift": Measure(
        "layout shift (CLS)", "shift", lambda r, _: audit_value(r, "cumulative-layout-shift")
    ),
    "dom_elements": Measure("DOM elements", "count", lambda r, _: audit_value(r, "dom-size")),
}


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "not measured"
    if unit == "bytes":
        return f"{value:,.0f} B"
    if unit == "shift":
        return f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
    return f"{value:,.0f}"


@dataclass(frozen=True)
class Budget:
    max: float
    reason: str
    pages: dict[str, float] = field(default_factory=dict)

    def limit(self, page: str) -> float:
        return self.pages.get(page, self.max)


def load_budgets(path: Path = BUDGET_FILE) -> dict[str, Budget]:
    """The budgets of budget.toml: exactly one per measure, each with its reason."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if set(data) != set(MEASURES):
        missing, unknown = set(MEASURES) - set(data), set(data) - set(MEASURES)
        raise ValueError(f"{path}: budgets missing for {sorted(missing)}, unknown measures {sorted(unknown)}")
    budgets = {}
    for name, entry in data.items():
        if not entry.get("reason", "").strip():
            raise ValueError(f"{path}: the {name} budget gives no reason")
        budgets[name] = Budget(max=entry["max"], reason=entry["reason"], pages=entry.get("pages", {}))
    return budgets


class _BlockingTags(HTMLParser):
    """Collects the URLs that block the first paint, by the rule Lighthouse documents for its
    render-blocking audit (web.dev, "Eliminate render-blocking resources"): every stylesheet link
    that is not disabled and whose media applies, and every script in <head> that is neither async,
    deferred nor a module. Lighthouse 12.2.3 reads them from the trace instead, and that audit errors
    with Debian's chromium 156 on every run (55 reports of 55 here)."""

    def __init__(self, page_url: str) -> None:
        super().__init__()
        self.page_url = page_url
        self.in_head = False
        self.urls: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif tag == "link" and "stylesheet" in attributes.get("rel", "").lower().split():
            # A print-only sheet loads without blocking the screen, a disabled one not at all. Other
            # media queries count as blocking, the worse case (no stylesheet of the site sets one).
            media = attributes.get("media", "all").strip().lower()
            if media != "print" and "disabled" not in attributes:
                self._add(attributes.get("href"))
        elif tag == "script" and self.in_head:
            waits = {"async", "defer"} & attributes.keys() or attributes.get("type") == "module"
            if not waits:
                self._add(attributes.get("src"))  # an inline script (no src) fetches nothing

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False

    def _add(self, href: str | None) -> None:
        if href:
            self.urls.add(urllib.parse.urldefrag(urllib.parse.urljoin(self.page_url, href)).url)


def render_blocking_urls(html: str, page_url: str) -> set[str]:
    """The absolute URLs of the stylesheets and scripts that block the page's first paint."""
    parser = _BlockingTags(page_url)
    parser.feed(html)
    return parser.urls


def cost_measures(report: dict, blocking_urls: set[str]) -> dict[str, float | None]:
    return {name: measure.read(report, blocking_urls) for name, measure in MEASURES.items()}


@dataclass(frozen=True)
class Check:
    """One gate on one page: a category score (at least `limit`) or a cost (at most `limit`)."""

    page: str
    name: str  # a category id or a measure name
    value: float | None
    limit: float
    passed: bool

    @property
    def is_score(self) -> bool:
        return self.name in CATEGORY_NAMES

    @property
    def label(self) -> str:
        return CATEGORY_NAMES[self.name] if self.is_score else MEASURES[self.name].label

    def __str__(self) -> str:
        if self.is_score:
            value, limit, relation = format_value(self.value, "count"), f"{self.limit:g}", "at least"
        else:
            unit = MEASURES[self.name].unit
            value, limit, relation = format_value(self.value, unit), format_value(self.limit, unit), "budget"
        return f"{self.label} {value} ({relation} {limit})"


def verdict(
    page: str, reports: list[dict], blocking_urls: set[str], budgets: dict[str, Budget], threshold: int = 95
) -> list[Check]:
    """Every gate on `page`. reports[0] is the run with every category; more runs (performance only)
    may follow, and each cost counts at its largest: the costs are the same on every run, and if one
    ever is not, the worse figure is the one a reader may get."""
    checks = []
    for category in SCORED_CATEGORIES:
        score = reports[0]["categories"].get(category, {}).get("score")
        value = None if score is None else round(score * 100)
        checks.append(Check(page, category, value, threshold, value is not None and value >= threshold))
    runs = [cost_measures(report, blocking_urls) for report in reports]
    for name in MEASURES:
        values = [run[name] for run in runs]
        value = None if None in values else max(values)
        limit = budgets[name].limit(page)
        checks.append(Check(page, name, value, limit, value is not None and value <= limit))
    return checks


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


# The performance score and the timings behind it: printed and kept in summary.json, never a gate.
TIMINGS = {
    "first_contentful_paint_ms": "first-contentful-paint",
    "largest_contentful_paint_ms": "largest-contentful-paint",
    "total_blocking_time_ms": "total-blocking-time",
    "speed_index_ms": "speed-index",
    "cumulative_layout_shift": "cumulative-layout-shift",
    # Real CPU time of the run times Lighthouse's 4x slowdown: the measure that moves with the load.
    "main_thread_work_ms": "mainthread-work-breakdown",
}


def timings(report: dict) -> dict[str, float | None]:
    score = report["categories"]["performance"].get("score")
    values: dict[str, float | None] = {"performance_score": None if score is None else round(score * 100)}
    for name, audit_id in TIMINGS.items():
        value = audit_value(report, audit_id)
        values[name] = None if value is None else round(value, 4 if name == "cumulative_layout_shift" else 0)
    values["benchmark_index"] = round(report["environment"]["benchmarkIndex"])
    return values


def describe_timings(values: dict[str, float | None]) -> str:
    def seconds(name: str) -> str:
        value = values[name]
        return "?" if value is None else f"{value / 1000:.1f} s"

    tbt = values["total_blocking_time_ms"]
    return (
        f"performance score {values['performance_score']}: FCP {seconds('first_contentful_paint_ms')}, "
        f"LCP {seconds('largest_contentful_paint_ms')}, TBT {'?' if tbt is None else f'{tbt:.0f} ms'}, "
        f"SI {seconds('speed_index_ms')}, CLS {format_value(values['cumulative_layout_shift'], 'shift')}, "
        f"main-thread work {seconds('main_thread_work_ms')}"
    )
