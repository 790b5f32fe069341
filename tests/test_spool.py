"""notekit.spool: texts set aside on disk, read back by key."""

from __future__ import annotations

from notekit.spool import Spool


def test_texts_come_back_by_key_in_any_order_and_a_key_put_again_keeps_the_newer():
    spool = Spool()
    spool.put("storage.md", "<h2>Amazon S3 — object storage</h2>")
    spool.put("compute.md", "é" * 3)
    spool.put("storage.md", "<h2>Amazon EBS</h2>")
    assert spool.get("compute.md") == "ééé"
    assert spool.get("storage.md") == "<h2>Amazon EBS</h2>"
    assert spool.get("missing.md") is None
    spool.close()
    assert spool.get("compute.md") is None
