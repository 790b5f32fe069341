"""Debian's chromium driven by Playwright, the same way in the tests and in `make pdf`."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without these, chromium tries to reach Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """Start headless chromium from CHROMIUM: never a browser that Playwright would download."""
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: run `make browser` (installs Debian's chromium) or set CHROMIUM")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
