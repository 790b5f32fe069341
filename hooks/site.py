"""MkDocs hook: everything the build generates from the pages together, in one pipeline.

It owns the build's shared state (a `SiteBuild`, afresh for every build) and reads top to bottom:

    1. index       every page's terms, read as it renders; the term index, in `on_env`
    2. link        each page's terms linked to their notes as it goes to its template (after
                   the search plugin has read it: links change no word, and search would parse
                   twice the HTML); who mentions what
    3. study deck  the study page's flashcards, from the term records of glossary.json
    4. glossary    the glossary page's entries and who mentions each term, written into its
                   file after the build, once every page is linked
    5. cheat sheet the glossary in brief, and the family pages, written in after the build too,
                   as are glossary.json and the glossary's records in site search

Under `make serve` (`mkdocs serve --dirty`) MkDocs renders only the pages an edit changed; what
the others contribute is carried over from the build before (`notekit.rebuild`). The logic lives
in `notekit`; this is the wiring, longer than the other hooks' because it is the one owner of the
state the steps share. A placeholder that nothing fills is reported by hooks/page_rules.py, which
runs without this hook.
"""

from __future__ import annotations

import functools
import gc
import itertools
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
from notekit import glossary, printing, rebuild, search_index, site, study, term_data
from notekit.claims import claim_problems, term_claims
from notekit.linker import TermLinker
from notekit.page_rules import headings
from notekit.rebuild import CarriedBuild, PageRecord, signature
from notekit.spool import Spool
from notekit.terms import Term, TermIndex, build_index, terms_from_page

log = get_plugin_logger(__name__)

GENERATED_MARKDOWN = {site.GLOSSARY: glossary.GLOSSARY_MARKDOWN, site.CHEATSHEET: printing.CHEATSHEET_MARKDOWN}


@dataclass
class SiteBuild:
    page_terms: dict = field(default_factory=dict)  # Markdown source -> (terms, problems), as read
    pages: dict = field(default_factory=dict)  # Markdown source -> page, for the pages rendered
    nav_sources: list[str] = field(default_factory=list)  # the pages in navigation order
    url_of: dict[str, str] = field(default_factory=dict)  # Markdown source -> page URL
    page_order: dict[str, int] = field(default_factory=dict)  # Markdown source -> its place in url_of
    index: TermIndex = field(default_factory=TermIndex)
    linker: TermLinker | None = None
    linked: set[str] = field(default_factory=set)  # the pages linked so far
    # Who mentions what: term id -> the pages (their place in url_of), and each page's (title, URL).
    mentioned_on: dict[str, list[int]] = field(default_factory=dict)
    page_names: dict[int, tuple[str, str]] = field(default_factory=dict)
    mentioned_by: dict[str, set[str]] = field(default_factory=dict)  # source -> its terms, kept when dirty
    cheatsheet_sections: dict[str, str] = field(default_factory=dict)  # source -> its part, kept when dirty
    cheatsheet_spool: Spool = field(default_factory=Spool)  # source -> its part, on disk until written
    cheatsheet_dest: Path | None = None  # where the cheat sheet page is written
    glossary_dest: Path | None = None  # where the glossary page is written
    glossary_entries: list[str] = field(default_factory=list)  # linked, by letter; kept when dirty
    signatures: dict[str, str] = field(default_factory=dict)  # source -> notekit.rebuild.signature
    page_files: dict[str, File] = field(default_factory=dict)  # source -> file, of the pages in docs/
    carried_in: CarriedBuild | None = None  # what this dirty rebuild takes over, when it renders few pages
    started: float = 0.0  # when this build began to read the pages (time.time())
    theme_mtime: float = 0.0  # the newest change to overrides/ or mkdocs.yml, as this build began


# MkDocs imports a hook once per process: every build, `mkdocs serve` rebuilds too, starts afresh.
build = SiteBuild()
# Under `mkdocs serve --dirty` only: what the last build learned of each page, for the next one.
dirty_rebuilds: rebuild.DirtyRebuilds | None = None


def on_startup(command, dirty):
    global dirty_rebuilds
    dirty_rebuilds = rebuild.DirtyRebuilds() if dirty else None
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(rebuild.DirtyBuildNotice())
        logging.getLogger("mkdocs").addHandler(dirty_rebuilds.warnings)


def on_config(config):
    global build
    build = SiteBuild()
    gc.unfreeze()  # in case the last build stopped between on_env and on_post_build
    if dirty_rebuilds is not None:
        dirty_rebuilds.warnings.count = 0


def on_files(files: Files, config):
    for source, markdown in GENERATED_MARKDOWN.items():
        if files.get_file_from_path(source) is not None:
            raise PluginError(f"docs/{source} exists, but hooks/site.py generates that page: remove the file")
        files.append(File.generated(config, source, content=markdown))
    build.url_of = {file.src_uri: file.url for file in files.documentation_pages()}
    build.page_order = {source: place for place, source in enumerate(build.url_of)}
    config.extra["special_pages"] = site.template_names(build.url_of)  # for overrides/
    if dirty_rebuilds is not None:
        plan_dirty_rebuild([file for file in files.documentation_pages() if file.src_uri not in site.GENERATED], config)
    return files


