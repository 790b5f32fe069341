"""Which of the build's own Python files changed since a moment: `mkdocs serve` restarts on any.

MkDocs imports each hook once per process, and with it `notekit`; a rebuild after an edit to
either would still run the code as it was when the server started.
"""

from __future__ import annotations

from pathlib import Path


def snapshot(folder: Path) -> dict[str, int]:
    """Every Python file under `folder`, with the time it was last written (ns). A file that goes
    as it is read (an editor's lock file, a link to nothing) is left out."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        try:
            found[str(path)] = path.stat().st_mtime_ns
        except OSError:
            continue
    return found


def changed(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """The files added, removed or written since `before`."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def syntax_errors(paths: list[str]) -> list[str]:
    """Each file among `paths` that Python cannot compile, with its error: a server restarted on it
    would stop instead of serving."""
    errors = []
    for path in paths:
        try:
            source = Path(path).read_text(encoding="utf-8")
        except OSError:
            continue  # removed: nothing to compile
        try:
            compile(source, path, "exec")
        except SyntaxError as error:
            errors.append(f"{path}, line {error.lineno}: {error.msg}")
    return errors


def restart_arguments(argv: list[str]) -> list[str]:
    """The command line to restart with: the same, without `-o`/`--open`, which would open another
    browser tab on every restart."""
    return [argument for argument in argv if argument not in {"-o", "--open"}]
