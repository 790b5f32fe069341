"""The page-weight gate: our own CSS and JavaScript stay under 15 KB gzipped, and the byte counting is right."""

from __future__ import annotations

import gzip
from pathlib import Path, PurePosixPath

import pytest
from mkdocs.config import load_config

from tools.weight import (
    OWN_BUDGET,
    first_visit,
    own_assets,
    resolve,
    site_weights,
    unloaded_own_files,
)

ROOT = Path(__file__).resolve().parents[1]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def test_own_css_and_js_within_budget(site_dir, record_property):
    own = own_assets(site_weights(site_dir))
    total = sum(asset.gzipped for asset in own)
    record_property("summary", f"own CSS + JS: {len(own)} files, {total:,} B gzipped (budget {OWN_BUDGET:,} B)")
    listing = "\n".join(f"  {a.path}: {a.gzipped:,} B gzipped" for a in own)
    assert own, "no page loads any CSS or JavaScript of our own: the theme check is broken"
    assert total < OWN_BUDGET, f"our CSS and JavaScript weigh {total:,} B gzipped, over {OWN_BUDGET:,} B:\n{listing}"


def test_every_configured_asset_is_in_the_budget(site_dir):
    """Whatever its name: each local extra_css / extra_javascript file counts as ours."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    configured = [str(getattr(item, "path", item)) for item in [*config.extra_css, *config.extra_javascript]]
    local = {path for path in configured if "://" not in path and not path.startswith("//")}
    counted = {asset.path for asset in own_assets(site_weights(site_dir))}
    assert local <= counted, f"configured but not counted: {sorted(local - counted)}"


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture
def tiny_site(tmp_path) -> tuple[Path, dict[str, bytes]]:
    """A hand-made site deployed at https://example.org/notes/, Material-like: a theme folder, our files."""
    site = tmp_path / "site"
    home = b"""<!doctype html><html><head>
<link rel="canonical" href="https://example.org/notes/">
<link rel="icon" href="assets/favicon.png">
<link rel="stylesheet" href="assets/theme.css">
<link rel="stylesheet" href="css/own.css" media="print">
<link rel="preload" href="fonts/text.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="https://cdn.example.com/x.css">
<link rel="stylesheet" href="data:text/css,body{}">
<link rel="next" href="sub/">
<script id="__config" type="application/json">
{"base": ".", "search": "assets/worker.js", "features": ["navigation.instant"]}</script>
</head><body><p>Hello</p>
<script src="js/own.js"></script><script src="js/own.js"></script><script>var inline = 1;</script>
</body></html>"""
    sub = b"""<!doctype html><html><head>
<link rel="canonical" href="https://example.org/notes/sub/">
<link rel="stylesheet" href="../assets/theme.css">
<link rel="stylesheet" href="../css/own.css">
<script id="__config" type="application/json">{"base": "..", "search": "../assets/worker.js", "features": []}</script>
</head><body>
<img src="../img/pic.png" alt=""><img src="../img/later.png" loading="lazy" alt="">
<p><em>Italic</em> and <code>code</code></p>
<script src="https://example.org/notes/js/other.js"></script><script src="/notes/js/own.js"></script>
</body></html>"""
    files = {
        "index.html": home,
        "sub/index.html": sub,
        "assets/theme.css": b"body { color: black; margin: 0; padding: 0 }\n" * 40,
        "assets/favicon.png": bytes(range(256)),
        "assets/worker.js": b"self.onmessage = function (e) { postMessage(e.data) }\n" * 20,
        "css/own.css": b".own { color: red }\n" * 30
        + b"""@font-face { font-family: "Text"; font-style: normal; src: url("../fonts/text.woff2") format("woff2"); }
@font-face { font-family: "Text"; font-style: italic; src: url('../fonts/text-italic.woff2'); }
@font-face { font-family: "Code"; src: url(../fonts/code.woff2) format("woff2"); }
@font-face { font-family: "Elsewhere"; src: url(https://cdn.example.com/x.woff2); }
:root { --md-text-font: "Text"; --md-code-font: "Code" }
""",
        "fonts/text.woff2": b"wOF2" + bytes(300),
        "fonts/text-italic.woff2": b"wOF2" + bytes(200),
        "fonts/code.woff2": b"wOF2" + bytes(100),
        "js/own.js": b"console.log('own');\n" * 25,
        "js/other.js": b"console.log('other');\n" * 10,
        "js/unused.js": b"console.log('never loaded');\n",
        "search/search_index.json": b'{"docs": [{"location": "", "text": "hello hello hello"}]}',
        "sitemap.xml": b"<urlset><url><loc>https://example.org/notes/</loc></url></urlset>",
        "img/pic.png": b"\x89PNG" + bytes(100),
        "img/later.png": b"\x89PNG" + bytes(50),
    }
    for name, data in files.items():
        write(site / name, data)
    return site, files


