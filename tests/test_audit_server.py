"""The `make audit` server answers like GitHub Pages, so Lighthouse judges what readers get."""

from __future__ import annotations

import gzip
import http.client
import urllib.parse
from pathlib import Path

import pytest

from tools.audit.lighthouse import failing_audits, serve_site
from tools.serve import built_site_url


def make_site(folder: Path, url: str) -> Path:
    (folder / "compute").mkdir(parents=True)
    (folder / "index.html").write_text(
        f'<!doctype html><title>Home</title><link rel="canonical" href="{url}">' + "<p>notes</p>" * 200
    )
    (folder / "compute" / "index.html").write_text("<!doctype html><title>Compute</title>")
    (folder / "404.html").write_text("<!doctype html><title>Not found</title>")
    (folder / "favicon.png").write_bytes(b"\x89PNG" + bytes(64))
    return folder


def get(base: str, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


@pytest.fixture
def served(tmp_path):
    site = make_site(tmp_path / "site", "https://example.org/notes/")
    with serve_site(site) as (base, warning):
        yield base, warning


def test_site_url_is_read_back_from_the_home_pages_canonical_link(tmp_path):
    assert built_site_url(make_site(tmp_path, "http://127.0.0.1:8642/notes/")) == "http://127.0.0.1:8642/notes/"


def test_a_site_built_for_another_host_is_served_with_a_warning(served):
    base, warning = served
    assert base.startswith("http://127.0.0.1:")
    assert "SITE_URL" in warning


def test_pages_are_gzipped_for_browsers_that_accept_it(served):
    base, _ = served
    response = get(base, "/", {"Accept-Encoding": "gzip, deflate"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Cache-Control") == "max-age=600"
    assert gzip.decompress(response.body).startswith(b"<!doctype html><title>Home</title>")
    plain = get(base, "/")
    assert plain.getheader("Content-Encoding") is None and plain.body.startswith(b"<!doctype html>")
    image = get(base, "/favicon.png", {"Accept-Encoding": "gzip"})
    assert image.getheader("Content-Encoding") is None


def test_a_missing_path_gets_the_sites_404_page(served):
    base, _ = served
    response = get(base, "/robots.txt")
    assert response.status == 404
    assert b"Not found" in response.body


def test_a_folder_without_its_slash_is_redirected(served):
    base, _ = served
    response = get(base, "/compute?x=1")
    assert response.status == 301
    assert response.getheader("Location") == "/compute/?x=1"


def test_a_local_site_url_is_served_at_its_own_port_and_path(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = make_site(tmp_path / "site", f"http://127.0.0.1:{port}/notes/")
    with serve_site(site) as (base, warning):
        assert (base, warning) == (f"http://127.0.0.1:{port}/notes/", None)
        assert get(base, "/notes/compute/").status == 200
        assert get(base, "/compute/").status == 404  # outside the site's path
        assert get(base, "/notes").getheader("Location") == "/notes/"


def test_failing_audits_name_what_cost_points():
    report = {
        "categories": {
            "seo": {"auditRefs": [{"id": "robots-txt", "weight": 1}, {"id": "link-text", "weight": 1}]},
            "performance": {"auditRefs": [{"id": "fcp", "weight": 10}, {"id": "unused-css", "weight": 0}]},
        },
        "audits": {
            "robots-txt": {"title": "robots.txt is not valid", "score": 0, "scoreDisplayMode": "binary"},
            "link-text": {"title": "Links have descriptive text", "score": 1, "scoreDisplayMode": "binary"},
            "fcp": {"title": "FCP", "score": 0.8, "scoreDisplayMode": "numeric", "displayValue": "2s"},
            "unused-css": {
                "title": "Reduce unused CSS",
                "score": 0.5,
                "scoreDisplayMode": "metricSavings",
                "details": {"items": [{"url": "http://x/main.css"}]},
            },
        },
    }
    assert failing_audits(report, "seo") == ["robots.txt is not valid"]
    assert failing_audits(report, "performance") == ["FCP (2s)", "Reduce unused CSS: http://x/main.css"]
