"""What both link checks share: serving a folder on 127.0.0.1, running linkchecker, reading its CSV."""

from __future__ import annotations

import contextlib
import csv
import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).with_name("linkchecker")


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site quietly, and tells linkchecker it may go at full speed."""

    def end_headers(self):
        # linkchecker throttles every host to a few requests a second unless it sees this header.
        self.send_header("LinkChecker", "welcome")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 (the base class names it so)
        pass


@contextlib.contextmanager
def serve(folder: Path, handler=SiteHandler) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 until the block ends, also when it ends by an error."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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
