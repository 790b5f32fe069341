"""What both link checks share: serving a folder on 127.0.0.1, running linkchecker, reading its CSV."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
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


def run_linkchecker(urls: list[str], *options: str, timeout: float | None = None) -> list[Result]:
    """Run linkchecker on `urls` with the shared configuration; every URL it saw, with its verdict."""
    # Run as root, linkchecker drops to `nobody`: its report must go where that user can write.
    folder = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    folder.chmod(0o777)
    report = folder / "report.csv"
    # -v: report every URL checked, not only the failures, so the counts are real.
    command = [str(LINKCHECKER), "--config", str(CONFIG), "--no-status", "-v", "-o", "none"]
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


def read_report(report: Path) -> list[Result]:
    lines = [line for line in report.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [
        Result(
            url=row["urlname"],
            page=row["parentname"],
            valid=row["valid"] == "True",
            result=row["result"],
            warning=row["warningstring"],
            info=row["infostring"],
        )
        for row in csv.DictReader(lines, delimiter=";")
    ]
