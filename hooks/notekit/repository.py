"""Where the site lives and where its source is, worked out from the repository that builds it.

Nothing about the repository is written in mkdocs.yml, so a fork deploys to its own address and
its pages link to its own source without an edit. The answer comes from, in this order:

- `SITE_URL`: the address the site is served at. The deploy workflow passes GitHub Pages' own
  base URL (from `actions/configure-pages`), which is right for custom domains too.
- `GITHUB_REPOSITORY` and `GITHUB_SERVER_URL`, which GitHub Actions sets in every job.
- the `origin` remote of a local clone, when it is on github.com (https or ssh).

`DEFAULT_BRANCH` names the branch the edit links open (the workflows set it from the event);
`main` otherwise. Without a repository there is no repository link and no edit link, rather
than links to someone else's repository or to nowhere; and without any address, a local build
is addressed where `make serve` serves it, so that its sitemap, canonical links and 404 page
still work.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

GITHUB = "https://github.com"
DEFAULT_BRANCH = "main"
LOCAL_SITE_URL = "http://127.0.0.1:8000/"  # the Makefile's ADDR

# An owner is letters, digits, hyphens and (for GitHub Enterprise's managed users) underscores;
# a repository name may also hold dots.
OWNER = r"[A-Za-z0-9][A-Za-z0-9_-]*"
NAME = r"[A-Za-z0-9._-]+"
OWNER_AND_NAME = re.compile(rf"({OWNER})/({NAME})")
# git@github.com:owner/name.git, the scp-like form that `git clone` accepts for ssh.
SCP_LIKE_REMOTE = re.compile(rf"^[^@/:]+@github\.com:/?({OWNER})/({NAME})/?$", re.IGNORECASE)


@dataclass(frozen=True)
class RepositoryLinks:
    """The four MkDocs settings; None where the repository gives no answer (the site's address
    always has one)."""

    site_url: str | None = None
    repo_url: str | None = None
    repo_name: str | None = None
    edit_uri: str | None = None


def repository_links(
    environ: Mapping[str, str], origin_url: str | None = None, *, docs_folder: str = "docs"
) -> RepositoryLinks:
    """The site's address and its source repository's links, from the build's environment
    (`os.environ` or alike) and the text of the `origin` remote's URL, if any.

    `docs_folder`: where the Markdown sources are in the repository, for the edit links.
    Raises ValueError for a SITE_URL or GITHUB_REPOSITORY that cannot be right.
    """
    server_url = (environ.get("GITHUB_SERVER_URL") or GITHUB).rstrip("/")
    repository = environ.get("GITHUB_REPOSITORY")
    if repository:
        if not is_repository(repository):
            raise ValueError(f"GITHUB_REPOSITORY={repository!r} is not owner/name")
    else:
        server_url = GITHUB
        repository = github_repository(origin_url) if origin_url else None

    site_url = environ.get("SITE_URL")
    if site_url:
        site_url = checked_site_url(site_url)
    elif repository and server_url == GITHUB:
        site_url = github_pages_url(repository)
    else:
        # GitHub Enterprise serves Pages at an address of its own: there, only SITE_URL knows it.
        site_url = LOCAL_SITE_URL

    if not repository:
        return RepositoryLinks(site_url=site_url)
    branch = environ.get("DEFAULT_BRANCH") or DEFAULT_BRANCH
    folder = docs_folder.strip("/")
    return RepositoryLinks(
        site_url=site_url,
        repo_url=f"{server_url}/{repository}",
        repo_name=repository,
        edit_uri=quote(f"edit/{branch}/{folder}/" if folder else f"edit/{branch}/"),
    )


def github_repository(remote_url: str) -> str | None:
    """'owner/name' of a github.com remote URL (https, ssh or git form); None for any other host."""
    remote_url = remote_url.strip()
    scp_like = SCP_LIKE_REMOTE.match(remote_url)
    if scp_like:
        owner, name = scp_like.groups()
    else:
        parts = urlsplit(remote_url)
        # `hostname` leaves out any user name or token, which must never reach a page.
        if parts.scheme.lower() not in {"https", "http", "ssh", "git"} or parts.hostname != "github.com":
            return None
        owner, _, name = parts.path.strip("/").partition("/")
    name = name.removesuffix(".git")
    repository = f"{owner}/{name}"
    return repository if is_repository(repository) else None


def is_repository(text: str) -> bool:
    """Whether `text` is a GitHub 'owner/name' (GitHub refuses the names '.' and '..')."""
    return bool(OWNER_AND_NAME.fullmatch(text)) and text.partition("/")[2] not in {".", ".."}


def github_pages_url(repository: str) -> str:
    """The address GitHub Pages gives `repository` without a custom domain.

    A repository named after its owner's Pages host ('someone/someone.github.io') is served at
    the root of that host; every other repository, at a folder named after it.
    """
    owner, name = repository.split("/")
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if name.lower() == host else f"https://{host}/{name}/"


def checked_site_url(url: str) -> str:
    """`url` ending in exactly one '/', as MkDocs wants a site_url; ValueError unless it is an
    http(s) address."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"SITE_URL={url!r} is not an http(s) address")
    return url.strip().rstrip("/") + "/"
