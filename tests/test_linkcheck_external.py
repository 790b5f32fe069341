"""The external link check (`make linkcheck-external`), offline: a local server stands in for the outside hosts.

The fixture site links to `localhost:PORT` (not the 127.0.0.1 the server listens on, so the hosts
differ as real outside hosts would); every route is one way an outside link can fail.
"""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tools.linkcheck.common import SiteHandler, serve

ROOT = Path(__file__).resolve().parents[1]
TOOL = "tools.linkcheck.external"

TIMEOUT = 2  # seconds: /slow answers later than this
OPTIONS = ["--timeout", str(TIMEOUT), "--retry-pause", "0.2"]
PAGE = "<!doctype html><html><head><title>t</title>{head}</head><body>{body}</body></html>"
BROKEN = ["/404", "/410", "/500", "/slow", "/loop", "/page#nowhere", "/private/missing"]


class OutsideHost(SiteHandler):
    """The routes of a pretend outside host. It keeps SiteHandler's `LinkChecker` header: no throttle in tests."""

    hits: Counter[str]

    def reply(self, status: int, body: str = "", location: str = "") -> None:
        data = body.encode()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8" if body.startswith("<") else "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(data)

    def do_GET(self):  # noqa: N802 (the base class names it so)
        path = self.path.split("?")[0]
        self.hits[path] += 1
        if path == "/slow":
            time.sleep(TIMEOUT + 1.5)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the checker gave up on /slow
            self.route(path)

    do_HEAD = do_GET

    def route(self, path: str) -> None:
        simple = {"/ok": 200, "/slow": 200, "/404": 404, "/410": 410, "/500": 500, "/forbidden": 403}
        if path in simple:
            self.reply(simple[path], f"{path} says {simple[path]}")
        elif path == "/page":
            self.reply(200, PAGE.format(head="", body='<h1 id="top">Page</h1><h2 id="here">Here</h2>'))
        elif path == "/loop":
            self.reply(302, location="/loop")
        elif path == "/moved":
            self.reply(301, location="/ok")
        elif path == "/flaky":  # fails the first request only: the retry must save it
            self.reply(503 if self.hits[path] == 1 else 200, "flaky")
        elif path == "/robots.txt":
            self.reply(200, "User-agent: *\nDisallow: /private\n")
        else:
            self.reply(404, "not found")


def outside_host():
    handler = type("Host", (OutsideHost,), {"hits": Counter()})
    return serve(ROOT, handler)  # the folder is not served: every path has a route


def make_site(folder: Path, host: str, links: list[str], sub_links: list[str] = ()) -> Path:
    """index.html links to `links`, guide/index.html to `sub_links`; all on `host` unless absolute."""

    def anchors(paths):
        return " ".join(f'<a href="{p if p.startswith("http") else host + p}">x</a>' for p in paths)

    (folder / "guide").mkdir(parents=True)
    head = '<link rel="preconnect" href="https://fonts.gstatic.com"><a href="guide/">guide</a>'
    (folder / "index.html").write_text(PAGE.format(head=head, body=anchors(links)), encoding="utf-8")
    (folder / "guide" / "index.html").write_text(PAGE.format(head="", body=anchors(sub_links)), encoding="utf-8")
    return folder


