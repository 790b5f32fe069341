"""What both link checks share: serving a folder on 127.0.0.1, running linkchecker, reading its CSV."""

from __future__ import annotations

import configparser
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from tools.serve import QuietHandler, serve_directory

CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).with_name("linkchecker")


class SiteHandler(QuietHandler):
    """Serves the built site quietly, and tells linkchecker it may go at full speed."""

    def end_headers(self):
        # linkchecker throttles every host to a few requests a second unless it sees this header.
        self.send_header("LinkChecker", "welcome")
        super().end_headers()


def serve(folder: Path, handler=SiteHandler):
    """Serve `folder` on 127.0.0.1 until the block ends (a context manager yielding the base URL)."""
    return serve_directory(folder, handler)


@dataclass(frozen=True)
class Result:
    url: str  # as written in the page
    page: str  # the page that links to it
    valid: bool
    result: str  # linkchecker's verdict: "200 OK", "ConnectionError: ...", ...
    warning: str
    info: str
    absolute: str = ""  # the URL linkchecker made of it: resolved, normalized, after any redirect
    base: str = ""  # the page's <base href>, when it has one


def run_linkchecker(
    urls: list[str], *options: str, timeout: float | None = None, disabled_plugins: Collection[str] = ()
) -> list[Result]:
    """Run linkchecker on `urls` with the shared configuration, less `disabled_plugins`; every URL it
    saw, with its verdict."""
    # Run as root, linkchecker drops to `nobody`: its report must go where that user can write.
    folder = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    folder.chmod(0o777)
    report = folder / "report.csv"
    config = write_config_without(disabled_plugins, folder / "linkcheckerrc") if disabled_plugins else CONFIG
    # -v: report every URL checked, not only the failures, so the counts are real.
    command = [str(LINKCHECKER), "--config", str(config), "--no-status", "-v", "-o", "none"]
    command += ["-F", f"csv/utf-8/{report}", *options]
    if timeout is not None:
        command += ["--timeout", str(timeout)]
    try:
        completed = subprocess.run(
            [*command, *urls], capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"}
        )
        if not report.exists():
            raise SystemExit(f"linkchecker wrote no report (exit {completed.returncode}):\n{completed.stderr}")
        return read_report(report)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_config_without(plugins: Collection[str], target: Path) -> Path:
    """The shared configuration with the sections of `plugins` removed (a plugin is on when its
    section is there), written to `target`; the comments are not kept."""
    # RawConfigParser: the one linkchecker reads its configuration with, so it reads the copy alike.
    config = configparser.RawConfigParser()
    config.read(CONFIG, encoding="utf-8")
    for plugin in plugins:
        config.remove_section(plugin)
    with target.open("w", encoding="utf-8") as file:
        config.write(file)
    target.chmod(0o644)
    return target


def read_report(report: Path) -> list[Result]:
    # linkchecker's comments start "# "; a row may start with "#" too: a same-page link ("#ebs;...").
    lines = [line for line in report.read_text(encoding="utf-8").splitlines() if not line.startswith("# ")]
    return [
        Result(
            url=row["urlname"],
            page=row["parentname"],
            valid=row["valid"] == "True",
            result=row["result"],
            warning=row["warningstring"],
            info=row["infostring"],
            absolute=row["url"],
            base=row["base"],
        )
        for row in csv.DictReader(lines, delimiter=";")
    ]
