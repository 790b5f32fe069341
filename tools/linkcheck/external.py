"""`make linkcheck-external`: every outside URL of the built site, checked online, with a report.

    python -m tools.linkcheck.external SITE_DIR [--report-dir DIR] [--timeout S] [--retry-pause S]
                                                [--probe HOST:PORT]

Collects every absolute http(s) URL of the pages under SITE_DIR (`a[href]`, `link[href]` except
preconnect hints, `script[src]`, `img[src]`; links to the published site itself count too) with the
pages that link to it, and checks each URL directly with linkchecker (`--check-extern -r0`, the
shared linkcheckerrc: browser-like user agent, robots.txt ignored, #anchors checked, linkchecker's
polite per-host pace). A URL that is not ok gets one more try after --retry-pause seconds; only
the second verdict counts. Verdicts:

    broken       404, 410, any other 4xx but 403/429, 5xx, DNS failure, refused connection,
                 timeout, redirect loop, or a #anchor missing on the target page
    unverified   403, 429, 999: the host refuses robots; listed, never failing
    redirected   301/308 (permanent): listed with the new location, to update the notes
    ok           everything else (a temporary redirect included)

Writes linkcheck-external.json (every URL: pages, verdict, reason, redirect, attempts) and
linkcheck-external.md (counts, then the broken, unverified and redirected URLs with their pages)
into --report-dir, by default `linkcheck-report/` next to SITE_DIR (ignored by git), and prints
the summary. First it probes --probe (default aws.amazon.com:443) for 3 s: offline, it says
`no network: ...` and exits 3 without checking anything. Exit status: 1 when anything is broken,
0 when not, 2 when SITE_DIR holds no built site, 3 without network.
"""

from __future__ import annotations

import argparse
import configparser
import functools
import json
import re
import socket
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import requests
from bs4 import BeautifulSoup

from tools.linkcheck.common import CONFIG, Result, run_linkchecker

VERDICTS = ("broken", "unverified", "redirected", "ok")
UNVERIFIED = {403, 429, 999}
TAGS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))
HINTS = {"preconnect", "dns-prefetch"}  # a bare origin to warm up, not a page: fetching it proves nothing


@dataclass
class Entry:
    url: str
    pages: list[str]
    verdict: str = "ok"
    status: int | None = None  # the HTTP status, when there was one
    reason: str = ""
    redirect: str = ""
    attempts: int = 0
    history: list[str] = field(default_factory=list)  # linkchecker's verdict on each attempt


