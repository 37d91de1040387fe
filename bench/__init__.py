"""Benchmarks: each ``bench/<name>.py`` module with ``run(quick: bool) -> dict`` is one.

``python -m bench`` runs every such module with small (quick) defaults and prints a summary
table; ``python bench/<name>.py`` runs one at full size. Add a benchmark by adding a module
with a ``run`` function: discovery needs no registration.
"""
