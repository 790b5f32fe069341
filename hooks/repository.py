"""MkDocs hook: site_url, repo_url, repo_name and edit_uri come from the repository that builds
the site, so a fork deploys to its own address and links to its own source with no edit.

Wiring only; the rules live in `notekit.repository`. Settings that mkdocs.yml does give are kept.
mkdocs.yml reads SITE_URL itself as well, so that `mkdocs serve` serves the site at its path.

MkDocs derives repo_name and edit_uri from repo_url while it validates mkdocs.yml, before any
hook runs; so this hook sets all three itself. mkdocs.yml lists it before every hook that reads
them (hooks/site.py writes site_url into glossary.json).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from notekit.repository import repository_links

log = get_plugin_logger(__name__)


def on_config(config):
    # The folder of mkdocs.yml, which MkDocs can also read from standard input.
    project = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    docs_folder = Path(os.path.relpath(config.docs_dir, project)).as_posix()
    try:
        links = repository_links(os.environ, origin_url(project), docs_folder=docs_folder)
    except ValueError as error:
        raise PluginError(str(error)) from error

    if not config.site_url:
        config.site_url = links.site_url
    if not config.repo_url and links.repo_url:
        config.repo_url = links.repo_url
        config.repo_name = config.repo_name or links.repo_name
        if config.edit_uri is None and not config.edit_uri_template:
            config.edit_uri = links.edit_uri
    if config.repo_url:
        log.info(f"Source {config.repo_url}, site {config.site_url}")
    else:
        log.info(
            "No GitHub repository (no GITHUB_REPOSITORY, no github.com origin remote): "
            "the pages get no repository link and no edit button"
        )
    return config


def origin_url(folder: Path) -> str | None:
    """The URL of the `origin` remote of the clone `folder` is in; None outside a clone, without
    git, or without that remote. Reads the local configuration only: no network."""
    try:
        result = subprocess.run(
            ["git", "config", "--get", "remote.origin.url"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


@event_priority(-100)  # after every other hook has added its pages
def on_files(files, config):
    """No edit button on a page whose source is not a file in docs/: the link would lead nowhere.

    Pages made with `File.generated` (the glossary, the cheat sheet) have no source to edit, and
    MkDocs already gives them none; this also covers a page a hook adds any other way.
    """
    if not config.edit_uri and not config.edit_uri_template:
        return files
    docs = Path(config.docs_dir)
    for file in files.documentation_pages():
        if file.edit_uri is not None and not (docs / file.edit_uri).is_file():
            log.debug(f"{file.src_uri}: no edit link, docs/{file.edit_uri} does not exist")
            file.edit_uri = None
    return files
