"""The #anchors of `make linkcheck`, checked with linkchecker's own code, once per page instead of once per link.

linkchecker 10.6 keys its cache of results by the whole URL, fragment included, whenever its
AnchorCheck plugin is on (UrlBase.set_cache_url), so `page/#a` and `page/#b` are two URLs: each is
fetched, parsed once for its anchors (plugins/anchorcheck.py) and once more for its links, every one
of which is then built again only to be found in the cache (parser.parse_html, UrlBase.add_url). A
page that is linked with a hundred anchors is fetched and parsed a hundred times. With AnchorCheck
off, linkchecker keys by the URL without its fragment: it fetches and parses each page once, and
leaves the links to `page#anchor` out of its report (their page is already in its cache).

`with_anchors_checked` puts them back, as AnchorCheck would have reported them: for each distinct
internal URL with a fragment, linked from a page that linkchecker went through, the verdict that
linkchecker gave its page, plus AnchorCheck's warning when the anchor is missing. Each step is
linkchecker's code: its HTML parser and link finder (htmlutil) on each page, once; its URL building
(checker.get_url_from) for every link; AnchorCheck's own check and message for every anchor.
"""

from __future__ import annotations

import functools
import urllib.request
from dataclasses import dataclass, replace
from urllib.parse import urldefrag

# Importing linkcheck installs its gettext `_` in builtins: only this module, run by the check, imports it.
from linkcheck import configuration, director
from linkcheck.checker import get_url_from
from linkcheck.checker.httpurl import nofollow_re
from linkcheck.checker.urlbase import UrlBase
from linkcheck.htmlutil import htmlsoup, linkparse
from linkcheck.plugins.anchorcheck import UrlAnchorCheck
from linkcheck.url import url_norm

from tools.linkcheck.common import CONFIG, Result

ANCHOR_PLUGIN = "AnchorCheck"


@dataclass
class Page:
    """One served URL, fetched once: its HTML parsed as linkchecker parses it, or nothing."""

    soup: object | None  # BeautifulSoup, None when it is not an HTML page
    encoding: str | None  # what linkchecker decodes the page's links with
    size: int

    @functools.cached_property
    def anchors(self) -> UrlAnchorCheck:
        """AnchorCheck's list of the page's anchors (every id, and a[name]), found once."""
        check = UrlAnchorCheck()
        if self.soup is not None:
            linkparse.find_links(self.soup, check.add_anchor, linkparse.AnchorTags)
        return check

    def links(self) -> list[tuple[str | None, str]]:
        """Every link linkchecker finds on the page, in document order: (URL as written, <base href>)."""
        found: list[tuple[str | None, str]] = []

        def collect(url, line=None, column=None, name="", base=""):  # UrlBase.add_url's signature
            found.append((url, base))

        if self.soup is not None:
            linkparse.find_links(self.soup, collect, linkparse.LinkTags)
        return found


class Site:
    """The served site as the linkchecker run saw it: its settings, its URL rules, its pages."""

    def __init__(self, base: str):
        self.base = base
        config = configuration.Configuration()
        config.read([str(CONFIG)])
        # The run's configuration: the shared one without AnchorCheck, so a URL's cache key is the
        # URL without its fragment (UrlBase.set_cache_url).
        config["enabledplugins"] = [name for name in config["enabledplugins"] if name != ANCHOR_PLUGIN]
        self.config = config
        self.aggregate = director.get_aggregate(config)
        # As the command line does with the URL it is given: level 0, internal, and the source of the
        # "internal" pattern every other URL is matched against.
        self.start = get_url_from(base, 0, self.aggregate, extern=(0, 0))

    def url_data(self, written: str, parent: str, base_ref: str, encoding: str | None) -> UrlBase:
        """The UrlData linkchecker builds for a link written on `parent` (UrlBase.add_url)."""
        return get_url_from(
            written, 1, self.aggregate, parent_url=parent, base_ref=base_ref or None, url_encoding=encoding
        )

    @functools.cache  # noqa: B019 (one Site per check: the cache lives as long as the check)
    def page(self, url: str) -> Page:
        """`url` fetched from the local server (redirects followed, as linkchecker does) and parsed if HTML.

        Only URLs that linkchecker fetched fine are asked for: one that fails now stops the check,
        rather than let the anchors that point into it pass unchecked.
        """
        if not url.startswith(self.base):
            raise SystemExit(f"linkcheck: {url} is not on the local server {self.base}")
        try:
            with urllib.request.urlopen(url, timeout=self.config["timeout"]) as response:
                if UrlBase.ContentMimetypes.get(response.headers.get_content_type()) != "html":
                    return Page(None, None, 0)  # a stylesheet, a font, a PDF: no need to read it
                data = response.read()
        except OSError as error:  # urllib's errors, HTTP ones included, are OSErrors
            message = f"linkcheck: {url} was fine for linkchecker, but fetching it again failed: {error}"
            raise SystemExit(message) from error
        if len(data) > self.config["maxfilesizedownload"]:  # UrlBase.can_get_content
            return Page(None, None, len(data))
        soup = htmlsoup.make_soup(data)  # UrlBase.get_content: no encoding given, Beautiful Soup detects it
        return Page(soup, soup.original_encoding or "ISO-8859-1", len(data))

    def parsed_for_links(self, row: Result, url_data: UrlBase) -> bool:
        """Whether linkchecker went through the page of `row` for links (UrlBase.allows_recursion)."""
        if not row.valid or url_data.extern[0] or not row.absolute:
            return False
        page = self.page(urldefrag(row.absolute).url)
        return (
            page.soup is not None
            and page.size <= self.config["maxfilesizeparse"]
            and not page.soup.find("meta", attrs={"name": "robots", "content": nofollow_re})
        )


