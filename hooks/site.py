"""MkDocs hook: everything the build generates from the pages together, in one pipeline.

It owns the build's shared state (a `SiteBuild`, afresh for every build) and reads top to bottom.
As pages render it collects their terms and their HTML; then `on_env` runs the pipeline:

    1. index       the term index, from every page's front matter
    2. link        every page's terms linked to their notes; who mentions what
    3. glossary    the glossary page's entries, and who mentions each term
    4. cheat sheet the glossary in brief, after the family pages (written in after the build)
    5. study deck  the study page's flashcards, from the same term records as glossary.json
    6. json        glossary.json's text, from those records

and `on_post_build` writes the families into the cheat sheet, glossary.json, and the glossary into
site search. Links go into a page once the search plugin has read it (`on_page_context`): they
change no word, and search would parse a page twice the size. Under `make serve` (`mkdocs serve
--dirty`) MkDocs renders only the pages an edit changed; what the others contribute is carried
over from the build before (`notekit.rebuild`). The logic lives in `notekit`; this is the wiring.
A placeholder that nothing fills is reported by hooks/page_rules.py, which runs without this hook.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from notekit import glossary, printing, rebuild, search_index, site, study
from notekit.claims import claim_problems, term_claims
from notekit.linker import TermLinker
from notekit.page_rules import headings
from notekit.rebuild import CarriedBuild, PageRecord, full_rebuild_reason, signature
from notekit.terms import TermIndex, build_index, terms_from_page

log = get_plugin_logger(__name__)

GENERATED_MARKDOWN = {site.GLOSSARY: glossary.GLOSSARY_MARKDOWN, site.CHEATSHEET: printing.CHEATSHEET_MARKDOWN}


@dataclass
class SiteBuild:
    page_terms: dict = field(default_factory=dict)  # Markdown source -> (terms, problems), as read
    pages: dict = field(default_factory=dict)  # Markdown source -> page, for the pages rendered
    nav_sources: list[str] = field(default_factory=list)  # the pages in navigation order
    url_of: dict[str, str] = field(default_factory=dict)  # Markdown source -> page URL
    index: TermIndex = field(default_factory=TermIndex)
    linker: TermLinker | None = None
    # source -> (its HTML as the pipeline read it, the HTML to publish), until on_page_context
    finished: dict = field(default_factory=dict)
    mentioned_by: dict[str, set[str]] = field(default_factory=dict)  # source -> the terms it mentions
    cheatsheet_sections: dict[str, str] = field(default_factory=dict)  # source -> its part, kept when dirty
    cheatsheet_dest: Path | None = None  # where the cheat sheet page is written
    glossary_entries: str = ""
    signatures: dict[str, str] = field(default_factory=dict)  # source -> notekit.rebuild.signature
    page_files: dict[str, File] = field(default_factory=dict)  # source -> file, of the pages in docs/
    carried_in: CarriedBuild | None = None  # what this dirty rebuild takes over, when it renders few pages
    started: float = 0.0  # when this build began to read the pages (time.time())
    json_text: str = ""


# MkDocs imports a hook once per process: every build, `mkdocs serve` rebuilds too, starts afresh.
build = SiteBuild()
# Under `mkdocs serve --dirty` only: what the last build learned of each page, for the next one.
dirty_builds = False
carried: CarriedBuild | None = None
served_once = False  # a first build has run


warnings = rebuild.WarningCount()


def on_startup(command, dirty):
    global dirty_builds, carried, served_once
    dirty_builds, carried, served_once = dirty, None, False
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(rebuild.DirtyBuildNotice())
        logging.getLogger("mkdocs").addHandler(warnings)


def on_config(config):
    global build
    build = SiteBuild()
    warnings.count = 0


def on_files(files: Files, config):
    for source, markdown in GENERATED_MARKDOWN.items():
        if files.get_file_from_path(source) is not None:
            raise PluginError(f"docs/{source} exists, but hooks/site.py generates that page: remove the file")
        files.append(File.generated(config, source, content=markdown))
    build.url_of = {file.src_uri: file.url for file in files.documentation_pages()}
    config.extra["special_pages"] = site.template_names(build.url_of)  # for overrides/
    if dirty_builds:
        plan_dirty_rebuild([file for file in files.documentation_pages() if file.src_uri not in site.GENERATED], config)
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
    build.page_terms[page.file.src_uri] = terms_from_page(page.meta, page.file.src_uri, family, anchors)
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


@event_priority(-50)  # after the search plugin has read the page: links change no word of its text
def on_page_context(context, page, config, nav):
    finished = build.finished.pop(page.file.src_uri, None)
    if finished is not None:
        read, html = finished
        if page.content != read and page.file.src_uri not in site.GENERATED:  # another plugin changed it
            html = build.linker.link(page.content, page.file.src_uri, linker_href(page.url)).html
        page.content = html
    return context


def page_terms_of_every_page() -> list[tuple]:
    """Each page's (terms, problems): as read in this build, or carried over from the last one."""
    known = build.carried_in.pages if build.carried_in is not None else {}
    found = []
    for source in build.url_of:
        if source in build.page_terms:
            found.append(build.page_terms[source])
        elif source in known:
            found.append(known[source].terms)
    return found


