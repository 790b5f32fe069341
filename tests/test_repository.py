"""site_url, repo_url, repo_name and edit_uri come from the repository that builds the site
(notekit.repository, wired by hooks/repository.py): a fork deploys with no edit."""

from __future__ import annotations

import os
import re

import pytest
from notekit.repository import LOCAL_SITE_URL, RepositoryLinks, github_repository, repository_links
from support import copy_project, mkdocs_build

ACTIONS = {"GITHUB_REPOSITORY": "someone/fork", "GITHUB_SERVER_URL": "https://github.com"}
# What a job on GitHub Actions, or the deploy workflow, sets; a build test starts without them.
REPOSITORY_VARIABLES = ("GITHUB_REPOSITORY", "GITHUB_SERVER_URL", "SITE_URL", "DEFAULT_BRANCH")


# -- The rules -------------------------------------------------------------------------------


def test_a_fork_built_on_github_actions_deploys_to_its_own_pages_and_links_to_its_own_source():
    assert repository_links(ACTIONS) == RepositoryLinks(
        site_url="https://someone.github.io/fork/",
        repo_url="https://github.com/someone/fork",
        repo_name="someone/fork",
        edit_uri="edit/main/docs/",
    )


def test_site_url_wins_over_the_address_the_repository_would_have():
    links = repository_links({**ACTIONS, "SITE_URL": "https://notes.example.org/aws/"})
    assert links.site_url == "https://notes.example.org/aws/"
    assert links.repo_url == "https://github.com/someone/fork"


@pytest.mark.parametrize(
    "base_url", ["https://notes.example.org", "https://notes.example.org/", "https://notes.example.org//"]
)
def test_site_url_ends_in_exactly_one_slash(base_url):
    assert repository_links({"SITE_URL": base_url}).site_url == "https://notes.example.org/"


def test_site_url_alone_gives_an_address_but_no_repository():
    assert repository_links({"SITE_URL": "http://127.0.0.1:8000/"}) == RepositoryLinks(
        site_url="http://127.0.0.1:8000/"
    )


@pytest.mark.parametrize("site_url", ["notes.example.org", "/aws-notes/", "ftp://example.org/"])
def test_a_site_url_that_is_no_web_address_is_an_error(site_url):
    with pytest.raises(ValueError, match="SITE_URL"):
        repository_links({"SITE_URL": site_url})


@pytest.mark.parametrize("repository", ["someone", "someone/fork/extra", "some one/fork", "someone/.."])
def test_a_github_repository_that_is_not_owner_and_name_is_an_error(repository):
    with pytest.raises(ValueError, match="GITHUB_REPOSITORY"):
        repository_links({"GITHUB_REPOSITORY": repository})


def test_the_edit_links_open_the_default_branch_the_workflow_passes():
    assert repository_links({**ACTIONS, "DEFAULT_BRANCH": "trunk"}).edit_uri == "edit/trunk/docs/"
    assert repository_links({**ACTIONS, "DEFAULT_BRANCH": ""}).edit_uri == "edit/main/docs/"


def test_the_edit_links_point_into_the_docs_folder_where_it_is():
    assert repository_links(ACTIONS, docs_folder="site/docs/").edit_uri == "edit/main/site/docs/"


@pytest.mark.parametrize("repository", ["someone/someone.github.io", "SomeOne/someone.github.io"])
def test_a_user_site_repository_is_served_at_the_root_of_its_host(repository):
    assert repository_links({"GITHUB_REPOSITORY": repository}).site_url == "https://someone.github.io/"


def test_the_pages_host_is_lower_case_and_the_folder_keeps_the_repository_name():
    links = repository_links({"GITHUB_REPOSITORY": "SomeOne/AWS-Notes"})
    assert links.site_url == "https://someone.github.io/AWS-Notes/"
    assert links.repo_url == "https://github.com/SomeOne/AWS-Notes"


def test_without_github_server_url_the_repository_is_on_github_com():
    assert repository_links({"GITHUB_REPOSITORY": "someone/fork"}) == repository_links(ACTIONS)


def test_github_enterprise_links_to_its_own_server_and_knows_no_pages_address_without_site_url():
    enterprise = {"GITHUB_REPOSITORY": "team/notes", "GITHUB_SERVER_URL": "https://git.example.com/"}
    links = repository_links(enterprise)
    assert links.repo_url == "https://git.example.com/team/notes"
    assert links.site_url == LOCAL_SITE_URL
    assert repository_links({**enterprise, "SITE_URL": "https://pages.example.com/team/notes"}).site_url == (
        "https://pages.example.com/team/notes/"
    )


@pytest.mark.parametrize(
    "remote",
    [
        "https://github.com/someone/fork.git",
        "https://github.com/someone/fork",
        "https://github.com/someone/fork/",
        "https://x-access-token:secret@github.com/someone/fork.git",
        "git@github.com:someone/fork.git",
        "git@github.com:someone/fork",
        "ssh://git@github.com/someone/fork.git",
        "git://github.com/someone/fork.git",
        "  https://github.com/someone/fork.git\n",
    ],
)
def test_a_local_clone_of_a_fork_takes_its_links_from_the_origin_remote(remote):
    assert repository_links({}, remote) == repository_links(ACTIONS)