def collect(site_dir: Path) -> dict[str, list[str]]:
    """Every outside URL of the site, with the pages (relative to `site_dir`) that link to it."""
    found: dict[str, set[str]] = {}
    for path in sorted(site_dir.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
        page = path.relative_to(site_dir).as_posix()
        for tag, attribute in TAGS:
            for element in soup.find_all(tag, attrs={attribute: True}):
                if tag == "link" and HINTS & set(element.get("rel") or []):
                    continue
                url = element[attribute].strip()
                if url.startswith("//"):
                    url = "https:" + url
                if url.lower().startswith(("http://", "https://")):
                    found.setdefault(url, set()).add(page)
    return {url: sorted(pages) for url, pages in sorted(found.items())}


def probe(address: str, timeout: float = 3.0) -> str | None:
    """None when `address` (HOST:PORT) takes a TCP connection, else why not; never waits much longer."""
    host, _, port = address.rpartition(":")
    outcome: list[str | None] = []

    def connect():
        try:
            socket.create_connection((host, int(port)), timeout=timeout).close()
            outcome.append(None)
        except (OSError, ValueError) as error:
            outcome.append(f"{type(error).__name__}: {error}")

    # Name resolution has no timeout of its own: a thread that is given up on cannot hang the check.
    thread = threading.Thread(target=connect, daemon=True)
    thread.start()
    thread.join(timeout + 1)
    return outcome[0] if outcome else f"no answer within {timeout + 1:.0f} s"


def status_of(result: Result) -> int | None:
    match = re.match(r"(\d{3})\b", result.result)
    return int(match.group(1)) if match else None


def classify(result: Result | None) -> tuple[str, str]:
    """linkchecker's verdict on one URL as (verdict, reason); permanent redirects are found later."""
    if result is None:
        return "unverified", "linkchecker reported nothing for this URL"
    reason = " ".join(result.result.split())
    warning = " ".join(result.warning.split())
    status = status_of(result)
    if status in UNVERIFIED:
        return "unverified", reason
    if not result.valid:
        return "broken", f"{reason} ({warning})" if "Redirected" in warning else reason
    if "Anchor" in warning and "not found" in warning:
        return "broken", warning
    return "ok", f"{reason}; {warning}" if warning else reason


def check(urls: list[str], timeout: int) -> dict[str, Result]:
    """linkchecker's verdict on each URL, keyed by the URL as written."""
    results: dict[str, Result] = {}
    pending = list(urls)
    # linkchecker reports only one of the URLs that normalize alike (`http://x.org` and `http://x.org/`):
    # the others go to another run, until every URL has its verdict.
    while pending:
        found = {r.url: r for r in run_linkchecker(pending, "--check-extern", "-r0", timeout=timeout)}
        results.update({url: found[url] for url in pending if url in found})
        if not found.keys() & set(pending):
            break
        pending = [url for url in pending if url not in results]
    return results


@functools.cache
def user_agent() -> str:
    config = configparser.RawConfigParser()
    config.read(CONFIG, encoding="utf-8")
    return config.get("checking", "useragent", fallback="aws-notes-linkcheck")


def permanent_redirect(url: str, timeout: float, hops: int = 10) -> str:
    """Where `url` now lives when it answers 301 or 308 (following permanent redirects only), else ''."""
    fragment = urldefrag(url).fragment
    current, moved = url, False
    for _ in range(hops):
        try:
            with requests.get(
                urldefrag(current).url,
                allow_redirects=False,
                timeout=timeout,
                stream=True,
                headers={"User-Agent": user_agent()},
            ) as response:
                location = response.headers.get("Location")
                if response.status_code not in (301, 308) or not location:
                    break
        except requests.RequestException:
            break
        current, moved = urljoin(current, location), True
    if not moved:
        return ""
    return current if urldefrag(current).fragment or not fragment else f"{current}#{fragment}"


def run(links: dict[str, list[str]], timeout: int, retry_pause: float) -> list[Entry]:
    entries = {url: Entry(url, pages) for url, pages in links.items()}
    pending = list(entries)
    for attempt in (1, 2):
        if attempt == 2:
            pending = [url for url in pending if entries[url].verdict != "ok"]
            if not pending:
                break
            time.sleep(retry_pause)
        results = check(pending, timeout)
        for url in pending:
            entry = entries[url]
            entry.verdict, entry.reason = classify(results.get(url))
            entry.status = status_of(results[url]) if url in results else None
            entry.attempts = attempt
            entry.history.append(entry.reason)
    for entry in entries.values():
        if entry.verdict in ("ok", "broken") and "Redirected" in entry.reason:
            entry.redirect = permanent_redirect(entry.url, timeout)
            if entry.redirect and entry.verdict == "ok":
                entry.verdict = "redirected"
    return list(entries.values())


def summary(entries: list[Entry], elapsed: float) -> str:
    counts = {verdict: sum(e.verdict == verdict for e in entries) for verdict in VERDICTS}
    lines = [
        "# External links",
        "",
        f"{len(entries)} outside URLs checked in {elapsed:.0f} s: "
        + ", ".join(f"{counts[verdict]} {verdict}" for verdict in VERDICTS)
        + ".",
    ]
    titles = {
        "broken": "Broken (fix or remove these links)",
        "unverified": "Unverified (the host refuses robots: check by hand)",
        "redirected": "Permanently redirected (update the link to the new location)",
    }
    for verdict, title in titles.items():
        chosen = [e for e in entries if e.verdict == verdict]
        if not chosen:
            continue
        lines += ["", f"## {title}", ""]
        for e in chosen:
            detail = f"now {e.redirect}" if verdict == "redirected" else e.reason
            lines.append(f"- {e.url} ({detail}), on: {', '.join(e.pages)}")
    lines += ["", "No broken links." if not counts["broken"] else f"{counts['broken']} broken link(s)."]
    return "\n".join(lines) + "\n"


def write_reports(report_dir: Path, data: dict, text: str) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "linkcheck-external.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    (report_dir / "linkcheck-external.md").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--report-dir", type=Path, help="default: linkcheck-report/ next to SITE_DIR")
    parser.add_argument("--timeout", type=int, default=20, help="whole seconds per request (default 20)")
    parser.add_argument("--retry-pause", type=float, default=10, help="seconds before the second try (default 10)")
    parser.add_argument("--probe", default="aws.amazon.com:443", help="HOST:PORT that must answer first")
    args = parser.parse_args(argv)
    site_dir = args.site_dir.resolve()
    report_dir = args.report_dir or site_dir.parent / "linkcheck-report"
    if not (site_dir / "index.html").exists():
        print(f"{site_dir} holds no built site (index.html missing): run `make build` first", file=sys.stderr)
        return 2
    links = collect(site_dir)
    problem = probe(args.probe)
    if problem:
        message = f"no network: {args.probe} unreachable ({problem}); the {len(links)} external links were NOT checked"
        write_reports(report_dir, {"checked": False, "reason": message}, f"# External links\n\n{message}\n")
        print(message, file=sys.stderr)
        return 3
    started = time.perf_counter()
    entries = run(links, args.timeout, args.retry_pause)
    text = summary(entries, time.perf_counter() - started)
    counts = {verdict: sum(e.verdict == verdict for e in entries) for verdict in VERDICTS}
    write_reports(report_dir, {"checked": True, "counts": counts, "urls": [asdict(e) for e in entries]}, text)
    print(text, end="")
    print(f"Report: {report_dir / 'linkcheck-external.md'} and linkcheck-external.json")
    return 1 if counts["broken"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
