"""The child-facing "you said, we will" page for one age group, in plain words.

Findings come from the report model, so nothing hidden in the report can appear here: only
shown results that the report calls a bright spot or an area for improvement (the clear tier
only), each once, said as "about 8 in 10 of you". When nothing is called out, the page shows
the group's main results instead, in the second person ("Most of you (8 in 10) said you
always feel safe where you live"); "we did not hear from enough of you" is said only when the
group has no result the report may show. Actions are what the authority wrote for the group.
An open round's page and printout say the figures are provisional (R-STAT-7).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from report_builder.report.model import Highlight, IndicatorResult, Report

MAX_FINDINGS = 5
"""A few findings per list: enough to recognise, few enough to read to a young child."""

MAIN_RESULTS = {
    "always_feels_safe": _l("you always feel safe where you live"),
    "has_trusted_adult": _l("you have an adult you trust who is always there for you"),
    "trusts_carers": _l("you trust the adults you live with all or most of the time"),
    "happy_most_days": _l("you feel happy or very happy most days"),
    "knows_social_worker": _l("you know who your social worker is"),
    "feels_settled": _l("you feel settled where you live all or most of the time"),
    "trusts_personal_adviser": _l("you trust your personal adviser all or most of the time"),
    "life_getting_better": _l("your life is getting better"),
}
"""The results a group hears about when nothing is called out, in this order, as what "you"
said. Only indicators with a direction of good; each group has at least five of them."""


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
    main_results: tuple[str, ...] = ()
    has_results: bool = True
    provisional: str = ""

    @property
    def empty_list_text(self) -> str:
        """What an empty list says: nothing stood out, or (only when no result of the group
        may be shown) that too few answered."""
        if self.has_results:
            return _("Nothing stood out clearly this time.")
        return _("We did not hear from enough of you to share this safely.")


def you_said_page(report: Report, band: str, actions: Sequence[str]) -> YouSaidPage:
    """The page for ``band`` (an instrument id) of ``report`` with the authority's actions."""
    labels = {rate.age_band: rate.age_band_label for rate in report.response_rates}
    going_well = _findings(report, report.bright_spots, band)
    to_improve = _findings(report, report.areas_for_improvement, band)
    shown = [r for r in report.results() if r.age_band == band and r.is_shown]
    return YouSaidPage(
        authority=report.la_name,
        band=band,
        band_label=labels.get(band, band),
        round_label=report.round_label,
        language=report.language,
        going_well=going_well,
        to_improve=to_improve,
        actions=tuple(actions),
        main_results=() if going_well or to_improve else main_results(shown),
        has_results=bool(shown),
        provisional=report.provisional_text if report.is_provisional else "",
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


def main_results(shown: Sequence[IndicatorResult]) -> tuple[str, ...]:
    """The group's main shown results as what "you" said, in ``MAIN_RESULTS`` order."""
    by_id = {result.indicator_id: result for result in shown}
    found = [by_id[i] for i in MAIN_RESULTS if i in by_id]
    return tuple(you_said_sentence(result) for result in found[:MAX_FINDINGS])


def you_said_sentence(result: IndicatorResult) -> str:
    """ "Most of you (8 in 10) said you always feel safe where you live" (whole tenths)."""
    clause = str(MAIN_RESULTS[result.indicator_id])
    tenths = int((result.percent or 0) / 10 + 0.5)
    if tenths >= 10:
        return _("Nearly all of you said %(clause)s", clause=clause)
    if tenths >= 6:
        return _("Most of you (%(tenths)s in 10) said %(clause)s", tenths=tenths, clause=clause)
    if tenths == 5:
        return _("About half of you (5 in 10) said %(clause)s", clause=clause)
    if tenths >= 2:
        return _("Some of you (%(tenths)s in 10) said %(clause)s", tenths=tenths, clause=clause)
    if tenths == 1:
        return _("A few of you (1 in 10) said %(clause)s", clause=clause)
    return _("Very few of you (fewer than 1 in 10) said %(clause)s", clause=clause)
