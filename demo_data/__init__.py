"""Synthetic survey answers for the demo seed, the benchmarks and the tests; never production data.

Kept out of ``report_builder`` so the report pipeline cannot reach made-up figures: only the
app's demo seed (``survey_app.services.demo_reports``), ``bench/`` and the tests import this
package (import-linter contracts in pyproject.toml).
"""