def check(site: Path, *options: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", TOOL, str(site), "--report-dir", str(site.parent / "report"), *options]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def reports(site: Path) -> tuple[dict, str]:
    folder = site.parent / "report"
    json_report = json.loads((folder / "linkcheck-external.json").read_text(encoding="utf-8"))
    return json_report, (folder / "linkcheck-external.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """One run over a site with every kind of outside link: (process, {path: entry}, markdown report)."""
    folder = tmp_path_factory.mktemp("mixed")
    with outside_host() as base:
        host = base.replace("127.0.0.1", "localhost").rstrip("/")
        links = ["/ok", "/page#here", "/forbidden", "/moved", "/flaky", "/404", "/410", "/500", "/loop"]
        # The same URL written twice: linkchecker reports only one of the two unless asked again.
        links += ["/page#nowhere", "http://no-such-host.invalid/", host.replace("localhost", "LOCALHOST") + "/ok"]
        site = make_site(folder / "site", host, links, ["/404", "/slow", "/private/missing"])
        result = check(site, *OPTIONS, "--probe", base.removeprefix("http://").rstrip("/"))
    data, markdown = reports(site)
    entries = {entry["url"].removeprefix(host): entry for entry in data["urls"]}
    return result, entries, markdown


def test_broken_links_fail_the_check_and_the_summary_is_printed(mixed):
    result, entries, markdown = mixed
    assert result.returncode == 1, result.stdout + result.stderr
    assert "8 broken" in result.stdout and "1 unverified" in result.stdout and "1 redirected" in result.stdout
    assert "No broken links" not in result.stdout + markdown
    assert len(entries) == 14, sorted(entries)  # the preconnect hint and the internal guide/ link are not checked


@pytest.mark.parametrize("path", [*BROKEN, "http://no-such-host.invalid/"])
def test_broken(mixed, path):
    _, entries, markdown = mixed
    assert entries[path]["verdict"] == "broken", entries[path]
    assert entries[path]["attempts"] == 2  # it failed twice: only then is it broken
    assert f"{path} (" in markdown


def test_the_reasons_say_what_broke(mixed):
    _, entries, _ = mixed
    assert entries["/404"]["status"] == 404 and entries["/500"]["status"] == 500
    assert "Timeout" in entries["/slow"]["reason"]
    assert "redirects" in entries["/loop"]["reason"]
    assert "nowhere" in entries["/page#nowhere"]["reason"]
    assert "Failed to resolve" in entries["http://no-such-host.invalid/"]["reason"]


def test_a_404_behind_a_robots_disallow_is_broken_not_hidden(mixed):
    _, entries, _ = mixed
    assert entries["/private/missing"]["verdict"] == "broken" and entries["/private/missing"]["status"] == 404


def test_good_links_pass(mixed):
    _, entries, _ = mixed
    assert entries["/ok"]["verdict"] == "ok" and entries["/ok"]["attempts"] == 1
    assert entries["/page#here"]["verdict"] == "ok"
    (twin,) = [entry for url, entry in entries.items() if "LOCALHOST" in url]
    assert twin["verdict"] == "ok" and twin["reason"] == "200 OK", twin


def test_a_link_that_fails_once_is_retried_and_passes(mixed):
    _, entries, _ = mixed
    flaky = entries["/flaky"]
    assert flaky["verdict"] == "ok" and flaky["attempts"] == 2, flaky
    assert flaky["history"][0].startswith("503")


def test_forbidden_is_unverified_not_broken(mixed):
    _, entries, markdown = mixed
    assert entries["/forbidden"]["verdict"] == "unverified"
    assert "## Unverified" in markdown and "/forbidden (403 Forbidden)" in markdown


def test_a_permanent_redirect_is_listed_with_its_new_location(mixed):
    _, entries, markdown = mixed
    moved = entries["/moved"]
    assert moved["verdict"] == "redirected" and moved["redirect"].endswith("/ok"), moved
    assert "## Permanently redirected" in markdown and f"(now {moved['redirect']})" in markdown


def test_the_reports_name_the_pages(mixed):
    _, entries, markdown = mixed
    assert entries["/404"]["pages"] == ["guide/index.html", "index.html"]
    assert entries["/slow"]["pages"] == ["guide/index.html"]
    assert "/404 (404 Not Found), on: guide/index.html, index.html" in markdown


def test_a_site_with_no_broken_link_passes_with_unverified_and_redirected_ones(tmp_path):
    with outside_host() as base:
        host = base.replace("127.0.0.1", "localhost").rstrip("/")
        site = make_site(tmp_path / "site", host, ["/ok", "/page#here", "/forbidden", "/moved"])
        result = check(site, *OPTIONS, "--probe", base.removeprefix("http://").rstrip("/"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No broken links." in result.stdout
    data, markdown = reports(site)
    assert data["counts"] == {"broken": 0, "unverified": 1, "redirected": 1, "ok": 2}
    assert "No broken links." in markdown


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("probe", [f"127.0.0.1:{closed_port()}", "no-such-host.invalid:443"], ids=["closed", "dns"])
def test_without_network_nothing_is_checked_and_it_says_so(tmp_path, probe):
    site = make_site(tmp_path / "site", "http://localhost:9", ["/ok"])
    started = time.monotonic()
    result = check(site, *OPTIONS, "--probe", probe, timeout=15)
    assert time.monotonic() - started < 8
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stderr.startswith("no network:") and "NOT checked" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    data, markdown = reports(site)
    assert data["checked"] is False and "counts" not in data
    assert "No broken links" not in result.stdout + markdown and "NOT checked" in markdown


def test_no_site_is_a_clear_error(tmp_path):
    result = check(tmp_path / "nothing")
    assert result.returncode == 2 and "no built site" in result.stderr
