"""The link checks: `make linkcheck` (internal.py) and `make linkcheck-external` (external.py), with
their one linkchecker configuration, linkcheckerrc."""
