"""MkDocs hook: everything the build generates from the pages together, in one pipeline.

It owns the build's shared state (one `SiteBuild`, started afresh for every build, `mkdocs serve`
rebuilds included) and reads top to bottom. As pages render it collects their terms and their
HTML; once all are rendered, `on_env` runs the pipeline in this order:

    1. index       the term index, from every page's front matter
    2. link        every page's terms linked to their notes; who mentions what
    3. glossary    the glossary page's entries, and who mentions each term
    4. cheat sheet every family page in navigation order, then the glossary in brief
    5. study deck  the study page's flashcards, from the same term records as glossary.json
    6. json        glossary.json's text, from those records

and `on_post_build` writes glossary.json and adds the glossary to site search. This runs before
the search plugin reads the pages, so search sees the linked text. The logic lives in `notekit`
(terms, linker, glossary, printing, study, site); this file is the wiring. A placeholder that
nothing fills is reported by hooks/page_rules.py, which still runs when this hook is taken out.
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
from notekit import glossary, printing, site, study
from notekit.claims import claim_problems, term_claims
from notekit.linker import TermLinker
from notekit.page_rules import headings
from notekit.terms import TermIndex, build_index, terms_from_page

log = get_plugin_logger(__name__)

GENERATED_MARKDOWN = {site.GLOSSARY: glossary.GLOSSARY_MARKDOWN, site.CHEATSHEET: printing.CHEATSHEET_MARKDOWN}


@dataclass
class SiteBuild:
    page_terms: list = field(default_factory=list)  # (terms, problems) of each page, as read
    pages: dict = field(default_factory=dict)  # Markdown source -> page, as pages render
    nav_sources: list[str] = field(default_factory=list)  # the pages in navigation order
    url_of: dict[str, str] = field(default_factory=dict)  # Markdown source -> page URL
    index: TermIndex = field(default_factory=TermIndex)
    linker: TermLinker | None = None
    json_text: str = ""


# MkDocs imports a hook once per process: every build, `mkdocs serve` rebuilds too, starts afresh.
build = SiteBuild()


def on_config(config):
    global build
    build = SiteBuild()


def on_files(files: Files, config):
    for source, markdown in GENERATED_MARKDOWN.items():
        if files.get_file_from_path(source) is not None:
            raise PluginError(f"docs/{source} exists, but hooks/site.py generates that page: remove the file")
        files.append(File.generated(config, source, content=markdown))
    build.url_of = {file.src_uri: file.url for file in files.documentation_pages()}
    config.extra["special_pages"] = site.template_names(build.url_of)  # for overrides/
    return files


def on_nav(nav, config, files):
    build.nav_sources = [page.file.src_uri for page in nav.pages]
    return nav


@functools.cache  # pure, and asked for every link of every page
def relative_url(url: str, from_url: str) -> str:
    """`url` seen from the page at `from_url`; the home page's empty URL stays a folder ('../')."""
    return get_relative_url(url or "./", from_url)


def page_href(source: str, from_url: str) -> str:
    """The URL of the page built from `source`, seen from the page at `from_url`."""
    return relative_url(build.url_of[source], from_url)


# -- Collect: each page's terms from its front matter, and its HTML ---------------------------


def on_page_markdown(markdown, page, config, files):
    # A page whose front matter is broken stopped the build in hooks/page_rules.py already.
    anchors = [h.anchor for h in headings(markdown) if h.anchor]
    family = str(page.meta.get("title") or page.title or page.file.src_uri)
    build.page_terms.append(terms_from_page(page.meta, page.file.src_uri, family, anchors))
    return None


def on_page_content(html, page, config, files):
    build.pages[page.file.src_uri] = page
    return None


# -- The pipeline -------------------------------------------------------------------------------


def on_env(env, config, files):
    # Linking allocates many short-lived strings while MkDocs holds every page in memory; the
    # cycle collector would walk that whole heap again and again, for garbage that has no cycles.
    gc.disable()
    try:
        index = make_index()
        mentions = link_pages(index)
        fill_glossary(index, mentions)
        fill_cheatsheet(index)
        records = glossary.term_records(index, build.url_of.__getitem__, config.site_url or "", mentions)
        fill_study_deck(records)
        build.json_text = glossary.glossary_json(records, config.site_url or "")
    finally:
        gc.enable()
    return env


