"""No silent failures: each kind of bad input a maintainer may write fails the strict build, with one
message that names the file and what is wrong.

Every case breaks a throw-away copy of the real project in one way and builds it, as `make build`
would; the messages are the sentences a maintainer reads, so the tests check their words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import copy_project, mkdocs_build


def edit(project: Path, relative: str, change) -> None:
    path = project / relative
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def warnings_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]


def broken_build(tmp_path: Path, relative: str, change) -> tuple[str, list[str]]:
    project = copy_project(tmp_path / "project")
    edit(project, relative, change)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0, f"the strict build passed:\n{result.stderr[-2000:]}"
    return result.stderr, warnings_of(result)


def replace_once(old: str, new: str):
    def change(text: str) -> str:
        assert text.count(old) == 1, f"the test's anchor text {old!r} is not in the page once"
        return text.replace(old, new)

    return change


STORAGE_TERMS = "terms:\n  - id: s3\n"
EBS_SEE = "    see: [instance-store, ebs-snapshots, efs, s3]"
EBS_ALIASES = "    aliases: [Amazon EBS, Elastic Block Store, EBS volume]"
EFS_HEADING = "## Amazon EFS: file storage { #efs }\n"

CASES = {
    "reader word another term claims": (
        "docs/storage.md",
        replace_once("reader_words: [hard drive, ", "reader_words: [scratch disk, hard drive, "),
        ["storage.md: reader word 'scratch disk' of term 'ebs' is already claimed by term 'instance-store'"],
    ),
    "empty terms key": (
        "docs/networking.md",
        lambda text: re.sub(r"^terms:\n(?:  .*\n)+", "terms:\n", text, flags=re.M),
        ["networking.md: 'terms:' is empty"],
    ),
    "terms key misspelled term": (
        "docs/storage.md",
        replace_once(STORAGE_TERMS, "term:\n  - id: s3\n"),
        ["storage.md: the front matter key 'term' is not 'terms'"],
    ),
    "terms key capitalized": (
        "docs/storage.md",
        replace_once(STORAGE_TERMS, "Terms:\n  - id: s3\n"),
        ["storage.md: the front matter key 'Terms' is not 'terms'"],
    ),
    "term reference in capitals": (
        "docs/storage.md",
        replace_once(EFS_HEADING, EFS_HEADING + "\nSee [EBS](TERM:ebs).\n"),
        ["storage.md: a link to 'TERM:ebs' is not a term reference"],
    ),
    "term reference with an s": (
        "docs/storage.md",
        replace_once(EFS_HEADING, EFS_HEADING + "\nSee [EBS](terms:ebs).\n"),
        ["storage.md: a link to 'terms:ebs' is not a term reference"],
    ),
    "raw HTML link to a missing anchor": (
        "docs/storage.md",
        replace_once(EFS_HEADING, EFS_HEADING + '\nSee <a href="#not-here">below</a>.\n'),
        ["storage.md: line ", "the HTML link to '#not-here' leads to no anchor here"],
    ),
    "see lists the term itself": (
        "docs/storage.md",
        replace_once(EBS_SEE, "    see: [ebs, efs]"),
        ["storage.md: term 'ebs': 'see' lists the term itself"],
    ),
    "see repeats an entry": (
        "docs/storage.md",
        replace_once(EBS_SEE, "    see: [efs, s3, efs]"),
        ["storage.md: term 'ebs': 'see' lists ['efs'] twice"],
    ),
    "alias repeats the name": (
        "docs/storage.md",
        replace_once(EBS_ALIASES, "    aliases: [Amazon EBS, Amazon Elastic Block Store]"),
        ["storage.md: term 'ebs': ['Amazon Elastic Block Store'] written more than once"],
    ),
    "zero-width space in a name": (
        "docs/storage.md",
        replace_once("    name: Amazon Elastic Block Store\n", "    name: Amazon Elastic\u200bBlock Store\n"),
        ["storage.md: term 'ebs': its name 'Amazon Elastic\u200bBlock Store' has invisible characters ['U+200B']"],
    ),
    "bidirectional control in an alias": (
        "docs/storage.md",
        replace_once(EBS_ALIASES, "    aliases: [Amazon EBS, \u202eEBS volume]"),
        ["storage.md: term 'ebs': its name '\u202eEBS volume' has invisible characters ['U+202E']"],
    ),
    "term id taken by the glossary page": (
        "docs/storage.md",
        lambda text: re.sub(r"\befs\b", "letter-e", text),  # its id, anchor and every "see" of it
        ["storage.md: term id 'letter-e' is taken on the glossary page"],
    ),
    "placeholder misspelled": (
        "docs/study.md",
        replace_once("<!-- fill:study-deck -->", "<!-- fill:study-dek -->"),
        ["study.md needs exactly one '<!-- fill:study-deck -->' line for its generated content, it has none"],
    ),
    "placeholder nothing fills": (
        "docs/resources.md",
        lambda text: text + "\n<!-- fill:resource-list -->\n",
        ["resources.md: '<!-- fill:resource-list -->' is a placeholder that nothing fills"],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_fails_the_build_naming_file_and_problem(tmp_path, case):
    relative, change, expected = CASES[case]
    stderr, warnings = broken_build(tmp_path, relative, change)
    joined = "\n".join(warnings)
    assert all(part in joined for part in expected), f"expected {expected} in:\n{joined}"
    assert len(warnings) <= 2, "one problem, one message (and MkDocs' summary line):\n" + joined


def test_broken_yaml_is_reported_once_with_its_lines(tmp_path):
    # The first term's name (line 6 of the file) loses its closing quote.
    stderr, warnings = broken_build(
        tmp_path, "docs/storage.md", replace_once("    name: Amazon Simple Storage Service\n", '    name: "Amazon S3\n')
    )
    ours = [line for line in warnings if "Error reading page" not in line]  # MkDocs' own heading
    assert len(ours) == 1, "\n".join(warnings)
    assert re.search(r"storage\.md: line \d+: its front matter is not valid YAML \(.+ line \d+\)", ours[0]), ours[0]
    lines = [int(number) for number in re.findall(r"line (\d+)", ours[0])]
    assert min(lines) <= 6 <= max(lines), f"{ours[0]}: the broken quote is on line 6"
    assert "description" not in stderr, "a follow-on complaint about the lost front matter"


def test_taking_the_site_hook_out_fails_the_build_naming_what_is_missing(tmp_path):
    stderr, warnings = broken_build(tmp_path, "mkdocs.yml", replace_once("  - hooks/site.py\n", ""))
    joined = "\n".join(warnings)
    assert "'glossary.md'" in joined and "'cheatsheet.md'" in joined, joined
    assert "study.md: '<!-- fill:study-deck -->' is a placeholder that nothing fills" in joined, joined


def test_odd_names_give_one_letter_group_each_and_unique_ids(tmp_path):
    """Names starting with punctuation, an accent or a non-Latin letter sort and group by the same
    folded key: "É" files under E, beside the E names; ".*" and "Ж" under "#"."""
    project = copy_project(tmp_path / "project")
    extra = [("dot-star", ".*"), ("eclair", "Éclair service"), ("zhuk", "Жук"), ("edge-x", "Edge X")]
    terms = "".join(f"  - id: {i}\n    name: {name}\n    summary: A test term.\n" for i, name in extra)
    sections = "".join(f"\n## {name} {{ #{i} }}\n\nText about it.\n" for i, name in extra)
    edit(project, "docs/resources.md", lambda text: text.replace("---\n", "---\nterms:\n" + terms, 1) + sections)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    glossary = (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', glossary)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    letters = re.findall(r'id="letter-([^"]*)"', glossary)
    assert letters[0] == "other" and "" not in letters and letters.count("e") == 1
    groups = re.split(r'<p class="glossary-letter glossary-plain" id="letter-', glossary)
    group_of = {i: next(g[:5] for g in groups[1:] if f'id="{i}"' in g) for i, _ in extra}
    assert group_of["eclair"].startswith("e") and group_of["edge-x"].startswith("e")
    assert group_of["dot-star"].startswith("other") and group_of["zhuk"].startswith("other")
