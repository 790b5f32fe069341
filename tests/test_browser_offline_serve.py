"""`make serve` is never answered by an offline copy: a browser that kept a build served on the same
address (say, `python -m http.server` in site/) gets `mkdocs serve`'s pages, and its worker goes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from offline_site import build_for, wait_until_kept_offline
from support import copy_project

from tools.serve import QuietHandler, free_port, page_text, serve_directory

pytestmark = pytest.mark.browser

EDITED = "A line written while mkdocs serve runs."
OUR_CACHES = "() => caches.keys().then(names => names.filter(name => name.startsWith('offline ')))"


def test_a_kept_build_gives_way_to_mkdocs_serve(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    build_for(project, tmp_path / "site", url)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        # HTTP/1.0, a connection per request: no connection outlives this server to answer later.
        with serve_directory(tmp_path / "site", QuietHandler, port):
            tab.goto(url)
            wait_until_kept_offline(tab)

        source = project / "docs" / "compute.md"
        source.write_text(source.read_text(encoding="utf-8") + f"\n{EDITED}\n", encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
        log = open(tmp_path / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed below)
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        try:
            wait_for_server(url + "compute/", log)
            tab.goto(url + "compute/")  # answered by the kept worker, which the served sw.js retires
            tab.get_by_text(EDITED).wait_for()
            tab.wait_for_function("() => navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
            assert tab.evaluate(OUR_CACHES) == []
            tab.reload()
            tab.get_by_text(EDITED).wait_for()
            assert tab.evaluate("() => navigator.serviceWorker.controller") is None
            assert tab.locator("link[rel=manifest], script[src*='offline.js']").count() == 0
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            log.close()
    finally:
        context.close()


def wait_for_server(address: str, log, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not page_text(address):
        if time.monotonic() > deadline:
            log.seek(0)
            raise AssertionError(f"mkdocs serve did not answer {address}:\n{log.read()}")
        time.sleep(0.5)