def test_first_visit_counts_every_file_once(tiny_site):
    site, files = tiny_site
    weight = first_visit(site, site / "index.html")
    assert weight.page == "/"
    assert [(a.path, a.kind) for a in weight.assets] == [
        ("index.html", "html"),
        ("assets/favicon.png", "other"),
        ("assets/theme.css", "css"),
        ("css/own.css", "css"),  # print stylesheets are fetched on load too
        ("fonts/text.woff2", "font"),  # preloaded
        ("js/own.js", "js"),  # twice in the page, fetched once
        ("assets/worker.js", "search"),
        ("search/search_index.json", "search"),
        ("sitemap.xml", "other"),  # navigation.instant
        # no italic and no code on the page: neither face is fetched
    ]
    for asset in weight.assets:
        assert asset.raw == len(files[asset.path])
        compressed_already = asset.path.endswith((".png", ".woff2"))
        assert asset.gzipped == (asset.raw if compressed_already else gz(files[asset.path])), asset.path
    assert weight.outside == ["https://cdn.example.com/x.css"]
    assert weight.total("css") == len(files["assets/theme.css"]) + len(files["css/own.css"])
    assert weight.total(gzipped=True) == sum(a.gzipped for a in weight.assets)
    assert weight.total("font") == len(files["fonts/text.woff2"])


def test_first_visit_resolves_relative_and_absolute_links(tiny_site):
    site, files = tiny_site
    weight = first_visit(site, site / "sub" / "index.html")
    assert weight.page == "sub/"
    assert [(a.path, a.kind) for a in weight.assets] == [
        ("sub/index.html", "html"),
        ("assets/theme.css", "css"),
        ("css/own.css", "css"),
        ("img/pic.png", "other"),  # the lazy image waits for scrolling: not a first-visit byte
        ("js/other.js", "js"),  # absolute, on the site's own URL
        ("js/own.js", "js"),  # root-relative, under the site's path
        ("assets/worker.js", "search"),
        ("search/search_index.json", "search"),
        # its <em> and <code> select the italic face and the code font; the outside one is not counted
        ("fonts/text.woff2", "font"),
        ("fonts/text-italic.woff2", "font"),
        ("fonts/code.woff2", "font"),
    ]


def test_own_assets_are_what_the_theme_does_not_ship(tiny_site):
    site, files = tiny_site
    weights = site_weights(site)
    assert [w.page for w in weights] == ["/", "sub/"]
    theme = {"assets/theme.css", "assets/worker.js", "assets/favicon.png"}
    own = own_assets(weights, theme)
    assert [a.path for a in own] == ["css/own.css", "js/other.js", "js/own.js"]
    assert sum(a.gzipped for a in own) == sum(gz(files[a.path]) for a in own)
    assert unloaded_own_files(site, own, theme) == ["js/unused.js"]


@pytest.mark.parametrize(
    ("page", "href", "expected"),
    [
        ("index.html", "css/a.css", "css/a.css"),
        ("sub/index.html", "../css/a.css?v=1#x", "css/a.css"),
        ("sub/index.html", "https://example.org/notes/css/a.css", "css/a.css"),
        ("sub/index.html", "/notes/css/a.css", "css/a.css"),
        ("sub/index.html", "/elsewhere/a.css", None),
        ("sub/index.html", "https://example.org/elsewhere/a.css", None),
        ("sub/index.html", "http://example.org/notes/css/a.css", None),
        ("sub/index.html", "../../up.css", None),
        ("sub/index.html", "data:text/css,x", ""),
        ("sub/index.html", "../", "index.html"),
    ],
)
def test_resolve(tmp_path, page, href, expected):
    from urllib.parse import urlsplit

    assert resolve(tmp_path, PurePosixPath(page), href, urlsplit("https://example.org/notes/")) == expected


@pytest.mark.browser
def test_make_weight_counts_the_fonts_chromium_fetches(browser, site_url, site_dir):
    """`make weight` reads from the markup which faces a page needs; Chromium is the judge."""
    for path in ("", "compute/", "storage/", "glossary/", "study/"):
        context = browser.new_context()  # an empty cache: a first visit
        tab = context.new_page()
        fetched = []
        tab.on(
            "requestfinished",
            lambda request, fetched=fetched: request.url.endswith(".woff2") and fetched.append(request.url),
        )
        tab.goto(site_url + path, wait_until="networkidle")
        tab.evaluate("document.fonts.ready.then(() => true)")
        context.close()
        counted = [a.path for a in first_visit(site_dir, site_dir / path / "index.html").assets if a.kind == "font"]
        assert sorted(url.removeprefix(site_url) for url in fetched) == sorted(counted), path or "/"
