"""The link checks: `make linkcheck` (internal.py, with anchors.py checking its #anchors once per page)
and `make linkcheck-external` (external.py), sharing common.py and one linkchecker configuration,
linkcheckerrc."""
