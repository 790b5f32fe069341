"""The site's special pages, and the one placeholder syntax its generated parts are filled through.

One list: the hooks, the templates (through `config.extra.special_pages`, set by hooks/site.py)
and the tests all read the names below, so adding a page that is not a service family edits
`NOT_FAMILIES` here and nothing else.

A page holds a placeholder where the build writes something it generates: `<!-- fill:NAME -->`.
`fill` replaces one and fails when it is not there; `unfilled` finds any left behind, so that a
page whose generator is missing (a hook taken out of mkdocs.yml, a placeholder misspelled) fails
the strict build instead of publishing an HTML comment where its content should be.
"""

from __future__ import annotations

import re
from collections.abc import Callable

GLOSSARY = "glossary.md"  # generated
CHEATSHEET = "cheatsheet.md"  # generated
STUDY = "study.md"  # in docs/, its deck generated
GENERATED = (GLOSSARY, CHEATSHEET)
CHEATSHEET_PDF = "aws-notes-cheatsheet.pdf"
# Pages that are not a service family: no PDF of their own, no place in the cheat sheet.
NOT_FAMILIES = frozenset({"index.md", "resources.md", GLOSSARY, CHEATSHEET, STUDY})

PLACEHOLDER = re.compile(r"<!--\s*fill:(?P<name>[\w-]*)\s*-->")


class PlaceholderMissing(ValueError):
    """A page lacks the placeholder its generated content goes into."""


def is_family(source: str) -> bool:
    """Whether the page built from the Markdown file `source` is a service family."""
    return source not in NOT_FAMILIES


def placeholder(name: str) -> str:
    return f"<!-- fill:{name} -->"


def fill(page_html: str, name: str, content: str) -> str:
    """`page_html` with its placeholder `name` replaced by `content`; there must be exactly one."""
    marker = placeholder(name)
    count = page_html.count(marker)
    if count != 1:
        found = "none" if count == 0 else f"{count}"
        raise PlaceholderMissing(f"needs exactly one '{marker}' line for its generated content, it has {found}")
    return page_html.replace(marker, content)


def fill_each(page_html: str, prefix: str, content_for: Callable[[str], str]) -> str:
    """Fill every placeholder named `prefix` + key with `content_for(key)` (one per glossary entry)."""

    def replace(match: re.Match) -> str:
        name = match.group("name")
        return content_for(name.removeprefix(prefix)) if name.startswith(prefix) else match.group(0)

    return PLACEHOLDER.sub(replace, page_html)


def unfilled(page_html: str) -> list[str]:
    """The placeholders still in a finished page, as written."""
    return [match.group(0) for match in PLACEHOLDER.finditer(page_html)]


def template_names(urls: dict[str, str]) -> dict[str, str]:
    """What the templates need to know, for `config.extra.special_pages`: the glossary's Markdown
    source, the cheat sheet's URL (`urls` maps sources to URLs) and its PDF."""
    return {"glossary": GLOSSARY, "cheatsheet_url": urls.get(CHEATSHEET, ""), "cheatsheet_pdf": CHEATSHEET_PDF}