def make_index() -> TermIndex:
    index = build.index = build_index(page_terms_of_every_page())
    claims = claim_problems(term_claims(index.terms.values()), date.today())
    for problem in index.problems + glossary.id_problems(index) + claims:
        log.warning("%s", problem)
    return index


def linker_href(linker_page_url: str):
    return lambda term: page_href(term.source, linker_page_url) + "#" + term.id


def link_pages(index: TermIndex) -> dict[str, list[tuple[str, str]]]:
    """Link every page rendered but the generated ones; which pages (title, URL) mention each term.

    The links go into each page in `on_page_context`; the cheat sheet takes them from here.
    """
    carried_in = build.carried_in  # the terms are as they were: so is the linker (notekit.rebuild)
    linker = build.linker = carried_in.linker if carried_in is not None else TermLinker(index.terms)
    mentions: dict[str, list[tuple[str, str]]] = {}
    for source in build.url_of:
        if source in site.GENERATED:
            continue
        page = build.pages.get(source)
        if page is not None:
            linked = linker.link(page.content, source, linker_href(page.url))
            build.finished[source] = (page.content, linked.html)
            for problem in linked.problems:
                log.warning("%s", problem)
            build.mentioned_by[source] = linked.mentioned
            title, url = page.title, page.url
        elif carried_in is not None and source in carried_in.pages:
            record = carried_in.pages[source]
            build.mentioned_by[source] = record.mentioned
            title, url = record.title, record.url
            build.page_files[source].page.title = title  # the navigation shows it on the pages rendered
        else:
            continue
        for term_id in sorted(build.mentioned_by[source]):
            mentions.setdefault(term_id, []).append((title, url))
    return mentions


def fill_glossary(index: TermIndex, mentions: dict[str, list[tuple[str, str]]]) -> None:
    page = build.pages[site.GLOSSARY]

    if build.carried_in is not None:
        entries = build.carried_in.glossary_entries  # the terms are as they were (notekit.rebuild)
    else:
        # No summary tooltips: every summary is on the glossary page already, and thousands fewer
        # tooltips make it interactive sooner. Each entry is its own section: no term links itself.
        entries = glossary.entries_html(index, lambda source: page_href(source, page.url))
        entries = build.linker.link(entries, site.GLOSSARY, linker_href(page.url), tooltips=False).html
    build.glossary_entries = entries
    content = fill(page, glossary.ENTRIES_PLACEHOLDER, entries)
    relative = {
        term_id: [(title, relative_url(url, page.url)) for title, url in pages] for term_id, pages in mentions.items()
    }
    finish(page, glossary.mentions_html(content, relative))
    # MkDocs validates links to #anchors after this event, against the ids it saw in the Markdown.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | glossary.anchors(index)


def fill_cheatsheet(index: TermIndex) -> None:
    page = build.pages[site.CHEATSHEET]
    build.cheatsheet_dest = Path(page.file.abs_dest_path)
    content = fill(page, printing.GLOSSARY_PLACEHOLDER, glossary.compact_list_html(index))
    # The families go in after the build (`write_cheatsheet`), straight into the page's file.
    finish(page, fill(page, printing.PAGES_PLACEHOLDER, printing.FAMILIES_MARKER, content))


def cheatsheet_sections() -> Iterator[str]:
    """Each family page as a section of the cheat sheet, in navigation order."""
    for source in build.nav_sources:
        if not site.is_family(source):
            continue
        page = build.pages.get(source)
        if page is not None:
            section = printing.cheatsheet_section(source.removesuffix(".md"), page.content)
        elif build.carried_in is not None and source in build.carried_in.pages:
            section = build.carried_in.pages[source].cheatsheet_part
        else:
            continue
        if dirty_builds:
            build.cheatsheet_sections[source] = section
        yield section + "\n"


def write_cheatsheet() -> None:
    """Put the family pages into the written cheat sheet, one at a time.

    The page holds the whole site; built as one string it would be copied by every step after it
    (the template, each hook's post_page, the encoding), several times the notes in memory at once.
    """
    rendered = build.cheatsheet_dest.read_text(encoding="utf-8")
    if rendered.count(printing.FAMILIES_MARKER) != 1:
        raise PluginError(f"{site.CHEATSHEET}: the rendered page lost the place of the family pages")
    head, tail = rendered.split(printing.FAMILIES_MARKER)
    write_atomically(build.cheatsheet_dest, [head, *cheatsheet_sections(), tail])


