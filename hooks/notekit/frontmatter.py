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


def yaml_error_message(error: yaml.YAMLError) -> str:
    """The error in a maintainer's words, with the lines of the file where it shows."""

    def line(mark) -> int:  # marks count from 0 within the YAML; the file has '---' above it
        return mark.line + 2

    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or " ".join(str(error).split())
    where = f"line {line(problem_mark)}: " if problem_mark is not None else ""
    context = getattr(error, "context", None)
    if context and context_mark is not None and context_mark.line != getattr(problem_mark, "line", None):
        problem += f", {context} started on line {line(context_mark)}"
    return f"{where}its front matter is not valid YAML ({problem})"


def split_front_matter(text: str) -> tuple[dict, str, str | None]:
    """(front matter, body, error): an empty mapping and the error when the YAML is broken."""
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, text, None
    body = text[match.end() :]
    try:
        meta = yaml.load(match.group("yaml"), Loader=Loader)
    except yaml.YAMLError as error:
        return {}, body, yaml_error_message(error)
    if meta is None:
        return {}, body, None
    if not isinstance(meta, dict):
        return {}, body, "its front matter must be a mapping of keys to values"
    return meta, body, None
