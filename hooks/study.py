"""MkDocs hook: the study page (docs/study.md) gets its deck, every glossary term, written in.

Wiring only; the deck's shape lives in `notekit.study`. The glossary hook makes the text of
glossary.json in its `on_env`; this runs later in the same event and reads that text, so the
deck and the published file never disagree. It also tells the print hook that the study page is
not a service family: no PDF of its own, no place in the cheat sheet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from notekit import study


@dataclass
class BuildState:
    page_urls: list[str] = field(default_factory=list)
    page: object = None


# MkDocs imports a hook once per process: `mkdocs serve` rebuilds start from a fresh state.
state = BuildState()


def on_config(config):
    global state
    state = BuildState()


def on_nav(nav, config, files):
    state.page_urls = [page.url for page in nav.pages]
    return nav


def on_page_content(html, page, config, files):
    if page.file.src_uri == study.STUDY_SOURCE:
        state.page = page
    return None


def glossary_json_text(config) -> str:
    for name, hook in config.hooks.items():
        if PurePosixPath(name).name == "glossary.py":
            return hook.state.json_text
    raise PluginError("hooks/study.py reads the glossary: list hooks/glossary.py in mkdocs.yml too")


@event_priority(-60)  # after the glossary hook (0) has made glossary.json's text
def on_env(env, config, files):
    page = state.page
    if page is None:
        return env
    if study.DECK_PLACEHOLDER not in page.content:
        raise PluginError(f"docs/{study.STUDY_SOURCE} lost its '{study.DECK_PLACEHOLDER}' line: the deck goes there")
    glossary = json.loads(glossary_json_text(config))
    page.content = page.content.replace(study.DECK_PLACEHOLDER, study.deck_html(study.deck(glossary, state.page_urls)))
    return env
