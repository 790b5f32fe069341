"""The site's own fonts: copies of the pinned packages, declared once, and the only fonts any page draws."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from support import DOCS, ROOT

FONTS = DOCS / "fonts"
FONTS_CSS = DOCS / "stylesheets" / "extra.css"
PACKAGES = ROOT / "node_modules" / "@fontsource"
# The families a page may be drawn with, as the fonts name themselves (PDFs use the PostScript name).
FAMILIES = {"Roboto", "Roboto Mono"}
FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")


def declared_faces() -> list[dict[str, str]]:
    """The @font-face rules of extra.css, each as {descriptor: value}."""
    faces = []
    for rule in FACE.finditer(FONTS_CSS.read_text(encoding="utf-8")):
        descriptors = {}
        for declaration in rule["body"].split(";"):
            name, _, value = declaration.partition(":")
            if value:
                descriptors[name.strip()] = " ".join(value.split())
        faces.append(descriptors)
    return faces


def face_file(face: dict[str, str]) -> str:
    return re.fullmatch(r'url\("\.\./fonts/([^"]+)"\) format\("woff2"\)', face["src"]).group(1)


def package_of(file_name: str) -> Path:
    """The @fontsource package a bundled file comes from: roboto-mono-latin-… or roboto-latin-…."""
    family = re.match(r"(.+?)-(?:latin|symbols|math)", file_name).group(1)
    return PACKAGES / family


def test_each_bundled_file_is_the_pinned_packages_own(record_property):
    """`make fonts` copies; nothing edits the files by hand or leaves them behind an upgrade."""
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    fonts = sorted(FONTS.glob("*.woff2"))
    assert fonts, "docs/fonts/ holds no fonts"
    for font in fonts:
        package = package_of(font.name)
        assert re.fullmatch(r"\d+\.\d+\.\d+", pins[f"@fontsource/{package.name}"]), f"{package.name} is not pinned"
        shipped = package / "files" / font.name
        assert shipped.is_file(), f"{font.name} is not in {package.name}: run `make fonts`"
        assert font.read_bytes() == shipped.read_bytes(), f"docs/fonts/{font.name} differs from the pinned package's"
    for package in {package_of(font.name) for font in fonts}:
        licence = FONTS / f"LICENSE-{package.name}.txt"
        assert licence.is_file(), f"{package.name}'s licence does not ship beside its fonts"
        assert licence.read_text(encoding="utf-8") == (package / "LICENSE").read_text(encoding="utf-8")
        assert "SIL Open Font License" in licence.read_text(encoding="utf-8")
    total = sum(font.stat().st_size for font in fonts)
    record_property("summary", f"bundled fonts: {len(fonts)} woff2 files, {total:,} B")


def test_every_face_is_declared_once_with_swap_and_its_subsets_range():
    faces = declared_faces()
    files = [face_file(face) for face in faces]
    assert sorted(files) == sorted(font.name for font in FONTS.glob("*.woff2")), "declared faces ≠ files in docs/fonts"
    assert len(set(files)) == len(files)
    for face, file_name in zip(faces, files, strict=True):
        assert face["font-display"] == "swap", file_name
        assert face["font-family"].strip('"') in FAMILIES, file_name
        subset = re.match(r".+?-(latin|symbols|math)-", file_name).group(1)
        ranges = json.loads((package_of(file_name) / "unicode.json").read_text(encoding="utf-8"))
        assert face["unicode-range"].replace(" ", "") == ranges[subset], f"{file_name}: not its subset's range"


def test_fonts_come_from_the_site_only(pages, site_dir):
    assert load_config(str(ROOT / "mkdocs.yml"))["theme"]["font"] is False, "theme.font would fetch Google Fonts"
    for source, page in pages.items():
        assert "fonts.googleapis" not in page.html and "fonts.gstatic" not in page.html, source
        preloads = re.findall(r'<link rel="preload" href="([^"]+)" as="font" type="font/woff2" crossorigin>', page.html)
        assert len(preloads) == 2, f"{source} preloads {preloads}"
        for href in preloads:
            assert (page.path.parent / href).resolve().is_file(), f"{source} preloads {href}, which is missing"


# -- In the browser -------------------------------------------------------------------------------

# Marks every element that holds text of its own, so the DevTools protocol can ask for its fonts.
MARK_TEXT_OWNERS = """() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const owners = new Set();
    while (walker.nextNode()) {
        const text = walker.currentNode;
        if (text.data.trim() && text.parentElement) owners.add(text.parentElement);
    }
    owners.forEach(element => element.setAttribute("data-font-probe", ""));
    return owners.size;
}"""


def drawn_with(page) -> dict[str, set[str]]:
    """Font family → the text (short) of elements Chromium drew with it: the fonts really used,
    glyph by glyph, fallbacks included (a character the font lacks is drawn with another)."""
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(MARK_TEXT_OWNERS)
    client = page.context.new_cdp_session(page)
    client.send("DOM.enable")
    client.send("CSS.enable")
    root = client.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found: dict[str, set[str]] = {}
    for node in client.send("DOM.querySelectorAll", {"nodeId": root, "selector": "[data-font-probe]"})["nodeIds"]:
        for font in client.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            if not font["isCustomFont"] or font["familyName"] not in FAMILIES:
                text = client.send("DOM.getOuterHTML", {"nodeId": node})["outerHTML"]
                found.setdefault(font["familyName"], set()).add(re.sub(r"<[^>]+>", "", text)[:60])
            else:
                found.setdefault(font["familyName"], set())
    client.detach()
    return found


@pytest.mark.browser
def test_every_page_draws_every_character_with_the_bundled_fonts(page, site_url, pages, missing_page_url):
    for source in [*pages, "404.html"]:
        url = (
            missing_page_url if source == "404.html" else site_url + ("" if source == "index.md" else source[:-3] + "/")
        )
        page.goto(url, wait_until="networkidle")
        used = drawn_with(page)
        others = {family: texts for family, texts in used.items() if family not in FAMILIES}
        assert not others, f"{source} draws text with fonts the site does not ship: {others}"
        assert "Roboto" in used, f"{source}: no text drawn with Roboto"


@pytest.mark.browser
def test_a_family_page_loads_the_bundled_faces(page, site_url):
    fetched = []
    page.on("requestfinished", lambda request: request.url.endswith(".woff2") and fetched.append(request.url))
    page.goto(site_url + "storage/", wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    faces = page.evaluate("[...document.fonts].map(f => [f.family.replaceAll('\"', ''), f.style, f.weight, f.status])")
    loaded = {(family, style, weight) for family, style, weight, status in faces if status == "loaded"}
    # Storage has bold text, an inline code attribute name and an italic word (the regular face, slanted).
    expected = {("Roboto", "normal", "400"), ("Roboto", "normal", "700"), ("Roboto Mono", "normal", "400")}
    assert loaded == expected, faces
    assert fetched and all(url.startswith(site_url + "fonts/") for url in fetched), fetched
