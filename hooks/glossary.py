"""MkDocs hook: the glossary page, `glossary.json`, and cross-links from every page to each term.

Wiring only; the logic lives in `notekit` (terms, matcher, linker, glossary). The order follows
mkdocs-autorefs: terms (from the front matter MkDocs already parsed) and HTML are collected as
pages render, and everything is resolved once in `on_env`, before the search plugin indexes the
pages, so search sees the linked text and the glossary entries.
"""

from __future__ import annotations

import functools
import gc
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from notekit import glossary, printing
from notekit.claims import claim_problems, term_claims
from notekit.frontmatter import split_front_matter
from notekit.linker import TermLinker
from notekit.page_rules import headings
from notekit.terms import TermIndex, build_index, terms_from_page

log = get_plugin_logger(__name__)


@dataclass
class BuildState:
    page_terms: list = field(default_factory=list)  # (terms, problems) of each page, as read
    index: TermIndex = field(default_factory=TermIndex)
    pages: list = field(default_factory=list)  # pages in build order, collected as they render
    url_of: dict[str, str] = field(default_factory=dict)  # Markdown source -> page URL
    json_text: str = ""


# MkDocs imports a hook once per process: `mkdocs serve` rebuilds start from a fresh state.
state = BuildState()


def on_config(config):
    global state
    state = BuildState()


def on_files(files: Files, config):
    source = glossary.GLOSSARY_SOURCE
    if files.get_file_from_path(source) is not None:
        raise PluginError(f"docs/{source} exists, but the glossary hook generates that page: remove the file")
    files.append(File.generated(config, source, content=glossary.GLOSSARY_MARKDOWN))
    state.url_of = {file.src_uri: file.url for file in files.documentation_pages()}
    return files


@functools.cache  # pure, and asked for every link of every page
def relative_url(url: str, from_url: str) -> str:
    """`url` seen from the page at `from_url`; the home page's empty URL stays a folder ('../')."""
    return get_relative_url(url or "./", from_url)


def page_href(source: str, from_url: str) -> str:
    """The URL of the page built from `source`, seen from the page at `from_url`."""
    return relative_url(state.url_of[source], from_url)


# -- Collect: each page's terms from its front matter, and its HTML ---------------------------


def on_page_markdown(markdown, page, config, files):
    source = page.file.src_uri
    if not page.meta and markdown.startswith("---"):
        # MkDocs drops front matter it cannot parse and leaves it in the text: say why.
        error = split_front_matter(markdown)[2] or "its front matter could not be read"
        state.page_terms.append(([], [f"{source}: {error}"]))
        return None
    anchors = [h.anchor for h in headings(markdown) if h.anchor]
    family = str(page.meta.get("title") or page.title or source)
    state.page_terms.append(terms_from_page(page.meta, source, family, anchors))
    return None


def on_page_content(html, page, config, files):
    state.pages.append(page)
    return None


# -- Resolve once: the glossary entries, then every page's links, then who mentions what ------


def on_env(env, config, files):
    # Linking allocates many short-lived strings while MkDocs holds every page in memory; the
    # cycle collector would walk that whole heap again and again, for garbage that has no cycles.
    gc.disable()
    try:
        return resolve(env, config)
    finally:
        gc.enable()


def resolve(env, config):
    index = state.index = build_index(state.page_terms)
    for problem in index.problems + claim_problems(term_claims(index.terms.values()), date.today()):
        log.warning("%s", problem)
    linker = TermLinker(index.terms)
    glossary_page = next(p for p in state.pages if p.file.src_uri == glossary.GLOSSARY_SOURCE)

    def href_from(page_url):
        return lambda term: page_href(term.source, page_url) + "#" + term.id

    # An entry's summary or "see also", within its own section. No summary tooltips: every summary
    # is on the glossary page already, and 70 fewer tooltips make it interactive sooner.
    def linked_prose(term, fragment):
        href = href_from(glossary_page.url)
        return linker.link(fragment, glossary.GLOSSARY_SOURCE, href, within=term.id, tooltips=False).html

    entries = glossary.entries_html(index, lambda source: page_href(source, glossary_page.url), linked_prose)
    glossary_page.content = glossary_page.content.replace(glossary.ENTRIES_PLACEHOLDER, entries)
    # MkDocs validates links to #anchors after this event, against the ids it saw in the Markdown.
    glossary_page.present_anchor_ids = (glossary_page.present_anchor_ids or set()) | glossary.anchors(index)

    for page in state.pages:  # the printable cheat sheet ends with the glossary, in brief
        if page.file.src_uri == printing.CHEATSHEET_SOURCE:
            page.content = page.content.replace(printing.GLOSSARY_PLACEHOLDER, glossary.compact_list_html(index))

    mentions: dict[str, list[tuple[str, str]]] = {}
    for page in state.pages:
        if page is glossary_page:  # its entries were linked as they were made
            continue
        linked = linker.link(page.content, page.file.src_uri, href_from(page.url))
        page.content = linked.html
        for problem in linked.problems:
            log.warning("%s", problem)
        for term_id in sorted(linked.mentioned):
            mentions.setdefault(term_id, []).append((page.title, page.url))

    relative = {
        term_id: [(title, relative_url(url, glossary_page.url)) for title, url in pages]
        for term_id, pages in mentions.items()
    }
    glossary_page.content = glossary.mentions_html(glossary_page.content, relative)
    state.json_text = glossary.glossary_json(index, state.url_of.__getitem__, config.site_url or "", mentions)
    return env


# -- glossary.json at the site root, rewritten only when it changes ---------------------------


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    gc.disable()  # as in on_env: a large, cycle-free JSON document is read and written
    try:
        write_outputs(config)
    finally:
        gc.enable()


def write_outputs(config):
    target = Path(config.site_dir) / "glossary.json"
    if not target.exists() or target.read_text(encoding="utf-8") != state.json_text:
        target.write_text(state.json_text, encoding="utf-8")
    add_glossary_to_search(Path(config.site_dir) / "search" / "search_index.json")


# Material ranks a page's own record (its title and introduction) about 2.5 times above a section
# of it that matches as well: right where a page's title names one subject. Here a title names a
# family ("Storage") and the introduction names every service on the page, so the page would hide
# the very section asked for ("block storage") under "more on this page". This evens them out.
PAGE_RECORD_BOOST = 0.4


def add_glossary_to_search(index_file: Path) -> None:
    if not index_file.exists():  # the search plugin is off
        return
    search_index = json.loads(index_file.read_text(encoding="utf-8"))
    glossary_path = state.url_of[glossary.GLOSSARY_SOURCE]
    search_index["docs"] = [doc for doc in search_index["docs"] if not doc["location"].startswith(glossary_path)]
    search_index["docs"] += glossary.search_records(state.index, glossary_path)
    for doc in search_index["docs"]:
        if "#" not in doc["location"]:
            doc["boost"] = doc.get("boost", 1) * PAGE_RECORD_BOOST
    index_file.write_text(json.dumps(search_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
