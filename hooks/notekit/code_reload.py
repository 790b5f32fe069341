"""Which of the build's own Python files changed since a moment: `mkdocs serve` restarts on any.

MkDocs imports each hook once per process, and with it `notekit`; a rebuild after an edit to
either would still run the code as it was when the server started.
"""

from __future__ import annotations

from pathlib import Path


def snapshot(folder: Path) -> dict[str, int]:
    """Every Python file under `folder`, with the time it was last written (ns)."""
    return {str(path): path.stat().st_mtime_ns for path in sorted(folder.rglob("*.py"))}


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """The files added, removed or written since `before`."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
