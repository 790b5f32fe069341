"""Benchmark projects: the real configuration and hooks around synthetic pages, built and timed.

A build runs in its own process, so its peak memory (the largest resident set the kernel saw,
from `wait4`) is its own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tools.bench import corpus

VARIANTS = ("off", "glossary", "all")  # no hooks; the glossary's (page rules + site); every hook
GLOSSARY_HOOKS = ("hooks/page_rules.py", "hooks/site.py")
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}


@dataclass(frozen=True)
class Build:
    seconds: float  # processor time (user + system): other work on a busy machine barely moves it
    wall_seconds: float
    peak_rss_mb: float


def project_config(root: Path, variant: str, nav: str, features: list[str] | None = None) -> str:
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*?(?=^\S)", nav, config)
    if variant == "off":
        config = re.sub(r"(?ms)^hooks:\n.*?(?=^\S)", "", config)
    elif variant == "glossary":
        keep = lambda m: m.group(0) if m.group(1) in GLOSSARY_HOOKS else ""  # noqa: E731
        config = re.sub(r"(?m)^  - (hooks/\S+)\n", keep, config)
    for feature in features or []:  # "navigation.prune" adds a theme feature, "-navigation.prune" takes it out
        if feature.startswith("-"):
            config = config.replace(f"    - {feature[1:]}\n", "", 1)
        elif f"    - {feature}\n" not in config:
            config = config.replace("  features:\n", f"  features:\n    - {feature}\n", 1)
    return config


def write_project(
    folder: Path, root: Path, pages: dict[str, str], variant: str, features: list[str] | None = None
) -> Path:
    """A project in `folder`/`variant`: `root`'s configuration, theme overrides and hooks, and `pages`."""
    project = folder / variant
    project.mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        project_config(root, variant, corpus.nav_yaml(list(pages), variant != "off"), features)
    )
    for name in ["hooks", "overrides"]:
        shutil.copytree(root / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    docs = project / "docs"
    for name in ["stylesheets", "javascripts", "fonts"]:
        if (root / "docs" / name).is_dir():
            shutil.copytree(root / "docs" / name, docs / name)
    (docs / "index.md").write_text("---\ndescription: Benchmark home.\n---\n\n# Home\n\nSynthetic notes.\n")
    for source, text in pages.items():
        (docs / source).write_text(text, encoding="utf-8")
    return project


def build(project: Path, *extra: str) -> Build:
    """Build `project` strictly (any warning fails it, and fails the benchmark)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site"), *extra],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=BUILD_ENV,
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise SystemExit(f"benchmark build failed in {project}:\n{output.read()[-3000:]}")
    return Build(usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss / 1024)  # Linux reports kilobytes
