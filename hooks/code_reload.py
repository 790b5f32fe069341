"""MkDocs hook: `mkdocs serve` restarts itself when the hooks or `notekit` change, so that what a
maintainer sees is what they wrote (`notekit.code_reload`).

MkDocs reloads the configuration for each rebuild, but imports the hooks only once per process.
Restarting (the same command, in the same process: `os.execv`) is the one way to run every edited
module afresh; a live-reloading browser tab reconnects to the new server by itself. An edit that
does not compile keeps the running server, and says so: restarting on it would stop the server.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from notekit.code_reload import changed, restart_arguments, snapshot, syntax_errors

log = get_plugin_logger(__name__)
HOOKS = Path(__file__).resolve().parent
started_with: dict[str, int] | None = None  # the code as `mkdocs serve` started, or None


def on_startup(command, dirty):
    global started_with
    started_with = snapshot(HOOKS) if command == "serve" else None


def on_config(config):
    global started_with
    if started_with is None:
        return config
    now = snapshot(HOOKS)
    edited = changed(started_with, now)
    if not edited:
        return config
    names = ", ".join(Path(path).relative_to(HOOKS.parent).as_posix() for path in edited)
    errors = syntax_errors(edited)
    if errors:
        started_with = now  # said once; the next edit tries again
        log.warning("Not restarting mkdocs serve, the edited code does not compile: %s", "; ".join(errors))
        return config
    log.info("Restarting mkdocs serve to run the edited code: %s", names)
    # `mkdocs serve` builds into a temporary folder that it removes on exit; exec skips that.
    if Path(config.site_dir).parent == Path(tempfile.gettempdir()):
        shutil.rmtree(config.site_dir, ignore_errors=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, restart_arguments(sys.orig_argv))
    return config  # not reached
