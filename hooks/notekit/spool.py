"""Texts set aside on disk until the end of a build, each under its key.

The cheat sheet holds every family page, and can be written only after the last one is rendered.
Kept in memory, those copies would be a second copy of the site's text for the whole build (at
1,000 pages, some 30 MB of peak memory); in a temporary file they cost a write and a read.
"""

from __future__ import annotations

import tempfile


class Spool:
    def __init__(self) -> None:
        self._file = None  # made at the first text: a build with no family page makes none
        self._places: dict[str, tuple[int, int]] = {}  # key -> (offset, length) in the file

    def put(self, key: str, text: str) -> None:
        """Set `text` aside under `key`; a key put again takes the newer text."""
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (open for the whole build: close() ends it)
        data = text.encode("utf-8")
        self._file.seek(0, 2)
        self._places[key] = (self._file.tell(), len(data))
        self._file.write(data)

    def get(self, key: str) -> str | None:
        """The text put last under `key`, or None."""
        if key not in self._places:
            return None
        offset, length = self._places[key]
        self._file.seek(offset)
        return self._file.read(length).decode("utf-8")

    def close(self) -> None:
        """Delete the file: the texts are gone."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._places.clear()
