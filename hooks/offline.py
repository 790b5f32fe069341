"""MkDocs hook: the offline copy. Writes the site's service worker, `sw.js`, with this build's name
and the list of files it keeps, once every other hook has written its files.

Under `mkdocs serve` no page registers a worker (`javascripts/offline.js` is left out) and `sw.js`
is one that removes a worker a served build may have left on the same address. The logic lives in
`notekit.offline`; docs/javascripts/offline-worker.js is the worker.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from notekit import offline

log = get_plugin_logger(__name__)
REGISTRATION = "javascripts/offline.js"
serving = False  # under `mkdocs serve`: set once per process, before the first build
worker_source: Path | None = None  # docs/javascripts/offline-worker.js, found in each build's files


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


def on_config(config):
    if serving:
        config.extra_javascript = [script for script in config.extra_javascript if str(script) != REGISTRATION]
    config.extra["offline"] = not serving  # overrides/main.html links the web app manifest
    return config


def on_files(files, config):
    global worker_source
    source = files.get_file_from_path(offline.WORKER_SOURCE)
    if source is None:
        raise PluginError(f"docs/{offline.WORKER_SOURCE} is missing: the offline copy has no worker")
    files.remove(source)  # published as sw.js, with its precache line, after the build
    worker_source = Path(source.abs_src_path)
    return files


def search_in_other_languages(config) -> bool:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = (getattr(search, "config", {}) or {}).get("lang") or [config.theme["language"]]
    return any(language != "en" for language in languages)


@event_priority(-200)  # after every other hook has written its files (hooks/site.py, at -100)
def on_post_build(config):
    site_dir = Path(config.site_dir)
    if serving:
        write_if_changed(site_dir / offline.WORKER, offline.RETIRING_WORKER)
        return
    every_file = (path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file())
    kept = offline.kept_files(every_file, search_in_other_languages(config))
    if "index.html" not in kept or "404.html" not in kept:
        raise PluginError(f"{site_dir} has no index.html or 404.html: the offline copy would have no pages")
    digests, size = {}, 0
    for path in kept:  # one file at a time: the whole site would double the build's peak memory
        data = (site_dir / path).read_bytes()
        digests[path], size = hashlib.sha256(data).digest(), size + len(data)
    build = offline.build_name_of_digests(digests)
    script = offline.worker_script(worker_source.read_text(encoding="utf-8"), build, kept)
    write_if_changed(site_dir / offline.WORKER, script)
    log.info("Offline copy %s: %d files, %.1f kB (sw.js)", build, len(kept), size / 1000)


def write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
