"""Data files that ship with the app (the access-code word list)."""