def on_nav(nav, config, files):
    build.nav_sources = [page.file.src_uri for page in nav.pages]
    return nav


# Pure, and asked for every link of every page. Each key holds the asking page's own URL, so no
# other page asks for it again: a bounded cache keeps a page's repeated targets, not the site's.
@functools.lru_cache(maxsize=4096)
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
    index = make_index()
    carried_in = build.carried_in  # the terms are as they were: so is the linker (notekit.rebuild)
    build.linker = carried_in.linker if carried_in is not None else TermLinker(index.terms)
    if carried_in is not None:
        for source, record in carried_in.pages.items():
            if source not in build.pages:
                note_mentions(source, record.mentioned, record.title, record.url)
                build.page_files[source].page.title = record.title  # the navigation shows it
    # From here to the end of the build MkDocs holds every page, which the cycle collector would
    # walk again and again while pages are linked and rendered, for garbage that has no cycles:
    # what exists now is set aside (still freed when no longer used), until `on_post_build`.
    gc.freeze()
    return env


@event_priority(-50)  # after the search plugin has read the page: links change no word of its text
def on_page_context(context, page, config, nav):
    source = page.file.src_uri
    if source == site.GLOSSARY:
        fill_glossary(page)
    elif source == site.CHEATSHEET:
        fill_cheatsheet(page)
    else:
        link_page(source)
        if source == site.STUDY:
            fill_study_deck(page, config)
        if site.is_family(source):
            build.cheatsheet_spool.put(source, printing.cheatsheet_section(source.removesuffix(".md"), page.content))
    return context


@event_priority(-200)  # the page's HTML is final: nothing reads its content again
def on_post_page(output, page, config):
    # MkDocs keeps every page to the end of the build; without its HTML, which the cheat sheet has
    # set aside on disk, the site's text is not held twice in memory at once (notekit/spool.py).
    page.content = None
    return output


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


def link_page(source: str) -> None:
    """Link the terms in the page built from `source` (once), and note which it mentions."""
    if source in build.linked or source not in build.pages:
        return
    build.linked.add(source)
    page = build.pages[source]
    linked = build.linker.link(page.content, source, linker_href(page.url))
    page.content = linked.html
    for problem in linked.problems:
        log.warning("%s", problem)
    note_mentions(source, linked.mentioned, page.title, page.url)


def note_mentions(source: str, mentioned: set[str], title: str, url: str) -> None:
    place = build.page_order[source]
    build.page_names[place] = (title, url)
    for term_id in mentioned:
        build.mentioned_on.setdefault(term_id, []).append(place)
    if dirty_rebuilds is not None:
        build.mentioned_by[source] = mentioned


def mentions() -> dict[str, list[tuple[str, str]]]:
    """Which pages (title, URL) mention each term, in the site's order (once every page is linked)."""
    names = build.page_names
    return {term_id: [names[place] for place in sorted(places)] for term_id, places in build.mentioned_on.items()}


def fill_glossary(page) -> None:
    # The entries go in after the build (`glossary_entries`), straight into the page's file.
    build.glossary_dest = Path(page.file.abs_dest_path)
    page.content = fill(page, glossary.ENTRIES_PLACEHOLDER, glossary.ENTRIES_MARKER)
    # MkDocs validates links to #anchors after every page is built, against the ids it saw in the
    # Markdown: the entries' are added.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | glossary.anchors(build.index)


def glossary_entries(page_url: str) -> Iterator[str]:
    """The glossary's entries, a letter at a time, linked, with the pages that mention each term."""
    found = mentions()
    named_pages = {named for pages in found.values() for named in pages}
    seen_from_here = {named: (named[0], relative_url(named[1], page_url)) for named in named_pages}
    relative = {term_id: [seen_from_here[named] for named in pages] for term_id, pages in found.items()}
    if build.carried_in is not None:
        groups = build.carried_in.glossary_entries  # the terms are as they were (notekit.rebuild)
    else:
        href = linker_href(page_url)

        # No summary tooltips: every summary is on the glossary page already, and thousands fewer
        # tooltips make it interactive sooner. Each entry is its own section, and its filter box
        # shows an entry alone: each links its terms afresh (relink_after=0).
        def link_prose(prose: str, term: Term) -> str:
            linked = build.linker.link(prose, site.GLOSSARY, href, within=term.id, tooltips=False, relink_after=0)
            return linked.html

        groups = glossary.entry_groups(build.index, lambda source: page_href(source, page_url), link_prose)
    for number, group in enumerate(groups):
        if dirty_rebuilds is not None:
            build.glossary_entries.append(group)
        yield ("\n" if number else "") + glossary.mentions_html(group, relative)


