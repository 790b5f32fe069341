"""`make weight`: the bytes a first visit to each page loads, raw and gzipped, beside an empty Material page,
and the size of the offline copy (tools/offline_size.py).

    python -m tools.weight SITE_DIR [--no-baseline]

For every HTML page of SITE_DIR, a first visit (empty cache) loads:

  html    the page itself;
  css     every <link rel="stylesheet"> (print ones too: browsers fetch them on load, at low priority);
  js      every <script src>;
  font    the font files the page's stylesheets declare (@font-face) that a visit fetches: the ones
          the page preloads, and the others where the page has text that selects them (an italic
          face where it has <em> or <i>, the code font where it has <code>, <kbd> or <pre>);
  search  Material's search worker and search/search_index.json: the worker is started, and the
          index fetched, as soon as a page loads, not when the reader first types, so both count;
  other   the favicon, <img> sources, and sitemap.xml, which Material's instant navigation
          fetches on load to tell the site's own links from outside ones.

Each file is counted once per page, raw and compressed with gzip -9 (what a browser receives from
a host that compresses text, as GitHub Pages does; fonts and images, compressed already, count raw
in both). Outside URLs and data: URIs are not counted; of the url() references inside CSS only the
@font-face sources are followed.

The baseline is an empty Material page: a throw-away project that INHERITs mkdocs.yml (the same
theme, palette, features, Markdown extensions and search plugin, so the same Material CSS and JS)
with one near-empty index.md and none of our hooks, template overrides, CSS or JavaScript. What a
page weighs beyond it is our content plus our own assets.

"Our own CSS and JavaScript" is every stylesheet and script a page loads that the Material theme
package does not ship, whatever its name or folder; each file is counted once for the whole site.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("html", "css", "js", "font", "search", "other")
FONT_FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")
FONT_SOURCE = re.compile(r"""url\(\s*["']?(?P<url>[^"')]+)["']?\s*\)""")
CODE_FONT = re.compile(r"--md-code-font:\s*[\"']?(?P<family>[^\"';]+)")
# The elements that select an italic face, and the code font, in Material's stylesheet.
ITALIC_TEXT = ["em", "i", "cite", "dfn", "var"]
CODE_TEXT = ["code", "kbd", "pre", "samp"]
# The gate in tests/test_page_weight.py: our CSS and JavaScript together, gzipped, in bytes.
OWN_BUDGET = 15_000


def gzip_size(data: bytes) -> int:
    # mtime=0: the same bytes give the same size on every run.
    return len(gzip.compress(data, compresslevel=9, mtime=0))


# Compressed formats a host sends as they are (GitHub Pages compresses only text): raw in both columns.
PRECOMPRESSED = (".woff2", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")


@functools.cache
def _sizes(path: str, modified_ns: int) -> tuple[int, int]:
    data = Path(path).read_bytes()
    return len(data), len(data) if path.lower().endswith(PRECOMPRESSED) else gzip_size(data)


def file_sizes(file: Path) -> tuple[int, int]:
    """(raw, gzip -9) bytes of `file`, compressed once however many pages load it (Material's CSS,
    JavaScript and search index are on every page); a changed file is measured again."""
    return _sizes(str(file.resolve()), file.stat().st_mtime_ns)


@dataclass(frozen=True)
class Asset:
    path: str  # relative to the site root, POSIX
    kind: str
    raw: int
    gzipped: int


@dataclass
class PageWeight:
    page: str  # the page's path in the site, "/" or "compute/" or "404.html"
    assets: list[Asset] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)  # URLs a visit loads from elsewhere (not counted)

    def total(self, kind: str | None = None, *, gzipped: bool = False) -> int:
        chosen = [a for a in self.assets if kind is None or a.kind == kind]
        return sum(a.gzipped if gzipped else a.raw for a in chosen)


def site_root(soup: BeautifulSoup, page_rel: PurePosixPath) -> urllib.parse.SplitResult | None:
    """The site's root URL, from the page's canonical link (which ends with the page's own folder)."""
    canonical = soup.find("link", rel="canonical")
    if canonical is None or not canonical.get("href"):
        return None
    url = urllib.parse.urlsplit(canonical["href"])
    page_dir = "" if str(page_rel.parent) == "." else f"{page_rel.parent}/"
    if not url.path.endswith("/" + page_dir):
        return None
    return url._replace(path=url.path[: len(url.path) - len(page_dir)], query="", fragment="")


def resolve(site_dir: Path, page_rel: PurePosixPath, href: str, root=None) -> str | None:
    """The site-relative file that `href`, written in the page at `page_rel`, loads; "" for a data:
    URI, None for anything outside the site.

    Relative links resolve against the page's folder, as a browser does. Absolute ones are the
    site's own only on its root URL (`root`, from site_root) or, without one, at the host's root.
    """
    parts = urllib.parse.urlsplit(href.strip())
    if parts.scheme == "data":
        return ""
    root_path = root.path if root is not None else "/"
    other_host = root is None or (parts.scheme, parts.netloc) != (root.scheme, root.netloc)
    if (parts.scheme or parts.netloc) and other_host:
        return None
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        if not parts.path.startswith(root_path):
            return None
        target = urllib.parse.unquote(parts.path[len(root_path) :])
    elif parts.path:
        target = f"{page_rel.parent}/{urllib.parse.unquote(parts.path)}"
    else:
        return None
    normal = posixpath.normpath(target) if target else "."
    if normal.startswith(".."):
        return None
    if normal == ".":
        return "index.html"
    return posixpath.join(normal, "index.html") if (site_dir / normal).is_dir() else normal


def loaded_by(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """(kind, href) of what the page's markup makes the browser fetch on load, in document order."""
    found: list[tuple[str, str]] = []
    for tag in soup.find_all(["link", "script", "img"]):
        rel = [value.lower() for value in tag.get("rel", [])]
        if tag.name == "link" and "stylesheet" in rel and tag.get("href"):
            found.append(("css", tag["href"]))
        elif tag.name == "link" and "icon" in rel and tag.get("href"):
            found.append(("other", tag["href"]))
        elif tag.name == "link" and {"preload", "modulepreload"} & set(rel) and tag.get("href"):
            preloaded = {"style": "css", "script": "js", "font": "font"}.get(tag.get("as", ""))
            kind = preloaded or ("js" if "modulepreload" in rel else "other")
            found.append((kind, tag["href"]))
        elif tag.name == "script" and tag.get("src"):
            found.append(("js", tag["src"]))
        elif tag.name == "img" and tag.get("src") and tag.get("loading") != "lazy":
            found.append(("other", tag["src"]))
    return found


def material_fetches(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """What Material's JavaScript fetches on load, read from the page's own __config."""
    script = soup.find("script", id="__config")
    if script is None or not script.string:
        return []
    config = json.loads(script.string)
    base = (config.get("base") or ".").rstrip("/")
    found = []
    if config.get("search"):
        found.append(("search", config["search"]))
        found.append(("search", f"{base}/search/search_index.json"))
    if "navigation.instant" in (config.get("features") or []):
        found.append(("other", f"{base}/sitemap.xml"))
    return found


@dataclass(frozen=True)
class FontFace:
    family: str
    style: str
    source: str  # relative to the site root


def font_faces(css: str, css_path: str) -> list[FontFace]:
    """The @font-face rules of a stylesheet at `css_path` (site-relative), sources resolved."""
    faces = []
    for rule in FONT_FACE.finditer(css):
        descriptors = dict(
            (name.strip().lower(), value.strip().strip("\"'"))
            for name, _, value in (part.partition(":") for part in rule["body"].split(";"))
            if value
        )
        source = FONT_SOURCE.search(rule["body"])
        if source and "://" not in source["url"] and not source["url"].startswith("data:"):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(css_path), source["url"]))
            faces.append(FontFace(descriptors.get("font-family", ""), descriptors.get("font-style", "normal"), path))
    return faces


@functools.cache
def _stylesheet_fonts(file: str, css_path: str, modified_ns: int) -> tuple[tuple[FontFace, ...], str | None]:
    text = Path(file).read_text(encoding="utf-8", errors="replace")
    code_font = CODE_FONT.search(text)
    return tuple(font_faces(text, css_path)), code_font["family"].strip() if code_font else None


def stylesheet_fonts(site_dir: Path, css_path: str) -> tuple[tuple[FontFace, ...], str | None]:
    """A stylesheet's @font-face rules and the code font it names, read once however many pages
    load it (every page loads the same few); a changed file is read again."""
    file = site_dir / css_path
    return _stylesheet_fonts(str(file.resolve()), css_path, file.stat().st_mtime_ns)


def fonts_fetched(site_dir: Path, soup: BeautifulSoup, stylesheets: list[str]) -> list[str]:
    """The font files a visit fetches: those whose face the page's text selects (see the module
    docstring), from the @font-face rules of the page's stylesheets."""
    declared = {path: stylesheet_fonts(site_dir, path) for path in stylesheets}
    code_family = next((code for _, code in declared.values() if code), None)
    has_italic, has_code = soup.find(ITALIC_TEXT) is not None, soup.find(CODE_TEXT) is not None
    fetched = []
    for faces, _ in declared.values():
        for face in faces:
            is_code = face.family == code_family
            if (is_code and has_code) or (not is_code and (face.style == "normal" or has_italic)):
                fetched.append(face.source)
    return fetched


def first_visit(site_dir: Path, html_file: Path, root=None) -> PageWeight:
    """Everything a first visit to `html_file` loads from the site, each file once.

    `root`: the site's root URL, for pages without a canonical link of their own (404.html, whose
    links are absolute because it answers for any path).
    """
    page_rel = PurePosixPath(html_file.relative_to(site_dir).as_posix())
    html = html_file.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    root = site_root(soup, page_rel) or root
    label = str(page_rel.parent) + "/" if page_rel.name == "index.html" else str(page_rel)
    weight = PageWeight("/" if label == "./" else label)
    weight.assets.append(Asset(str(page_rel), "html", len(html), gzip_size(html)))
    seen = {str(page_rel)}
    for kind, href in [*loaded_by(soup), *material_fetches(soup)]:
        target = resolve(site_dir, page_rel, href, root)
        if target is None:
            weight.outside.append(href)
            continue
        if target == "" or target in seen:
            continue
        seen.add(target)
        file = site_dir / target
        if not file.is_file():
            raise FileNotFoundError(f"{page_rel} loads {href}, which the site does not have ({target})")
        weight.assets.append(Asset(target, kind, *file_sizes(file)))
    stylesheets = [a.path for a in weight.assets if a.kind == "css"]
    for target in fonts_fetched(site_dir, soup, stylesheets):
        if target in seen:
            continue
        seen.add(target)
        if not (site_dir / target).is_file():
            raise FileNotFoundError(f"{page_rel}'s stylesheets declare {target}, which the site does not have")
        weight.assets.append(Asset(target, "font", *file_sizes(site_dir / target)))
    return weight


def site_weights(site_dir: Path) -> list[PageWeight]:
    """First-visit weight of every HTML page of the site, home first, then by path."""
    home = site_dir / "index.html"
    root = site_root(BeautifulSoup(home.read_bytes(), "html.parser"), PurePosixPath("index.html"))
    pages = sorted(site_dir.rglob("*.html"), key=lambda p: (p != home, p.as_posix()))
    return [first_visit(site_dir, page, root) for page in pages]


def theme_files() -> set[str]:
    """Site-relative paths of every file the Material theme ships (its templates folder)."""
    import material

    templates = Path(material.__file__).parent / "templates"
    return {p.relative_to(templates).as_posix() for p in templates.rglob("*") if p.is_file()}


def own_assets(weights: list[PageWeight], theme: set[str] | None = None) -> list[Asset]:
    """Our own CSS and JavaScript: what any page loads that the theme does not ship, each file once."""
    theme = theme_files() if theme is None else theme
    own: dict[str, Asset] = {}
    for weight in weights:
        for asset in weight.assets:
            if asset.kind in ("css", "js") and asset.path not in theme:
                own.setdefault(asset.path, asset)
    return sorted(own.values(), key=lambda a: a.path)


def unloaded_own_files(site_dir: Path, own: list[Asset], theme: set[str] | None = None) -> list[str]:
    """CSS and JavaScript files in the site, not the theme's, that no page loads: dead weight or a missed link."""
    theme = theme_files() if theme is None else theme
    loaded = {a.path for a in own}
    found = []
    for file in sorted(site_dir.rglob("*")):
        rel = file.relative_to(site_dir).as_posix()
        if file.suffix in (".css", ".js") and rel not in theme and rel not in loaded:
            found.append(rel)
    return found


def build_baseline(config_file: Path, workdir: Path) -> Path:
    """Build the empty Material page (see the module docstring) in `workdir`; returns its site folder."""
    project = workdir / "empty-material"
    (project / "docs").mkdir(parents=True)
    # An empty custom_dir: the theme itself, without our template overrides.
    (project / "overrides").mkdir()
    (project / "docs" / "index.md").write_text("# Empty page\n\nOne line of text.\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        f"INHERIT: {json.dumps(str(config_file.resolve()))}\n"
        "docs_dir: docs\n"
        "nav:\n  - Home: index.md\n"
        "hooks: []\nwatch: []\nextra_css: []\nextra_javascript: []\n"
        "theme:\n  custom_dir: overrides\n",
        encoding="utf-8",
    )
    site = workdir / "empty-material-site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # No --quiet: in MkDocs 1.6.1 it hides warnings from --strict, which would then pass anything.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    completed = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
    if completed.returncode != 0:
        raise SystemExit(f"the empty Material page did not build:\n{completed.stderr}")
    return site


def kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def table(rows: list[PageWeight], baseline: PageWeight | None = None) -> str:
    """One line per page: each kind and the total as raw/gzipped kB (1 kB = 1,000 bytes), and what
    the page adds, gzipped, to the baseline's total."""
    rows = [*rows, baseline] if baseline else rows
    width = max(len(r.page) for r in rows) + 2
    columns = (*KINDS, "total", *(("vs empty",) if baseline else ()))
    units = ["raw/gz kB"] * (len(KINDS) + 1) + (["+gz kB"] if baseline else [])
    header = f"{'page':<{width}}" + "".join(f"{c:>14}" for c in columns)
    lines = [header, f"{'':<{width}}" + "".join(f"{u:>14}" for u in units), "-" * len(header)]
    for r in rows:
        cells = [f"{kb(r.total(k))}/{kb(r.total(k, gzipped=True))}" for k in KINDS]
        cells.append(f"{kb(r.total())}/{kb(r.total(gzipped=True))}")
        if baseline:
            added = r.total(gzipped=True) - baseline.total(gzipped=True)
            cells.append("" if r is baseline else f"+{kb(added)}")
        lines.append(f"{r.page:<{width}}" + "".join(f"{c:>14}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="for the empty Material page")
    parser.add_argument("--no-baseline", action="store_true", help="skip building the empty Material page")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").exists():
        print(f"{args.site_dir} holds no built site (index.html missing): run `make weight`", file=sys.stderr)
        return 2

    weights = site_weights(args.site_dir)
    baseline = None
    if not args.no_baseline:
        workdir = Path(tempfile.mkdtemp(prefix="page-weight-"))
        try:
            baseline = first_visit(build_baseline(args.config, workdir), workdir / "empty-material-site" / "index.html")
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        baseline.page = "(empty Material page)"

    print("First visit, empty cache: every file each page loads from the site, raw/gzip -9, in kB.")
    print("search = Material's search worker + search/search_index.json, counted: both load with every page.")
    print("Empty Material page: same theme, Markdown and plugins; none of our hooks, overrides, CSS or JS.")
    print()
    print(table(weights, baseline))
    outside = sorted({url for w in weights for url in w.outside})
    if outside:
        print("\nloaded from elsewhere (not counted): " + ", ".join(outside))

    own = own_assets(weights)
    raw, gz = sum(a.raw for a in own), sum(a.gzipped for a in own)
    print("\nOur own CSS and JavaScript (every stylesheet and script pages load that Material does not ship):")
    for asset in own:
        print(f"  {asset.path:<40} {asset.raw:>8,} B raw {asset.gzipped:>8,} B gzipped")
    verdict = "within" if gz < OWN_BUDGET else "OVER"
    print(f"  {'total':<40} {raw:>8,} B raw {gz:>8,} B gzipped: {verdict} the {OWN_BUDGET:,} B budget")
    unloaded = unloaded_own_files(args.site_dir, own)
    if unloaded:
        print("  in the site but loaded by no page (not counted): " + ", ".join(unloaded))
    from tools.offline_size import report  # it measures with this module's file_sizes

    offline_lines, offline_within = report(args.site_dir)
    print(offline_lines)
    return 0 if gz < OWN_BUDGET and offline_within else 1


if __name__ == "__main__":
    raise SystemExit(main())
