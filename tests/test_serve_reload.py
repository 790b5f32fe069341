"""`mkdocs serve` runs the code as it is now: after an edit to `notekit` (or a hook), the rebuilt
site shows what the edited code makes, not what the code made when the server started."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from notekit.code_reload import changed, restart_arguments, snapshot, syntax_errors
from support import copy_project

from tools.serve import free_port, page_text

INTRO = "Every service, concept and abbreviation defined in the notes"
EDITED = "Edited while serving: every term of the notes"


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"gave up after {seconds} s waiting for {what}")


def test_serve_rebuilds_with_the_edited_notekit_code(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    url = f"http://127.0.0.1:{port}/glossary/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(lambda: INTRO in page_text(url), 120, "the first build")
        module = project / "hooks" / "notekit" / "glossary.py"
        module.write_text(module.read_text(encoding="utf-8").replace(INTRO, EDITED), encoding="utf-8")
        wait_for(lambda: EDITED in page_text(url), 120, "a rebuild with the edited code")
        log.seek(0)
        assert "Restarting mkdocs serve to run the edited code: hooks/notekit/glossary.py" in log.read()
        assert server.poll() is None, "the server stopped instead of restarting"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_snapshot_and_changes_leave_out_files_that_vanish(tmp_path):
    (tmp_path / "a.py").write_text("A = 1\n")
    (tmp_path / ".#a.py").symlink_to(tmp_path / "no-such-file")  # an editor's lock file
    before = snapshot(tmp_path)
    assert list(before) == [str(tmp_path / "a.py")]
    (tmp_path / "b.py").write_text("B = 2\n")
    assert changed(before, snapshot(tmp_path)) == [str(tmp_path / "b.py")]


def test_an_edit_that_does_not_compile_is_named_and_open_is_not_repeated(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n")
    (tmp_path / "fine.py").write_text("X = 1\n")
    errors = syntax_errors([str(broken), str(tmp_path / "fine.py"), str(tmp_path / "gone.py")])
    assert len(errors) == 1 and errors[0].startswith(f"{broken}, line 1: ")
    argv = ["python", "-m", "mkdocs", "serve", "--open", "-o", "--dev-addr", "127.0.0.1:8000"]
    assert restart_arguments(argv) == ["python", "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000"]