def make_index() -> TermIndex:
    index = build.index = build_index(build.page_terms)
    claims = claim_problems(term_claims(index.terms.values()), date.today())
    for problem in index.problems + glossary.id_problems(index) + claims:
        log.warning("%s", problem)
    return index


def linker_href(linker_page_url: str):
    return lambda term: page_href(term.source, linker_page_url) + "#" + term.id


def link_pages(index: TermIndex) -> dict[str, list[tuple[str, str]]]:
    """Link every page but the generated ones; which pages (title, URL) mention each term."""
    linker = build.linker = TermLinker(index.terms)
    mentions: dict[str, list[tuple[str, str]]] = {}
    for source, page in build.pages.items():
        if source in site.GENERATED:
            continue
        linked = linker.link(page.content, source, linker_href(page.url))
        page.content = linked.html
        for problem in linked.problems:
            log.warning("%s", problem)
        for term_id in sorted(linked.mentioned):
            mentions.setdefault(term_id, []).append((page.title, page.url))
    return mentions


def fill_glossary(index: TermIndex, mentions: dict[str, list[tuple[str, str]]]) -> None:
    page = build.pages[site.GLOSSARY]

    # An entry's summary or "see also", linked within its own section. No summary tooltips: every
    # summary is on the glossary page already, and 70 fewer tooltips make it interactive sooner.
    def linked_prose(term, fragment):
        return build.linker.link(fragment, site.GLOSSARY, linker_href(page.url), within=term.id, tooltips=False).html

    entries = glossary.entries_html(index, lambda source: page_href(source, page.url), linked_prose)
    content = fill(page, glossary.ENTRIES_PLACEHOLDER, entries)
    relative = {
        term_id: [(title, relative_url(url, page.url)) for title, url in pages] for term_id, pages in mentions.items()
    }
    page.content = glossary.mentions_html(content, relative)
    # MkDocs validates links to #anchors after this event, against the ids it saw in the Markdown.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | glossary.anchors(index)


def fill_cheatsheet(index: TermIndex) -> None:
    page = build.pages[site.CHEATSHEET]
    families = [
        (source.removesuffix(".md"), build.pages[source].content)
        for source in build.nav_sources
        if site.is_family(source) and source in build.pages
    ]
    page.content = fill(page, printing.PAGES_PLACEHOLDER, printing.combine_pages(families))
    page.content = fill(page, printing.GLOSSARY_PLACEHOLDER, glossary.compact_list_html(index))


def fill_study_deck(records: list[dict]) -> None:
    page = build.pages.get(site.STUDY)
    if page is None:  # a site without a study page
        return
    nav_urls = [build.url_of[source] for source in build.nav_sources]
    page.content = fill(page, study.DECK_PLACEHOLDER, study.deck_html(study.deck(records, nav_urls)))


def fill(page, name: str, content: str) -> str:
    try:
        return site.fill(page.content, name, content)
    except site.PlaceholderMissing as problem:
        raise PluginError(f"{page.file.src_uri} {problem}") from None


# -- glossary.json at the site root, rewritten only when it changes ---------------------------


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    gc.disable()  # as in on_env: a large, cycle-free JSON document is read and written
    try:
        target = Path(config.site_dir) / "glossary.json"
        if not target.exists() or target.read_text(encoding="utf-8") != build.json_text:
            target.write_text(build.json_text, encoding="utf-8")
        add_glossary_to_search(Path(config.site_dir) / "search" / "search_index.json")
    finally:
        gc.enable()


# Material ranks a page's own record (its title and introduction) about 2.5 times above a section
# of it that matches as well: right where a page's title names one subject. Here a title names a
# family ("Storage") and the introduction names every service on the page, so the page would hide
# the very section asked for ("block storage") under "more on this page". This evens them out.
PAGE_RECORD_BOOST = 0.4


def add_glossary_to_search(index_file: Path) -> None:
    if not index_file.exists():  # the search plugin is off
        return
    search_index = json.loads(index_file.read_text(encoding="utf-8"))
    glossary_path = build.url_of[site.GLOSSARY]
    search_index["docs"] = [doc for doc in search_index["docs"] if not doc["location"].startswith(glossary_path)]
    search_index["docs"] += glossary.search_records(build.index, glossary_path)
    for doc in search_index["docs"]:
        if "#" not in doc["location"]:
            doc["boost"] = doc.get("boost", 1) * PAGE_RECORD_BOOST
    index_file.write_text(json.dumps(search_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
