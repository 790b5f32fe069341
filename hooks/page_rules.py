"""MkDocs hook: every notes page has readable front matter, a title, a description, text, stable
section anchors and working same-page links, and nothing left where generated content belongs.

Each problem is one warning naming the file and the line or heading, so `mkdocs build --strict`
fails on a malformed page instead of publishing it. Front matter that is not valid YAML stops the
build at once, and so does a `terms:` key that reads no terms: every later step would report the
terms it lost, a dozen times over.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from notekit.frontmatter import split_front_matter
from notekit.page_rules import first_body_line, page_problems, raw_html_anchor_problems
from notekit.site import unfilled
from notekit.terms import terms_key_problems

log = get_plugin_logger(__name__)


def on_page_markdown(markdown, page, config, files):
    source = page.file.src_uri
    if not page.meta and markdown.startswith("---"):
        # MkDocs drops front matter it cannot parse, and leaves it in the text.
        error = split_front_matter(markdown)[2] or "its front matter could not be read"
        raise PluginError(f"{source}: {error}")
    fatal = terms_key_problems(page.meta, source)
    if fatal:
        raise PluginError("\n".join(fatal))
    if page_problems(markdown, page.meta):
        # Lines are told as in the file, front matter counted; MkDocs keeps no copy of it, so the
        # file is read again, but only for a page that has something to report.
        first_line = first_body_line(page.file.content_string, markdown)
        for problem in page_problems(markdown, page.meta, first_line):
            log.warning("%s: %s", source, problem)
    return None


def on_page_content(html, page, config, files):
    if raw_html_anchor_problems(page.markdown, html):
        first_line = first_body_line(page.file.content_string, page.markdown)  # as in on_page_markdown
        for problem in raw_html_anchor_problems(page.markdown, html, first_line):
            log.warning("%s: %s", page.file.src_uri, problem)
    return None


@event_priority(-100)  # the finished page, after every hook has filled in what it generates
def on_post_page(output, page, config):
    for marker in unfilled(output):
        log.warning(
            "%s: '%s' is a placeholder that nothing fills (a misspelled name, or a hook missing from mkdocs.yml?)",
            page.file.src_uri,
            marker,
        )
    return None
