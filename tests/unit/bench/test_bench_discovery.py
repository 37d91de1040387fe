"""Specification of ``python -m bench``: benchmark modules are found by their run function."""

from __future__ import annotations

from bench.__main__ import discover, summary


def test_the_report_build_benchmark_is_discovered():
    assert "report_build" in dict(discover())


def test_the_summary_is_a_table_of_benchmark_figure_and_value():
    table = summary({"report_build": {"reports_s": 1.23456, "las": 12}})

    assert table.splitlines()[0].split() == ["benchmark", "figure", "value"]
    assert "1.235" in table