def test_no_token_in_the_origin_remote_reaches_the_links():
    links = repository_links({}, "https://x-access-token:secret@github.com/someone/fork.git")
    assert "secret" not in repr(links)


def test_the_environment_wins_over_the_origin_remote():
    links = repository_links({"GITHUB_REPOSITORY": "upstream/notes"}, "git@github.com:someone/fork.git")
    assert links.repo_name == "upstream/notes"


@pytest.mark.parametrize(
    "remote",
    [
        "https://gitlab.com/someone/fork.git",
        "git@gitlab.com:someone/fork.git",
        "https://github.com.example.org/someone/fork.git",
        "https://github.com/someone",
        "https://github.com/someone/fork/tree/main",
        "/srv/git/notes.git",
        "../notes",
        "",
    ],
)
def test_a_remote_that_is_not_a_github_repository_gives_no_links(remote):
    assert github_repository(remote) is None
    assert repository_links({}, remote) == RepositoryLinks(site_url=LOCAL_SITE_URL)


def test_with_nothing_to_go_on_there_are_no_links_and_the_site_is_where_make_serve_serves_it():
    assert LOCAL_SITE_URL == "http://127.0.0.1:8000/"
    assert repository_links({}) == RepositoryLinks(site_url=LOCAL_SITE_URL)
    assert repository_links({}, None) == RepositoryLinks(
        site_url=LOCAL_SITE_URL, repo_url=None, repo_name=None, edit_uri=None
    )


# -- The built site --------------------------------------------------------------------------

CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
EDIT_LINK = re.compile(r'<a href="([^"]+)"[^>]*\brel="edit"')
REPOSITORY_LINK = 'class="md-source"'


def build_environment(project, **variables: str) -> dict[str, str]:
    """This process's environment less the repository's variables, plus `variables`; git looks for
    no clone above `project`, so a copy in a temporary folder is in none."""
    environment = {name: value for name, value in os.environ.items() if name not in REPOSITORY_VARIABLES}
    return {**environment, "GIT_CEILING_DIRECTORIES": str(project.parent), **variables}


def built(site_dir, page: str) -> str:
    return (site_dir / page / "index.html").read_text(encoding="utf-8")


def test_a_fork_built_on_github_actions_links_to_its_own_pages_and_source(tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir, env=build_environment(project, **ACTIONS))
    assert result.returncode == 0, result.stderr

    storage = built(site_dir, "storage")
    assert CANONICAL.findall(storage) == ["https://someone.github.io/fork/storage/"]
    assert EDIT_LINK.findall(storage) == ["https://github.com/someone/fork/edit/main/docs/storage.md"]
    assert 'href="https://github.com/someone/fork" title="Go to repository"' in storage
    # The glossary and the cheat sheet are generated: there is no file of theirs to edit.
    for generated in ("glossary", "cheatsheet"):
        assert EDIT_LINK.findall(built(site_dir, generated)) == [], generated


def test_a_local_build_outside_any_clone_shows_no_edit_link_and_no_repository_link(tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir, env=build_environment(project))
    assert result.returncode == 0, result.stderr

    for page in ("", "storage", "glossary"):
        html = built(site_dir, page)
        assert EDIT_LINK.findall(html) == [], page or "home"
        assert REPOSITORY_LINK not in html, page or "home"


EXTRA_PAGE_HOOK = '''\
"""A page whose Markdown is not in docs/, added the way a plugin might."""

from mkdocs.structure.files import File


def on_files(files, config):
    files.append(File("extra.md", src_dir={source!r}, dest_dir=config.site_dir, use_directory_urls=True))
    return files
'''


def test_a_page_whose_source_is_not_in_docs_gets_no_edit_link(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "extra.md").write_text(
        "---\ndescription: A page made outside docs/.\n---\n\n# Extra\n\nNot in docs/.\n", encoding="utf-8"
    )
    project = copy_project(tmp_path / "project")
    (project / "hooks" / "extra_page.py").write_text(EXTRA_PAGE_HOOK.format(source=str(elsewhere)), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("\nhooks:\n", "\nhooks:\n  - hooks/extra_page.py\n", 1)
    config = re.sub(r"(\nnav:\n)", r"\1  - Extra: extra.md\n", config, count=1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")

    site_dir = tmp_path / "site"
    result = mkdocs_build(project, site_dir, env=build_environment(project, **ACTIONS))
    assert result.returncode == 0, result.stderr
    assert (site_dir / "extra" / "index.html").is_file()
    assert EDIT_LINK.findall(built(site_dir, "extra")) == []
    assert EDIT_LINK.findall(built(site_dir, "storage")) == [
        "https://github.com/someone/fork/edit/main/docs/storage.md"
    ]
