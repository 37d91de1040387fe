"""Specification of build_programme_view: latest round per LA, same suppression, shown spread."""

from __future__ import annotations

from report_builder.report.programme import build_programme_view


def test_each_la_appears_once_with_its_latest_round(national):
    view = build_programme_view(
        national.responses, national.catalogue, ["always_feels_safe"], counts=national.counts
    )

    for indicator in view.indicators:
        assert [v.period for v in indicator.values] == ["2026"] * len(indicator.values)
        assert len({v.la_code for v in indicator.values}) == len(indicator.values)


def test_hidden_values_stay_hidden_and_the_spread_uses_shown_values_only(national):
    view = build_programme_view(
        national.responses,
        national.catalogue,
        ["always_feels_safe", "low_life_satisfaction"],
        counts=national.counts,
    )

    for indicator in view.indicators:
        shown = [v.percent for v in indicator.values if v.percent is not None]
        assert all(v.marker == "[c]" for v in indicator.values if v.percent is None)
        assert all(v.base >= 10 for v in indicator.values if v.base is not None)
        assert indicator.shown == len(shown)
        assert indicator.suppressed == len(indicator.values) - len(shown)
        if shown:
            assert (indicator.minimum, indicator.maximum) == (min(shown), max(shown))
    assert any(indicator.suppressed for indicator in view.indicators)