def write_atomically(path: Path, pieces: Iterable[str]) -> None:
    """Write `pieces` to `path` through a temporary file: a failure halfway leaves the old file."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as output:
        output.writelines(pieces)
    partial.replace(path)


def fill_study_deck(records: list[dict]) -> None:
    page = build.pages.get(site.STUDY)
    if page is None:  # a site without a study page
        return
    nav_urls = [build.url_of[source] for source in build.nav_sources]
    page.content = fill(page, study.DECK_PLACEHOLDER, study.deck_html(study.deck(records, nav_urls)))


def finish(page, html: str) -> None:
    """Publish `html` as the page, once the search plugin has read it (search leaves the generated
    pages out: there is no need to make it scan them)."""
    build.finished[page.file.src_uri] = (page.content, html)


def fill(page, name: str, content: str, page_html: str | None = None) -> str:
    """`page_html` (the page's content by default) with its placeholder `name` filled."""
    try:
        return site.fill(page.content if page_html is None else page_html, name, content)
    except site.PlaceholderMissing as problem:
        raise PluginError(f"{page.file.src_uri} {problem}") from None


# -- Dirty rebuilds: what a page not rendered again contributes, carried over -------------------


def theme_mtime(config) -> float:
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    return rebuild.newest_mtime([Path(config.config_file_path)] if config.config_file_path else [], overrides)


def plan_dirty_rebuild(page_files: list[File], config) -> None:
    """Render every page again when the pages an edit changed are not enough (notekit.rebuild)."""
    global carried, served_once
    # Taken, not shared: a build that fails before it carries its own over renders every page next.
    known, carried = carried, None
    served_once, first = True, not served_once
    build.page_files = {file.src_uri: file for file in page_files}
    build.started = time.time()
    # MkDocs renders a page again when its source is newer than its HTML; a source saved while the
    # last build ran may be older than the HTML that build wrote from the version before it.
    saved_since = known.started if known is not None else 0.0
    edited = {
        file.src_uri: signature(file.content_string)
        for file in page_files
        if file.is_modified() or os.path.getmtime(file.abs_src_path) >= saved_since
    }
    for file in page_files:
        if file.src_uri in edited and not file.is_modified():
            os.utime(file.abs_dest_path, (0, 0))
    urls = {file.src_uri: file.url.removeprefix("./") for file in page_files}  # the home page's is "", as in search
    reason = full_rebuild_reason(known, config.site_dir, urls, edited, theme_mtime(config))
    if reason is None:
        build.signatures, build.carried_in = edited, known
        return
    if not first:  # the first build renders every page anyway
        log.info("Rendering every page again: %s", reason)
    for file in page_files:
        if file.src_uri not in edited and os.path.exists(file.abs_dest_path):
            os.utime(file.abs_dest_path, (0, 0))  # older than its source: MkDocs renders it again
    build.signatures = edited


def carry_over(config) -> None:
    global carried
    if warnings.count:  # said again by a build of every page, until they are fixed
        return
    rendered = {
        source: PageRecord(
            # A page saved again while this build ran has no signature yet: its own will do.
            signature=build.signatures.get(source) or signature(build.page_files[source].content_string),
            terms=build.page_terms[source],
            title=page.title,
            url=page.url,
            mentioned=build.mentioned_by.get(source, set()),
            cheatsheet_part=build.cheatsheet_sections.get(source, ""),
        )
        for source, page in build.pages.items()
        if source in build.page_files
    }
    before = build.carried_in.pages if build.carried_in is not None else {}
    kept = {source: before[source] for source in build.page_files if source not in rendered and source in before}
    carried = CarriedBuild(
        config.site_dir, kept | rendered, build.glossary_entries, build.linker, theme_mtime(config), build.started
    )


# -- After the build: the cheat sheet's families, glossary.json, the search index ----------------


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    gc.disable()  # as in on_env: a large, cycle-free JSON document is read and written
    try:
        write_cheatsheet()
        if dirty_builds:
            carry_over(config)
        target = Path(config.site_dir) / "glossary.json"
        if not target.exists() or target.read_text(encoding="utf-8") != build.json_text:
            target.write_text(build.json_text, encoding="utf-8")
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if index_file.exists():  # else the search plugin is off
            records = glossary.search_records(build.index, build.url_of[site.GLOSSARY])
            index_json = index_file.read_text(encoding="utf-8")
            write_atomically(index_file, search_index.with_glossary(index_json, records))
    finally:
        gc.enable()
