"""The offline copy without a browser: which files it keeps (notekit.offline), the build's name, the
published worker, what `mkdocs serve` gets instead (hooks/offline.py), and the web app manifest."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
from pathlib import Path
from types import SimpleNamespace

import pytest
from notekit import offline
from support import DOCS, ROOT

from tools.icons import INDIGO


def test_pages_assets_search_and_glossary_are_kept():
    paths = ["index.html", "compute/index.html", "404.html", "assets/javascripts/bundle.1.min.js",
             "assets/javascripts/workers/search.2.min.js", "search/search_index.json", "glossary.json",
             "sitemap.xml", "fonts/roboto.woff2", "manifest.json", "assets/icons/icon-192.png"]  # fmt: skip
    assert offline.kept_files(paths) == sorted(paths)


@pytest.mark.parametrize(
    "path",
    [
        "sw.js",
        "pdf/compute.pdf",
        "assets/javascripts/bundle.1.min.js.map",
        "sitemap.xml.gz",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "glossary/index.html.partial",
    ],  # fmt: skip
)
def test_what_no_page_loads_is_left_out(path):
    assert not offline.is_kept(path)


def test_search_languages_are_kept_for_a_site_in_another_language():
    assert offline.is_kept("assets/javascripts/lunr/min/lunr.de.min.js", other_search_languages=True)
    assert not offline.is_kept("pdf/compute.pdf", other_search_languages=True)


def test_the_list_is_the_same_whatever_order_the_files_were_found_in():
    assert offline.kept_files(["b.html", "a.css", "c/index.html"]) == offline.kept_files(
        ["c/index.html", "a.css", "b.html"]
    )


def test_the_build_name_follows_every_byte_and_every_name():
    site = {"index.html": b"<p>one</p>", "a.css": b"p{}"}
    name = offline.build_name(site)
    assert name == offline.build_name(dict(reversed(site.items()))), "the order of the files counts"
    assert len(name) == 16 and int(name, 16) >= 0
    assert offline.build_name({**site, "a.css": b"p{ }"}) != name
    assert offline.build_name({**site, "b.css": b"p{}"}) != name
    assert offline.build_name({"index.html": b"<p>one</p>", "b.css": b"p{}"}) != name, "a renamed file counts"
    # A name and content that run together must not pass for another split of the same bytes.
    assert offline.build_name({"ab": b"c"}) != offline.build_name({"a": b"bc"})
    digests = {path: hashlib.sha256(data).digest() for path, data in site.items()}
    assert offline.build_name_of_digests(digests) == name, "named one file at a time, the same name"


def test_the_published_worker_is_its_source_after_one_line_that_reads_back():
    source = (DOCS / offline.WORKER_SOURCE).read_text(encoding="utf-8")
    script = offline.worker_script(source, "0123456789abcdef", ["index.html", "glossary.json"])
    first, rest = script.split("\n", 1)
    assert first.startswith("const PRECACHE = ") and rest == source
    assert offline.precache_of(script) == {"build": "0123456789abcdef", "files": ["index.html", "glossary.json"]}
    assert offline.precache_of(source) is None
    assert "PRECACHE.files" in source and "PRECACHE.build" in source


def load_hook():
    spec = importlib.util.spec_from_file_location("offline_hook", ROOT / "hooks" / "offline.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


def config_with(site_dir: Path):
    scripts = ["javascripts/study.js", "javascripts/offline.js"]
    return SimpleNamespace(extra_javascript=scripts, extra={}, site_dir=str(site_dir))


def test_under_mkdocs_serve_no_page_registers_and_sw_js_retires_a_left_worker(tmp_path):
    hook = load_hook()
    hook.on_startup(command="serve", dirty=True)
    config = hook.on_config(config_with(tmp_path))
    assert config.extra_javascript == ["javascripts/study.js"]
    assert config.extra["offline"] is False
    hook.on_post_build(config)
    worker = (tmp_path / offline.WORKER).read_text(encoding="utf-8")
    assert worker == offline.RETIRING_WORKER and "unregister()" in worker


def test_a_build_keeps_the_registration_and_the_manifest():
    hook = load_hook()
    hook.on_startup(command="build", dirty=False)
    config = hook.on_config(config_with(Path("unused")))
    assert config.extra_javascript == ["javascripts/study.js", "javascripts/offline.js"]
    assert config.extra["offline"] is True


def test_the_site_registers_the_worker_and_loads_the_notice_styles_only_for_the_notice():
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert "hooks/offline.py" in config["hooks"]
    assert "javascripts/offline.js" in [str(script) for script in config.extra_javascript]
    # offline.js loads the notice's styles when it shows the notice: they hold up no first paint.
    assert "stylesheets/offline.css" not in [str(sheet) for sheet in config.extra_css]


# -- The web app manifest (docs/manifest.json) --------------------------------------------------

MANIFEST = json.loads((DOCS / "manifest.json").read_text(encoding="utf-8"))


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's header (its IHDR chunk)."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_the_manifest_names_the_app_and_stays_under_the_site_path():
    assert MANIFEST["name"] == "AWS Notes" and 0 < len(MANIFEST["short_name"]) <= 12
    for key in ("start_url", "scope"):
        assert MANIFEST[key] == "./", f"{key} must be relative: the site may live under a sub-path"
    # Chromium resolves a relative id against the host's root: every project site of a GitHub
    # user would be one app. Without an id, the app is its start URL.
    assert "id" not in MANIFEST
    assert MANIFEST["display"] == "standalone"
    assert MANIFEST["theme_color"].lower() == INDIGO


def test_every_icon_exists_at_its_declared_size():
    for icon in MANIFEST["icons"]:
        path = DOCS / icon["src"]
        assert not icon["src"].startswith(("/", "http")), icon
        assert path.is_file(), f"{icon['src']} is missing: run `make icons`"
        width, height = png_size(path)
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png", icon


def test_the_sizes_browsers_ask_for_are_there_both_plain_and_maskable():
    declared = {(icon["sizes"], icon.get("purpose", "any")) for icon in MANIFEST["icons"]}
    for size in ("192x192", "512x512"):
        assert {(size, "any"), (size, "maskable")} <= declared, declared
    assert png_size(DOCS / "assets" / "icons" / "apple-touch-icon.png") == (180, 180)


# -- `make weight`'s line for the offline copy (tools/offline_size.py) ----------------------------


def test_make_weight_measures_the_offline_copy_and_fails_it_over_budget(tmp_path, monkeypatch):
    from tools import offline_size

    (tmp_path / "index.html").write_bytes(b"<p>" + b"note " * 200 + b"</p>")
    (tmp_path / "icon.png").write_bytes(bytes(range(256)))
    (tmp_path / "sw.js").write_text(offline.worker_script("// worker\n", "0" * 16, ["icon.png", "index.html"]))
    copy = offline_size.offline_copy(tmp_path)
    assert (copy.files, copy.raw) == (2, 256 + 1007)
    assert 256 < copy.gzipped < 256 + 1007, "text is counted gzipped, a PNG as it is"
    text, within = offline_size.report(tmp_path)
    assert within and "2 files" in text and "within" in text
    monkeypatch.setattr(offline_size, "BUDGET", copy.gzipped)
    text, within = offline_size.report(tmp_path)
    assert not within and "OVER" in text
    (tmp_path / "icon.png").unlink()
    with pytest.raises(FileNotFoundError, match="icon.png"):
        offline_size.offline_copy(tmp_path)


def test_make_weight_fails_a_site_without_an_offline_copy(tmp_path):
    from tools import offline_size

    text, within = offline_size.report(tmp_path)
    assert not within and "none" in text
