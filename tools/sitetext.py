"""Read a built site the way a reader sees it: the nav's pages, their visible text and anchors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config import load_config


def nav_sources(config_file: Path) -> list[str]:
    """Markdown sources named in the nav, in navigation order (nested sections flattened)."""
    config = load_config(str(config_file))
    sources: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                sources.append(value)

    walk(config["nav"])
    return sources


def html_path(site_dir: Path, source: str) -> Path:
    """Where MkDocs (directory URLs) writes the page built from `source`."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


def normalise(text: str) -> str:
    """Lowercase text with typography flattened, so a fact matches however it is typeset."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "}))
    text = re.sub(r"(\d)\s+%", r"\1%", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass
class BuiltPage:
    source: str
    path: Path
    html: str = field(repr=False)

    @cached_property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")

    @cached_property
    def article(self):
        """The page's own content, without the theme's header, navigation and footer."""
        article = self.soup.select_one("article.md-content__inner")
        assert article is not None, f"{self.path} has no article"
        return article

    @cached_property
    def text(self) -> str:
        """The visible text of the article, normalised (see `normalise`)."""
        article = BeautifulSoup(str(self.article), "html.parser")
        for hidden in article.select("a.headerlink, script, style"):
            hidden.decompose()
        return normalise(article.get_text(" "))

    @cached_property
    def anchors(self) -> set[str]:
        return {tag["id"] for tag in self.article.find_all(id=True)}

    @cached_property
    def links(self) -> list[str]:
        return [a["href"] for a in self.article.find_all("a", href=True)]


def built_pages(config_file: Path, site_dir: Path) -> dict[str, BuiltPage]:
    pages = {}
    for source in nav_sources(config_file):
        path = html_path(site_dir, source)
        pages[source] = BuiltPage(source, path, path.read_text(encoding="utf-8"))
    return pages
