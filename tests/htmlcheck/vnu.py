"""The Nu Html Checker (vnu.jar, pinned through npm's vnu-jar) over a built site, with an allow-list.

Only errors count. An error is excused only by an entry of ALLOWED below: the rule's message, the
markup it is found on, how often a page may have it, and why the site cannot change it. There is
no switch that turns the checker or a rule off.

    python tests/htmlcheck/vnu.py site     # prints every error not allowed; exits 1 if any
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Allowed:
    message_start: str  # the start of the checker's message for the rule
    markup: str  # text found in the flagged element's extract
    per_page: int  # how many times one page may have it
    why: str


ALLOWED = (
    Allowed(
        message_start="Attribute “autocomplete” is only allowed when the input type is",
        markup='<input class="md-toggle" data-md-toggle=',
        per_page=2,
        why=(
            'Material\'s base.html writes autocomplete="off" on its two hidden checkbox toggles (drawer '
            "and search), outside any template block we could override. The attribute is deliberate: "
            "without it Firefox restores a checked toggle when the reader goes back, reopening the "
            "drawer or the search overlay. Removing it would trade a validator error for a real bug."
        ),
    ),
)


@dataclass(frozen=True)
class HtmlError:
    file: str  # relative to the site folder
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}  [{' '.join(self.extract.split())}]"


def check_site(site_dir: Path) -> list[HtmlError]:
    """Every error the checker reports on the site's HTML files."""
    if not VNU_JAR.exists():
        raise SystemExit(f"{VNU_JAR} is missing: run `make node_modules/.installed` (npm ci)")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(site_dir)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # vnu exits 1 when it found errors: the JSON on stderr is the answer either way.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr[:2000]}") from None
    root = site_dir.resolve()
    return [
        HtmlError(
            file=Path(message.get("url", "").removeprefix("file:")).resolve().relative_to(root).as_posix(),
            line=message.get("lastLine", 0),
            message=message["message"],
            extract=message.get("extract", ""),
        )
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def allowance(error: HtmlError) -> Allowed | None:
    return next(
        (rule for rule in ALLOWED if error.message.startswith(rule.message_start) and rule.markup in error.extract),
        None,
    )


def split_errors(errors: list[HtmlError]) -> tuple[list[HtmlError], Counter]:
    """(errors not excused, how often each allow-list entry was used); over a page's quota is not excused."""
    used: Counter = Counter()
    per_page: Counter = Counter()
    blocking = []
    for error in errors:
        rule = allowance(error)
        if rule is not None:
            per_page[rule, error.file] += 1
            if per_page[rule, error.file] <= rule.per_page:
                used[rule] += 1
                continue
        blocking.append(error)
    return blocking, used


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0] if argv else "site")
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    blocking, used = split_errors(check_site(site_dir))
    for error in blocking:
        print(error)
    for rule in ALLOWED:
        print(f"allowed ({used[rule]}x): {rule.message_start}… on {rule.markup}")
    print(f"vnu: {pages} HTML files, {len(blocking)} errors not allowed")
    return 1 if blocking else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
