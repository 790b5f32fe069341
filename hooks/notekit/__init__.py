"""Plain text-in, text-out helpers behind the MkDocs hooks.

Nothing in this package imports MkDocs: the hook files in `hooks/` wire MkDocs events to these
functions, so the logic can be unit-tested alone and carried to another generator.
"""
