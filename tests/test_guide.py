"""The README and the maintainers' guide say what the repository holds: the README stays short and
names every make target; the guide's layout names every file a maintainer edits, and nothing that
is gone. Docs that drift from the tree send a newcomer to files that do not exist."""

from __future__ import annotations

import re

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def layout() -> str:
    section = GUIDE.split("## Repository layout", 1)[1]
    return section.split("```", 2)[1]


def listed_paths() -> list[str]:
    return [line.split()[0] for line in layout().splitlines() if line and not line.startswith(" ")]


def test_the_readme_is_short_and_names_every_make_target():
    assert len(README.splitlines()) < 80
    targets = re.findall(r"^([a-z-]+):.*## ", MAKEFILE, re.MULTILINE)
    assert targets and all(f"`make {target}`" in README for target in targets), targets
    assert "make serve" in README and "make test" in README and "CONTRIBUTING.md" in README


def test_every_path_the_layout_names_exists():
    missing = []
    for path in listed_paths():
        pattern = path.rstrip("/")
        if not (list(ROOT.glob(pattern)) if "*" in pattern else (ROOT / pattern).exists()):
            missing.append(path)
    assert not missing, f"the guide's layout names what is not there: {missing}"


def test_every_hook_tool_and_test_helper_is_in_the_layout():
    text = layout()
    files = [
        *(ROOT / "hooks").glob("*.py"),
        *(ROOT / "tools").glob("*.py"),
        *(path for path in (ROOT / "tests").glob("*.py") if not path.name.startswith("test_")),
    ]
    unnamed = [
        path.relative_to(ROOT).as_posix()
        for path in files
        if path.name != "__init__.py" and path.relative_to(ROOT).as_posix() not in text and path.name not in text
    ]
    assert not unnamed, f"the guide's layout does not say what these are: {unnamed}"
    # The notekit line lists the modules in words ("front matter" for frontmatter.py).
    modules = [path.stem for path in (ROOT / "hooks" / "notekit").glob("*.py") if path.stem != "__init__"]
    notekit = re.sub(r"[\s_]", "", text.split("hooks/notekit/", 1)[1].split("\ntools/", 1)[0])
    assert not [m for m in modules if m.replace("_", "") not in notekit], (
        f"notekit modules the layout misses: {modules}"
    )
