"""Tools that `make` runs on the project (not tests): `python -m tools.<name>` from the root."""
