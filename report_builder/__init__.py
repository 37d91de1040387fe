"""Care Voices report builder: pure statistics and disclosure control over pandas frames.

Its folders are the stages of the pipeline, in order (CR-12, docs/architecture.md):
``inputs`` (frame contracts and checks) → ``indicators`` (counts) → ``statistics`` (estimates,
intervals, tests) → ``comparison`` (comparators, plans, tiers) → ``disclosure`` (what may be
shown) → ``report`` (the report model and its words; ``report.build.build_report`` is the one
entry point that runs them all) → ``render`` (HTML fragments, PDF, CSV). No module here imports
the web framework or the ORM (import-linter contract in pyproject.toml).
"""
