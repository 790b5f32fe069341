"""Static HTTP servers on 127.0.0.1 for the tools and tests: a folder, or a site the way GitHub Pages serves it."""

from __future__ import annotations

import contextlib
import email.utils
import functools
import gzip
import html
import io
import re
import socket
import sys
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class names it so)
        pass


# GitHub Pages (through its CDN) compresses these and leaves images and PDFs as they are.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
# What GitHub Pages sends on every file: ten minutes.
CACHE_CONTROL = "max-age=600"


class PagesHandler(QuietHandler):
    """Serves a built site the way GitHub Pages does, under `prefix` (the path of its site_url).

    A missing path answers 404 with the site's 404.html, a folder without its slash is redirected,
    text is gzip-compressed for browsers that accept it, and files carry GitHub Pages' cache time.
    """

    prefix = "/"
    # Persistent connections, as any real host has: HTTP/1.0's connection per request would make
    # Lighthouse's simulated slow 4G pay a handshake for every file.
    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = urllib.parse.urlsplit(self.path).path
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return self._not_found()
        local = Path(self.translate_path("/" + path[len(self.prefix) :]))
        if local.is_dir():
            if not path.endswith("/"):
                # Also "/aws-notes" -> "/aws-notes/": a project site's root without its slash.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                parts = urllib.parse.urlsplit(self.path)
                self.send_header("Location", urllib.parse.urlunsplit(("", "", parts.path + "/", parts.query, "")))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            local = local / "index.html"
        if not local.is_file():
            return self._not_found()
        return self._send_file(local, HTTPStatus.OK)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if page.is_file():
            return self._send_file(page, HTTPStatus.NOT_FOUND)
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def _send_file(self, local: Path, status: HTTPStatus):
        body = local.read_bytes()
        content_type = self.guess_type(str(local))
        compress = content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            # Level 6: what CDNs use on the fly; `make weight` reports the -9 figure.
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("Last-Modified", email.utils.formatdate(local.stat().st_mtime, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)


CANONICAL = re.compile(r'<link\s+rel="canonical"\s+href="([^"]+)"')


def built_site_url(site_dir: Path) -> str | None:
    """The site_url the site was built with: the home page's canonical link is site_url itself."""
    home = (site_dir / "index.html").read_text(encoding="utf-8", errors="replace")
    found = CANONICAL.search(home)
    return html.unescape(found.group(1)) if found else None


class QuietServer(ThreadingHTTPServer):
    """A browser that drops a connection it no longer needs (Lighthouse, Chromium closing a tab) is
    not an error worth a traceback in the output."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_directory(
    folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietHandler, port: int = 0
) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (on `port`, or a free one) until the block ends, also when it
    ends by an error.

    Yields the base URL, ending in '/'.
    """
    server = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str:
    """The text at `url`, or "" while nothing answers there (a server starting, or rebuilding)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""
