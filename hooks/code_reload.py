"""MkDocs hook: `mkdocs serve` restarts itself when the hooks or `notekit` change, so that what a
maintainer sees is what they wrote (`notekit.code_reload`).

MkDocs reloads the configuration for each rebuild, but imports the hooks only once per process.
Restarting (the same command, in the same process: `os.execv`) is the one way to run every edited
module afresh; a live-reloading browser tab reconnects to the new server by itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from notekit.code_reload import changed, snapshot

log = get_plugin_logger(__name__)
HOOKS = Path(__file__).resolve().parent
started_with: dict[str, int] | None = None  # the code as `mkdocs serve` started, or None


def on_startup(command, dirty):
    global started_with
    started_with = snapshot(HOOKS) if command == "serve" else None


def on_config(config):
    if started_with is None:
        return config
    edited = changed(started_with, snapshot(HOOKS))
    if edited:
        names = ", ".join(Path(path).relative_to(HOOKS.parent).as_posix() for path in edited)
        log.info("Restarting mkdocs serve to run the edited code: %s", names)
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, "-m", "mkdocs", *sys.argv[1:]])
    return config
