"""The child-facing "you said, we will" page for one age group, in plain words.

Findings come from the report model, so nothing hidden in the report can appear here: only
shown results that the report calls a bright spot or an area for improvement, each once,
said as "about 8 in 10 of you". Actions are what the authority wrote for the age group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _

from report_builder.report_model import Highlight, IndicatorResult, Report

MAX_FINDINGS = 5
"""A few findings per list: enough to recognise, few enough to read to a young child."""


@dataclass(frozen=True)
class YouSaidPage:
    """Everything the page and its printable PDF show."""

    authority: str
    band: str
    band_label: str
    round_label: str
    language: str
    going_well: tuple[str, ...]
    to_improve: tuple[str, ...]
    actions: tuple[str, ...]


def you_said_page(report: Report, band: str, actions: Sequence[str]) -> YouSaidPage:
    """The page for ``band`` (an instrument id) of ``report`` with the authority's actions."""
    labels = {rate.age_band: rate.age_band_label for rate in report.response_rates}
    return YouSaidPage(
        authority=report.la_name,
        band=band,
        band_label=labels.get(band, band),
        round_label=report.round_label,
        language=report.language,
        going_well=_findings(report, report.bright_spots, band),
        to_improve=_findings(report, report.areas_for_improvement, band),
        actions=tuple(actions),
    )


def _findings(report: Report, highlights: Sequence[Highlight], band: str) -> tuple[str, ...]:
    """Each highlighted indicator of the band once, in plain words."""
    results = {(r.indicator_id, r.age_band): r for r in report.results() if r.is_shown}
    ids = dict.fromkeys(h.indicator_id for h in highlights if h.age_band == band)
    found = [results[(i, band)] for i in ids if (i, band) in results]
    return tuple(plain_finding(result) for result in found[:MAX_FINDINGS])


def plain_finding(result: IndicatorResult) -> str:
    """A shown result as "label: about N in 10 of you" (whole tenths, rounded half up)."""
    tenths = int((result.percent or 0) / 10 + 0.5)
    if tenths == 0:
        return _("%(label)s: fewer than 1 in 10 of you", label=result.label)
    if tenths == 10:
        return _("%(label)s: nearly all of you", label=result.label)
    return _("%(label)s: about %(tenths)s in 10 of you", label=result.label, tenths=tenths)
