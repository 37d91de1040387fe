"""Specification of the plain-English methods summary that comes before the technical annex."""

from __future__ import annotations

import textstat


def test_the_summary_is_half_a_page_a_board_member_can_read(large_report):
    summary = " ".join(large_report.methods.summary)

    assert 100 <= len(summary.split()) <= 250
    assert textstat.flesch_reading_ease(summary) >= 55
    for term in ("Wilson", "Newcombe", "Boschloo", "Benjamini"):
        assert term not in summary
    assert any("Benjamini-Hochberg" in p for p in large_report.methods.paragraphs)


def test_the_welsh_report_has_its_own_summary(national):
    welsh = national.report("SYN002", language="cy").methods.summary

    assert welsh
    assert "ymadawr gofal" in welsh[0]
