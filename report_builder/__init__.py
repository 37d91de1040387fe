"""Care Voices report builder: pure statistics and disclosure control over pandas frames.

Stages (house rule 12, docs/architecture.md): ``stats`` (intervals and tests) → ``compare``
(comparisons, BH, classification) → ``wording`` (English and Welsh phrases); ``disclosure``
decides what may be shown; ``benchmarks`` loads the national comparator file. No module here
imports the web framework or the ORM (import-linter contract in pyproject.toml).
"""
