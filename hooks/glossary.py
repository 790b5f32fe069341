"""MkDocs hook: the glossary page, `glossary.json`, and cross-links from every page to each term.

Wiring only; the logic lives in `notekit` (terms, matcher, linker, glossary). The order follows
mkdocs-autorefs: terms are read from every page's front matter once the file list is known,
page HTML is collected as pages render, and everything is linked once in `on_env`, before the
search plugin indexes the pages, so search sees the linked text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from notekit.glossary import GLOSSARY_SOURCE, glossary_json, glossary_markdown, mentions_html
from notekit.linker import PageLinker
from notekit.matcher import TermMatcher
from notekit.page_rules import headings
from notekit.terms import TermIndex, build_index, terms_from_page

log = get_plugin_logger(__name__)


@dataclass
class BuildState:
    index: TermIndex = field(default_factory=TermIndex)
    matcher: TermMatcher | None = None
    url_of: dict[str, str] = field(default_factory=dict)  # Markdown source -> page URL
    pages: list = field(default_factory=list)  # pages in build order, collected as they render
    json_text: str = ""


# MkDocs imports a hook once per process: `mkdocs serve` rebuilds start from a fresh state.
state = BuildState()


def on_config(config):
    global state
    state = BuildState()


# -- Terms: read from every page's front matter, before any page renders ----------------------


def read_terms(file: File):
    markdown, meta = get_data(file.content_string)
    anchors = [h.anchor for h in headings(markdown) if h.anchor]
    family = str(meta.get("title") or file.name.replace("-", " ").capitalize())
    return terms_from_page(meta, file.src_uri, family, anchors)


def on_files(files: Files, config):
    if files.get_file_from_path(GLOSSARY_SOURCE) is not None:
        raise PluginError(f"docs/{GLOSSARY_SOURCE} exists, but the glossary hook generates that page: remove the file")
    state.index = build_index(read_terms(file) for file in files.documentation_pages())
    for problem in state.index.problems:
        log.warning("Glossary: %s", problem)
    state.matcher = TermMatcher(form for term in state.index.terms.values() for form in term.forms)
    files.append(File.generated(config, GLOSSARY_SOURCE, content=glossary_markdown(state.index)))
    state.url_of = {file.src_uri: file.url for file in files.documentation_pages()}
    return files


# -- Pages: collect as they render, link once all are known -----------------------------------


def relative_url(url: str, from_url: str) -> str:
    """`url` seen from the page at `from_url`; the home page's empty URL stays a folder ('../')."""
    return get_relative_url(url or "./", from_url)


def on_page_content(html, page, config, files):
    state.pages.append(page)
    return None


def on_env(env, config, files):
    mentions: dict[str, list[tuple[str, str]]] = {}
    glossary_page = None
    for page in state.pages:
        source = page.file.src_uri

        def href(term, page_url=page.url):
            return relative_url(state.url_of[term.source], page_url) + "#" + term.id

        linked = PageLinker(state.index.terms, state.matcher, href).link(page.content, source)
        page.content = linked.html
        for problem in linked.problems:
            log.warning("Glossary: %s", problem)
        if source == GLOSSARY_SOURCE:
            glossary_page = page
            continue
        for term_id in sorted(linked.mentioned):
            mentions.setdefault(term_id, []).append((page.title, page.url))
    if glossary_page is not None:
        relative = {
            term_id: [(title, relative_url(url, glossary_page.url)) for title, url in pages]
            for term_id, pages in mentions.items()
        }
        glossary_page.content = mentions_html(glossary_page.content, relative)
    state.json_text = glossary_json(state.index, lambda source: state.url_of[source], config.site_url or "", mentions)
    return env


# -- glossary.json at the site root, rewritten only when it changes ---------------------------


def on_post_build(config):
    target = Path(config.site_dir) / "glossary.json"
    if not target.exists() or target.read_text(encoding="utf-8") != state.json_text:
        target.write_text(state.json_text, encoding="utf-8")
