"""Split a Markdown page into its YAML front matter and its body, reporting broken YAML.

MkDocs itself ignores front matter it cannot parse, silently: a typo there would drop every
term of the page. This reader says what is wrong instead.
"""

from __future__ import annotations

import re

import yaml

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(?P<yaml>.*?)^(?:-{3}|\.{3})[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)
# libyaml's loader when PyYAML was built with it: several times faster on a few thousand terms.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str) -> tuple[dict, str, str | None]:
    """(front matter, body, error): an empty mapping and the error when the YAML is broken."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, text, None
    body = text[match.end() :]
    try:
        meta = yaml.load(match.group("yaml"), Loader=Loader)
    except yaml.YAMLError as error:
        return {}, body, f"its front matter is not valid YAML: {' '.join(str(error).split())}"
    if meta is None:
        return {}, body, None
    if not isinstance(meta, dict):
        return {}, body, "its front matter must be a mapping of keys to values"
    return meta, body, None
