"""The offline copy of the site: which built files the service worker keeps, and the worker itself.

The worker's source (docs/javascripts/offline-worker.js) is published as the site's `sw.js` with
one line put in front of it: `const PRECACHE = {...};`, the build's name and the files to keep.
A worker's script is what a browser compares to notice a new deploy, so each build whose files
differ gets a different `sw.js`, and a build that changed nothing gets the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping

WORKER = "sw.js"  # at the site's root: a worker can serve only the folder it is in, and below
WORKER_SOURCE = "javascripts/offline-worker.js"  # in docs/; published as WORKER, never as itself
PRECACHE_LINE = re.compile(r"\Aconst PRECACHE = (?P<json>\{.*\});\n")

# Left out of the offline copy: what no page of the site loads. Source maps (for developer tools);
# the gzipped sitemap (for crawlers); the PDFs, which `make pdf` prints after the build and a reader
# keeps by opening them (the worker stores each PDF it fetches); Material's search languages other
# than English, which its search worker loads only for a site in another language.
NOT_KEPT_SUFFIXES = (".map", ".gz", ".pdf", ".partial")
NOT_KEPT_FOLDERS = ("pdf/", "assets/javascripts/lunr/")


def is_kept(path: str, other_search_languages: bool = False) -> bool:
    """Whether the offline copy holds the built file at `path` (site-relative, POSIX)."""
    if path == WORKER or path.endswith(NOT_KEPT_SUFFIXES):
        return False
    folders = [f for f in NOT_KEPT_FOLDERS if not (other_search_languages and f.startswith("assets/"))]
    return not path.startswith(tuple(folders))


def kept_files(paths: Iterable[str], other_search_languages: bool = False) -> list[str]:
    """The files of the offline copy, sorted: the same list for the same site on any machine."""
    return sorted(path for path in paths if is_kept(path, other_search_languages))


def build_name(contents: Mapping[str, bytes]) -> str:
    """A name for this build's offline copy: it changes when any kept file, or the list, changes."""
    return build_name_of_digests({path: hashlib.sha256(data).digest() for path, data in contents.items()})


def build_name_of_digests(digests: Mapping[str, bytes]) -> str:
    """`build_name`, from each file's SHA-256 digest: a site can be named one file at a time,
    without holding all of it in memory (at 3,000 terms it is some 60 MB)."""
    digest = hashlib.sha256()
    for path in sorted(digests):
        digest.update(path.encode("utf-8") + b"\0")
        digest.update(digests[path])
    return digest.hexdigest()[:16]


def worker_script(source: str, build: str, files: list[str]) -> str:
    """The published worker: the precache line, then the worker's source as written."""
    precache = json.dumps({"build": build, "files": files}, separators=(",", ":"))
    return f"const PRECACHE = {precache};\n{source}"


def precache_of(script: str) -> dict | None:
    """The build name and files that a published worker holds, or None if it holds none."""
    found = PRECACHE_LINE.match(script)
    return json.loads(found["json"]) if found else None


# Under `mkdocs serve`, pages change with every save, and a worker left from a build served on the
# same address would answer with that build's pages. This one is installed in its place at the
# browser's next update check (every page load) and, as it installs, empties the site's caches,
# unregisters and tells the pages to reload: the worker still active then finds nothing in its
# cache and passes every request to the server. (It does not wait to be activated: Chromium may
# hold activation back while the old worker has requests in flight.)
RETIRING_WORKER = """\
// No offline copy under `mkdocs serve`: this worker removes one that a served build left.
self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const prefix = "offline " + self.registration.scope + " ";
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => caches.delete(name)));
      const pages = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const page of pages) page.postMessage("reload");
      self.registration.unregister(); // not awaited: it waits for this installation to end
    })(),
  );
});
"""
