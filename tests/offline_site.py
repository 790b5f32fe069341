"""The offline copy as the browser tests drive it: a build served the way GitHub Pages serves a
project site (under a sub-path, with its cache time), and a tab that has kept the site offline.

The build is made for the address it is served at, as a deploy is: Material's instant navigation
follows only the links its sitemap.xml lists, and the worker answers the sitemap from its cache,
where a test could not readdress it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from support import mkdocs_build

from tools.serve import PagesHandler, free_port, serve_directory

SUB_PATH = "/aws-notes/"
# The tab's clock when the worker says the site is kept offline (docs/javascripts/offline.js).
READY = "() => document.documentElement.dataset.offline === 'ready' && performance.now()"


def build_for(project: Path, site_dir: Path, url: str) -> None:
    result = mkdocs_build(project, site_dir, env={**os.environ, "SITE_URL": url})
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"


@contextlib.contextmanager
def served_build(project: Path, site_dir: Path) -> Iterator[str]:
    """Build `project` into `site_dir` for, and serve it at, http://127.0.0.1:<port>/aws-notes/."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    build_for(project, site_dir, url)
    handler = type("Handler", (PagesHandler,), {"prefix": SUB_PATH})
    with serve_directory(site_dir, handler, port):
        yield url


def wait_until_kept_offline(tab) -> float:
    """Wait for the worker to have kept the site; returns when, in ms since the page began to load."""
    return tab.wait_for_function(READY, polling="raf").json_value()


@contextlib.contextmanager
def tab_kept_offline(browser, url: str, **context_options) -> Iterator:
    """A fresh browser profile that visited `url` once and now has no network."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    try:
        tab.goto(url)
        tab.ready_after_ms = wait_until_kept_offline(tab)
        context.set_offline(True)
        yield tab
    finally:
        context.close()