def joined(messages) -> str:
    """Warnings as common.read_report gives a row's: linkchecker writes them one a line in a quoted
    CSV field, and reading the file line by line joins those lines with nothing between them."""
    return "".join(messages)


@dataclass(frozen=True)
class Logged:
    """A row of linkchecker's report, found by a cache key of linkchecker's."""

    index: int  # its place in the report
    url_data: UrlBase  # what linkchecker built of it
    by_redirect: bool  # the key is where the row's URL was redirected to


def rows_by_cache_key(site: Site, results: list[Result]) -> tuple[list[UrlBase], dict[str, Logged]]:
    """Each row's UrlData, and the rows by the cache key under which linkchecker checked them: the
    key that every later link to the same page, whatever its #anchor, was found under and skipped."""
    built: list[UrlBase] = []
    by_key: dict[str, Logged] = {}
    for index, row in enumerate(results):
        if row.page:
            parent = site.page(urldefrag(row.page).url)
            url_data = site.url_data(row.url, row.page, row.base, parent.encoding)
        else:
            url_data = site.start
        built.append(url_data)
        by_key.setdefault(url_data.cache_url, Logged(index, url_data, by_redirect=False))
        # A redirect's target URL is cached too (its "alias"): a later link to it is not checked again.
        if row.absolute and row.absolute != url_data.url:
            by_key.setdefault(row.absolute, Logged(index, url_data, by_redirect=True))
    return built, by_key


def with_anchors_checked(results: list[Result], base: str) -> list[Result]:
    """linkchecker's report of a run without AnchorCheck, made what a run with it would have reported.

    With AnchorCheck on, linkchecker reports every distinct URL once, `page/#a` and `page/#b`
    included, each with its page's verdict and AnchorCheck's. Without it, it reports one of the
    links to each page. This adds the others, by the same rules. The local server must still be
    serving `base`.
    """
    site = Site(base)
    built, by_key = rows_by_cache_key(site, results)
    checked = list(results)
    settled: set[str] = set()  # as in linkchecker's report, each URL once: where it is first linked
    for row, row_url_data in zip(results, built, strict=True):
        if not site.parsed_for_links(row, row_url_data):
            continue
        page = site.page(urldefrag(row.absolute).url)
        for written, page_base in page.links():
            if written is None:
                continue
            base_ref = url_norm(page_base, page.encoding)[0] if page_base else ""
            link = site.url_data(written, row.absolute, base_ref, page.encoding)
            # linkchecker reports every malformed URL itself (has_result: it has no cache key), and
            # outside URLs are not checked.
            if link.has_result or link.extern[0] or link.url in settled:
                continue
            settled.add(link.url)
            logged = by_key.get(link.cache_url)
            if logged is None:
                # Every link of a page linkchecker went through is in its cache: never expected, never silent.
                checked.append(Result(link.base_url, row.absolute, False, "not in linkchecker's report", "", ""))
                continue
            target = results[logged.index]  # linkchecker's verdict on the page
            anchor = anchor_warnings(link, site.page(link.cache_url)) if target.valid else []
            if logged.url_data.url == link.url:
                # linkchecker reported this very URL (the first link to its page): add the anchor's verdict.
                if anchor:
                    checked[logged.index] = replace(target, warning=target.warning + joined(anchor))
                continue
            checked.append(reported_like(link, row.absolute, target, logged, anchor))
    return checked


def reported_like(link: UrlBase, page: str, target: Result, logged: Logged, anchor: list[str]) -> Result:
    """The row linkchecker would have written for `link` on `page`: the verdict of the row it
    reported for the same page (`target`), with `link`'s own warnings and anchor."""
    # What linkchecker said of the other link's spelling comes first (found while building its URL)
    # and is not this link's; nor is a redirect that the other link went through to reach the page.
    other_spelling = joined(message for _tag, message in logged.url_data.warnings)
    page_warnings = "" if logged.by_redirect else target.warning.removeprefix(other_spelling)
    own = joined(message for _tag, message in link.warnings)  # whitespace around the URL, its length...
    return Result(
        url=link.base_url,
        page=page,
        valid=target.valid,
        result=target.result,
        warning=own + page_warnings + joined(anchor),
        info=target.info,
        absolute=link.url,
    )


class AnchorVerdict:
    """The part of a UrlData that AnchorCheck reads and writes, so the link's own warnings stay its own."""

    def __init__(self, link: UrlBase):
        self.anchor, self.encoding = link.anchor, link.encoding
        self.warnings: list[str] = []

    def add_warning(self, message: str, tag: str | None = None) -> None:
        self.warnings.append(message)


def anchor_warnings(link: UrlBase, page: Page) -> list[str]:
    """AnchorCheck's verdict on `link`'s fragment: its warning when the page lacks the anchor, else none."""
    if page.soup is None or not link.anchor:  # AnchorCheck.applies_to: HTML pages, URLs with an anchor
        return []
    verdict = AnchorVerdict(link)
    page.anchors.check_anchor(verdict)
    return verdict.warnings
