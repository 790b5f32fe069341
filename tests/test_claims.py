"""The claim register: every fact the site adds cites an official AWS page and a checked month.

Unit tests of `notekit.claims` on small pages; then the real site: the register of `docs/` is
complete and clean, every box a reader sees says its kind, month and source, a bad box fails the
strict build, and `make claims` lists what the weekly workflow reports as due.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from urllib.parse import urlsplit

import pytest
import yaml
from notekit.claims import (
    BOX_KINDS,
    claim_problems,
    claims_in_page,
    due_for_review,
    mark_checked_months,
    official,
    term_claims,
)
from notekit.terms import terms_from_page
from support import DOCS, ROOT, copy_project, mkdocs_build

TODAY = date(2026, 11, 29)
EC2_DOCS = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-purchasing-options.html"
PAGE = f"""\
# Compute

## Amazon EC2 pricing {{ #ec2-pricing }}

Five ways to pay.

!!! info "Update, checked 2026-11"
    AWS also lists Dedicated Instances. See [Dedicated Hosts](#dedicated-hosts).
    [Source: Instance purchasing options]({EC2_DOCS})

Text after the box.

### Dedicated Hosts {{ #dedicated-hosts }}

| Model | Pays |
|---|---|
| On-Demand | By the second |

Sources, checked 2025-06: [Amazon EC2 pricing](https://aws.amazon.com/ec2/pricing/).

```markdown
!!! info "Update (2026)"
    In a code block this is an example, not a box.
```
"""


def problems_of(page: str, today: date = TODAY) -> list[str]:
    claims, problems = claims_in_page(page, "compute.md")
    return problems + claim_problems(claims, today)


# -- Reading claims from a page -----------------------------------------------------------------


def test_box_and_sources_line_are_read_with_section_kind_month_and_source():
    claims, problems = claims_in_page(PAGE, "compute.md")
    assert problems == []
    box, line = claims
    assert (box.page, box.anchor, box.kind, box.checked, box.sources, box.line) == (
        "compute.md",
        "ec2-pricing",
        "update",
        "2026-11",
        (EC2_DOCS,),
        7,
    )
    # The link to another note is not a source: only "[Source: ...]" links cite.
    assert (line.anchor, line.kind, line.checked, line.sources) == (
        "dedicated-hosts",
        "sources",
        "2025-06",
        ("https://aws.amazon.com/ec2/pricing/",),
    )


def test_lines_are_counted_from_the_files_first_line():
    claims, _ = claims_in_page(PAGE, "compute.md", first_line=12)
    assert claims[0].line == 18


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        ('!!! info "Update (2026)"', "the box 'Update (2026)' is not a claim box"),
        ('!!! info "Update"', "the box 'Update' is not a claim box"),
        ("!!! info", "the box 'info' is not a claim box"),
        ('!!! info "Rumour, checked 2026-11"', "the box 'Rumour, checked 2026-11' is not a claim box"),
        ('??? note "Update, checked 2026-11"', "the Update box is typed 'note': Update boxes are 'info'"),
        ('!!! warning "Correction, checked 2026-11"', "the Correction box is typed 'warning'"),
    ],
)
def test_a_box_in_any_other_form_is_named_with_its_line(box, expected):
    problems = problems_of(f"# T\n\ntext\n\n{box}\n    Says something. [Source: x]({EC2_DOCS})\n")
    assert len(problems) == 1
    assert problems[0].startswith(f"line 5: {expected}")


@pytest.mark.parametrize(
    ("body", "title", "expected"),
    [
        ("No source at all.", "Update, checked 2026-11", "compute.md: line 3: the Update box cites no source"),
        (
            "[Source: a blog](https://example.com/ebs)",
            "Correction, checked 2026-11",
            "cites https://example.com/ebs, which is not an official AWS page",
        ),
        (f"[Source: x]({EC2_DOCS.replace('https', 'http')})", "Addition, checked 2026-11", "not an official AWS page"),
        (
            "[Source: x](https://docs.aws.amazon.com.example.net/ec2)",
            "Update, checked 2026-11",
            "not an official AWS page",
        ),
        (f"[Source: x]({EC2_DOCS})", "Update, checked 2026-13", "'2026-13', which is not a month written YYYY-MM"),
        (f"[Source: x]({EC2_DOCS})", "Update, checked 2027-01", "was checked in 2027-01, which is still to come"),
    ],
)
def test_a_box_without_an_official_source_or_a_usable_month_fails(body, title, expected):
    kind = title.split(",")[0]
    box_type = {"Update": "info", "Correction": "note", "Addition": "tip"}[kind]
    problems = problems_of(f'# T\n\n!!! {box_type} "{title}"\n    {body}\n')
    assert len(problems) == 1 and expected in problems[0], problems


def test_every_kind_and_a_topic_in_the_title_are_accepted():
    page = "\n".join(
        f'!!! {box_type} "{kind}: the missing example, checked 2026-11"\n    Yes. [Source: x]({EC2_DOCS})\n'
        for kind, box_type in [("Update", "info"), ("Correction", "note"), ("Addition", "tip"), ("Answer", "question")]
    )
    claims, problems = claims_in_page("# T\n\n" + page, "compute.md")
    assert problems == [] and claim_problems(claims, TODAY) == []
    assert [c.kind for c in claims] == ["update", "correction", "addition", "answer"]


NO_SOURCE_LATER = '"Update, checked 2099-01"\n    No source.\n'


@pytest.mark.parametrize(
    "box",
    [
        "- A list item.\n\n    !!! info " + NO_SOURCE_LATER.replace("\n    ", "\n        "),
        "!!! info inline end " + NO_SOURCE_LATER,
        "!!!info " + NO_SOURCE_LATER,
        "???+ info " + NO_SOURCE_LATER,
        '!!! info "Update,  checked 2099-01"\n    No source.\n',
    ],
    ids=["in a list", "more classes", "no space after the marker", "open details", "two spaces"],
)
def test_boxes_written_any_way_markdown_reads_are_checked(box):
    problems = problems_of(f"# T\n\n{box}")
    assert any("cites no source" in problem for problem in problems), problems
    assert any("which is still to come" in problem for problem in problems), problems


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('??? "Update, checked 2026-11"', "the Update box is typed '': Update boxes are 'info'"),
        ("!!! ", "the box '' is not a claim box"),
        ('!!! info "Update: the "X" case, checked 2026-11"', None),
    ],
)
def test_boxes_without_a_type_are_reported_and_quotes_in_titles_are_read(line, expected):
    problems = problems_of(f"# T\n\n{line}\n    Text. [Source: x]({EC2_DOCS})\n")
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and expected in problems[0], problems


def test_a_box_inside_a_box_is_a_claim_of_its_own():
    page = (
        '!!! info "Update, checked 2026-11"\n    Outer. [Source: outer](https://aws.amazon.com/a/)\n\n'
        '    !!! note "Correction, checked 2026-11"\n        Inner, unsourced.\n'
    )
    claims, problems = claims_in_page("# T\n\n" + page, "compute.md")
    assert problems == [] and [c.kind for c in claims] == ["update", "correction"]
    assert claims[0].sources == ("https://aws.amazon.com/a/",) and claims[1].sources == ()
    assert claim_problems(claims, TODAY) == ["compute.md: line 6: the Correction box cites no source (a link written "
                                             "[Source: page title](url))"]  # fmt: skip


@pytest.mark.parametrize(
    "line", ["Sources, checked 2026-1: [x](https://aws.amazon.com/)", "Sources: [x](https://a.b/)"]
)
def test_a_sources_line_in_any_other_form_is_reported(line):
    problems = problems_of(f"# T\n\n{line}\n")
    assert problems == ["line 3: a 'Sources' line reads 'Sources, checked YYYY-MM: [title](url); ...'"]


@pytest.mark.parametrize(
    ("url", "is_official"),
    [
        ("https://docs.aws.amazon.com/ec2/", True),
        ("https://aws.amazon.com/ec2/pricing/", True),
        ("http://aws.amazon.com/ec2/", False),
        ("https://aws.amazon.com.evil.example/", False),
        ("https://repost.aws/knowledge-center/ebs", False),
        ("https://medium.com/aws", False),
        ("storage.md#ebs", False),
    ],
)
def test_official_means_https_on_aws_documentation_hosts(url, is_official):
    assert official(url) is is_official


# -- Term references ----------------------------------------------------------------------------


def term(**extra):
    raw = {"id": "sqs", "name": "Amazon SQS", "summary": "Queues.", **extra}
    return terms_from_page({"terms": [raw]}, "integration.md", "Integration", ["sqs"])


def test_a_term_reference_joins_the_register():
    reference = {"title": "Amazon SQS queue types", "url": EC2_DOCS, "checked": "2026-11"}
    terms, problems = term(reference=reference)
    assert problems == []
    (claim,) = term_claims(terms)
    assert (claim.page, claim.anchor, claim.kind, claim.checked, claim.sources) == (
        "integration.md",
        "sqs",
        "term",
        "2026-11",
        (EC2_DOCS,),
    )


def test_a_term_reference_must_be_complete_and_official():
    _, problems = term(reference={"url": EC2_DOCS})
    assert problems == [
        "integration.md: term 'sqs': 'reference' must have exactly ['checked', 'title', 'url'], each filled in"
    ]
    terms, _ = term(reference={"title": "A blog", "url": "https://example.com/", "checked": "2026-11"})
    assert claim_problems(term_claims(terms), TODAY) == [
        "integration.md: term 'sqs' (its reference) cites https://example.com/, which is not an official AWS page "
        "(docs.aws.amazon.com or aws.amazon.com)"
    ]


# -- Review dates ---------------------------------------------------------------------------------


def test_claims_older_than_twelve_months_are_due_oldest_first():
    claims, _ = claims_in_page(PAGE, "compute.md")
    assert due_for_review(claims, date(2027, 6, 30)) == [claims[1]]  # 2025-06: 24 months
    assert due_for_review(claims[1:], date(2026, 6, 1)) == []  # 12 months exactly: not yet due
    assert due_for_review(claims[1:], date(2026, 7, 1)) == claims[1:]
    assert [c.checked for c in due_for_review(claims, date(2027, 12, 1))] == ["2025-06", "2026-11"]


# -- The site's own register --------------------------------------------------------------------


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": "hooks"}
    command = [sys.executable, "-m", "tools.claims", "docs", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def register() -> list[list[str]]:
    result = run_tool()
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["page", "anchor", "kind", "checked", "source"]
    return [line.split() for line in lines[1:] if line.strip() and not line.startswith(" ")][:-1]


def test_make_claims_lists_every_claim_with_an_official_source_and_month(register):
    assert len(register) >= 40, "the site adds more claims than the register lists"
    for page, anchor, kind, checked, *sources in register:
        assert (DOCS / page).exists() and anchor.startswith("#")
        assert kind in {"update", "correction", "addition", "answer", "sources", "term"}
        assert re.fullmatch(r"\d{4}-\d{2}", checked) and checked <= f"{date.today():%Y-%m}"
        assert sources and all(official(url) for url in sources), (page, anchor, sources)


# Boxes as the extensions render them: admonitions, and collapsible details of a box type (the
# study page's own <details> is part of its app, not a box).
RENDERED_BOXES = ", ".join([".admonition", *(f"details.{box_type}" for box_type in BOX_KINDS.values())])


def test_every_box_a_reader_sees_is_in_the_register(register, pages):
    shown = sum(len(page.article.select(RENDERED_BOXES)) for page in pages.values() if page.source != "cheatsheet.md")
    listed = sum(kind not in {"sources", "term"} for _, _, kind, *_ in register)
    assert shown == listed


def test_due_claims_as_markdown_for_the_weekly_issue():
    # Pinned dates: a test must not start failing the day a claim turns 13 months old (the weekly
    # issue reports that).
    assert run_tool("--due", "--markdown", "--today", "2026-12-01").stdout == ""
    later = run_tool("--due", "--markdown", "--today", "2030-01-01")
    assert later.returncode == 0
    assert later.stdout.startswith("## Due for review: ")
    rows = [line for line in later.stdout.splitlines() if line.startswith("| `docs/")]
    assert len(rows) == len(run_tool().stdout.splitlines()) - 3  # all but the header, a blank line, the summary


def test_the_weekly_link_check_writes_the_due_claims_for_its_issue(tmp_path):
    """The workflow's own step, run in a copy of the project: it writes the report its issue reads."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "linkcheck.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["external"]["steps"]
    step = next(step for step in steps if step.get("name") == "List the claims due for review")
    issue_step = next(other for other in steps if other.get("name", "").startswith("Open or update the issue"))
    for name in ("docs", "hooks", "tools", ".venv"):
        (tmp_path / name).symlink_to(ROOT / name)
    result = subprocess.run(["bash", "-c", step["run"]], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "linkcheck-report" / "claims-due.md").read_text(encoding="utf-8") == ""
    assert "claims-due.md" in issue_step["run"] and step["if"] == issue_step["if"] == "always()"


def test_every_box_on_the_site_shows_its_kind_month_and_official_source(pages):
    boxes = 0
    for source, page in pages.items():
        for box in page.article.select(RENDERED_BOXES):
            boxes += 1
            title = box.select_one(".admonition-title, summary").get_text(" ", strip=True)
            assert re.fullmatch(r"(Update|Correction|Addition|Answer)(: [^,]+)?, checked \d{4}-\d{2}", title), (
                source,
                title,
            )
            hosts = {urlsplit(a["href"]).hostname for a in box.select("a.claim-source")}
            assert hosts and hosts <= {"docs.aws.amazon.com", "aws.amazon.com"}, (source, title)
    assert boxes >= 15


def test_glossary_entries_with_a_reference_link_their_source(pages, glossary):
    referenced = [entry for entry in glossary if entry["source"]]
    assert len(referenced) >= 10
    page = pages["glossary.md"].article
    for entry in referenced:
        source = page.select_one(f"#{entry['id']} ~ .glossary-meta .glossary-source")
        assert source is not None, entry["id"]
        assert source.a["href"] == entry["source"]["url"] and entry["source"]["checked"] in source.get_text()


def test_a_box_without_source_or_month_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "storage.md"
    text = page.read_text(encoding="utf-8")
    lines = text.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("## Amazon EFS")))
    lines[at + 1 : at + 1] = ["", '!!! info "Update (2026)"', "    EFS is now even faster.", ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"storage.md: line {at + 3}: the box 'Update (2026)' is not a claim box" in result.stderr


def test_each_checked_month_is_marked_whole_and_sources_get_their_classes():
    html = (
        '<p class="admonition-title">Update, checked 2026-11</p>\n'
        '<p>Sources, checked 2025-06: <a href="https://aws.amazon.com/">x</a>.</p>\n'
        '<p>Text. <a href="https://docs.aws.amazon.com/ebs/">Source: EBS</a> <a href="storage.md">Sources</a></p>\n'
        "<p>The notes were checked 2026-11 by hand.</p>"
    )
    assert mark_checked_months(html) == (
        '<p class="admonition-title">Update, checked '
        '<time class="claim-checked" datetime="2026-11">2026-11</time></p>\n'
        '<p class="claim-sources">Sources, checked <time class="claim-checked" datetime="2025-06">2025-06</time>: '
        '<a href="https://aws.amazon.com/">x</a>.</p>\n'
        '<p>Text. <a class="claim-source" href="https://docs.aws.amazon.com/ebs/">Source: EBS</a> '
        '<a href="storage.md">Sources</a></p>\n'
        "<p>The notes were checked 2026-11 by hand.</p>"
    )


def test_on_the_site_every_claim_shows_its_month_as_a_time(pages):
    claims = [
        element
        for page in pages.values()
        for element in page.article.select(".admonition-title, .claim-sources, .glossary-source")
    ]
    assert len(claims) >= 50
    for element in claims:
        month = element.select_one("time.claim-checked")
        assert month is not None and month["datetime"] == month.get_text(), element