def fill_cheatsheet(page) -> None:
    build.cheatsheet_dest = Path(page.file.abs_dest_path)
    content = fill(page, printing.GLOSSARY_PLACEHOLDER, glossary.compact_list_html(build.index))
    # The families go in after the build (`cheatsheet_sections`), straight into the page's file.
    page.content = fill(page, printing.PAGES_PLACEHOLDER, printing.FAMILIES_MARKER, content)


def cheatsheet_sections() -> Iterator[str]:
    """Each family page as a section of the cheat sheet, in navigation order."""
    for source in build.nav_sources:
        if not site.is_family(source):
            continue
        section = build.cheatsheet_spool.get(source)
        if section is None and build.carried_in is not None and source in build.carried_in.pages:
            section = build.carried_in.pages[source].cheatsheet_part
        if section is None:
            continue
        if dirty_rebuilds is not None:
            build.cheatsheet_sections[source] = section
        yield section + "\n"


def write_into(dest: Path, marker: str, pieces: Iterable[str]) -> None:
    """Put `pieces` where `marker` is in the written page `dest`, one at a time.

    The glossary and the cheat sheet hold thousands of entries and every family page; built as one
    string, each would be copied by every step after it (the template, each hook's post_page, the
    encoding): several times their size in memory at once.
    """
    rendered = dest.read_text(encoding="utf-8")
    if rendered.count(marker) != 1:
        raise PluginError(f"{dest}: the rendered page lost the place of its generated part ({marker})")
    head, tail = rendered.split(marker)

    def checked(pieces: Iterable[str]) -> Iterator[str]:  # hooks/page_rules.py saw only the marker
        for piece in pieces:
            if left := site.unfilled(piece):
                raise PluginError(f"{dest}: a placeholder was left unfilled: {left[0]}")
            yield piece

    write_atomically(dest, itertools.chain([head], checked(pieces), [tail]))


def write_atomically(path: Path, pieces: Iterable[str]) -> None:
    """Write `pieces` to `path` through a temporary file: a failure halfway leaves the old file."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8") as output:
        output.writelines(pieces)
    partial.replace(path)


def fill_study_deck(page, config) -> None:
    # The deck needs no mentions: the records are made without them, and without linking every page.
    records = term_data.term_records(build.index, build.url_of.__getitem__, config.site_url or "", {})
    nav_urls = [build.url_of[source] for source in build.nav_sources]
    page.content = fill(page, study.DECK_PLACEHOLDER, study.deck_html(study.deck(records, nav_urls)))


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
    build.page_files = {file.src_uri: file for file in page_files}
    sources = [
        rebuild.SourceFile(
            file.src_uri, file.url.removeprefix("./"), file.abs_src_path, file.abs_dest_path, file.is_modified()
        )
        for file in page_files
    ]
    build.theme_mtime = theme_mtime(config)  # as the build starts: a change during it is seen next time
    plan = dirty_rebuilds.plan(config.site_dir, sources, build.theme_mtime, time.time())
    for path in plan.render_again:
        os.utime(path, (0, 0))  # older than its source: MkDocs renders it again
    if plan.reason:
        log.info("Rendering every page again: %s", plan.reason)
    build.carried_in, build.signatures, build.started = plan.carried_in, plan.signatures, plan.started


def carry_over(config) -> None:
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
    entries, mtime = build.glossary_entries, build.theme_mtime
    dirty_rebuilds.keep(CarriedBuild(config.site_dir, kept | rendered, entries, build.linker, mtime, build.started))


# -- After the build: the cheat sheet's families, glossary.json, the search index ----------------


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config):
    # One document at a time, each step in its own function: none outlives its step in memory.
    try:
        write_into(build.glossary_dest, glossary.ENTRIES_MARKER, glossary_entries(build.url_of[site.GLOSSARY]))
        write_into(build.cheatsheet_dest, printing.FAMILIES_MARKER, cheatsheet_sections())
        if dirty_rebuilds is not None:
            carry_over(config)
        write_glossary_json(Path(config.site_dir) / "glossary.json", config.site_url or "")
        add_glossary_to_search(Path(config.site_dir) / "search" / "search_index.json")
    finally:
        build.cheatsheet_spool.close()
        gc.unfreeze()


def on_build_error(error):
    build.cheatsheet_spool.close()


def write_glossary_json(target: Path, site_url: str) -> None:
    records = term_data.term_records(build.index, build.url_of.__getitem__, site_url, mentions())
    json_text = term_data.glossary_json(records, site_url)
    if not target.exists() or target.read_text(encoding="utf-8") != json_text:
        target.write_text(json_text, encoding="utf-8")


def add_glossary_to_search(index_file: Path) -> None:
    if index_file.exists():  # else the search plugin is off
        glossary_url = build.url_of[site.GLOSSARY]
        records = glossary.search_records(build.index, glossary_url)
        reader_words = search_index.reader_words_by_location(build.index.terms.values(), build.url_of, glossary_url)
        index_json = index_file.read_text(encoding="utf-8")
        write_atomically(index_file, search_index.with_glossary(index_json, records, reader_words))
