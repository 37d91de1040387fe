"""The report as plain frozen dataclasses: what every renderer (HTML, PDF, CSV) reads.

Everything here has already been through ``disclosure/control.py``: a hidden value is None and its
text is the marker (``[c]``), so a renderer cannot show what the rules hide. Each figure comes
both raw (for charts and data files) and as text formatted for the report's language with
Babel (for templates), so renderers never format numbers themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from report_builder.comparison.values import (
    Classification,
    ComparisonKind,
    ComparisonStatus,
    Flag,
    Tier,
)
from report_builder.disclosure.values import Quote
from report_builder.report.wording import Language


@dataclass(frozen=True)
class ComparisonResult:
    """One indicator compared on one axis, with its tier and wording (R-STAT-6).

    ``tier`` is clear, possible or none for a tested comparison (None when untested).
    ``comparator_percent`` is the comparator's whole-number percentage where it may be shown,
    and ``comparator_base`` its own base (n) where that may be shown; a changed definition
    shows neither. ``caveat`` is the age band's cohort caveat on a previous-round comparison
    (R-STAT-7), else "".
    ``difference`` and its interval are in percentage points for two-sample tests; for a
    fixed comparator (national figure, large pool of other areas) the interval is this LA's
    Wilson interval and ``difference`` is None. P-values are None when nothing was tested.
    """

    kind: ComparisonKind
    status: ComparisonStatus
    flag: Flag
    tier: Tier | None
    classification: Classification
    text: str
    classification_text: str
    comparator_label: str
    comparator_percent: int | None
    comparator_percent_text: str
    comparator_base: int | None
    comparator_base_text: str
    difference: float | None
    interval_lower: float | None
    interval_upper: float | None
    pvalue: float | None
    adjusted_pvalue: float | None
    method: str | None
    is_indicative: bool
    note: str
    caveat: str = ""
    direction: Flag = Flag.NONE
    """HIGHER or LOWER for a clear or possible difference (by the observed estimate), else
    NONE: the short words of the headline page need the direction the flag does not carry."""

    @property
    def comparator_text(self) -> str:
        """The comparator's shown figure and base, e.g. "43%, n = 107", or ""."""
        return ", ".join(
            part for part in (self.comparator_percent_text, self.comparator_base_text) if part
        )


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator for one age band: n, base, %, Wilson 95% CI and three comparisons.

    Whole-number ``percent``, ``ci_lower`` and ``ci_upper`` are rounded once from the counts
    (R-STAT-4); ``proportion``, ``lower`` and ``upper`` are the unrounded values (0-1) for
    charts. All are None when ``marker`` is ``[c]``; ``base`` is None below 10 (R-SDC-1).
    """

    indicator_id: str
    label: str
    domain: str
    age_band: str
    age_band_label: str
    direction: str
    is_sensitive: bool
    numerator: int | None
    base: int | None
    percent: int | None
    ci_lower: int | None
    ci_upper: int | None
    proportion: float | None
    lower: float | None
    upper: float | None
    marker: str
    note: str
    percent_text: str
    ci_text: str
    base_text: str
    comparisons: tuple[ComparisonResult, ...]

    @property
    def is_shown(self) -> bool:
        """True when the percentage may be displayed."""
        return self.percent is not None


@dataclass(frozen=True)
class Section:
    """One domain of the report (relationships, rights, resilience, recovery, wellbeing)."""

    domain: str
    title: str
    results: tuple[IndicatorResult, ...]


@dataclass(frozen=True)
class Highlight:
    """A bright spot or area for improvement: a called-out difference and its sentence."""

    indicator_id: str
    age_band: str
    kind: ComparisonKind
    classification: Classification
    text: str


@dataclass(frozen=True)
class Finding:
    """One indicator and age band in a summary list, once, with all its comparisons of one
    classification in one sentence (bright spots and areas for improvement, R-STAT-6)."""

    indicator_id: str
    age_band: str
    kinds: tuple[ComparisonKind, ...]
    text: str


@dataclass(frozen=True)
class HeadlineMark:
    """One comparison on the headline page: its tier's short words (R-STAT-6).

    ``tier`` is None when the comparison was not made; ``text`` is then "not compared" (or
    why), so an empty cell never reads as "no difference".
    """

    kind: ComparisonKind
    status: ComparisonStatus
    tier: Tier | None
    classification: Classification
    text: str
    comparator_text: str


@dataclass(frozen=True)
class HeadlineRow:
    """One headline indicator for one age band with a mark against each comparator."""

    result: IndicatorResult
    marks: tuple[HeadlineMark, ...]


@dataclass(frozen=True)
class HeadlineBand:
    """One age band on the headline page: response rate, cautions and headline results."""

    age_band: str
    age_band_label: str
    response_rate: ResponseRate | None
    caveats: tuple[str, ...]
    rows: tuple[HeadlineRow, ...]
    columns: tuple[ComparisonKind, ...] = ()
    """The comparisons every row has a mark for: the national one only when at least one
    headline indicator of the band has a national figure."""


@dataclass(frozen=True)
class TrendPoint:
    """One round's value of a trend, shown exactly as that round's own report shows it.

    ``comparable`` is False when the round asked the question another way (its figure is then
    not given); a hidden value has no percentage, interval or base (R-SDC-1, R-SDC-4).
    """

    round_label: str
    comparable: bool
    percent: int | None
    ci_lower: int | None
    ci_upper: int | None
    base: int | None
    marker: str
    percent_text: str
    ci_text: str
    base_text: str


@dataclass(frozen=True)
class Trend:
    """A headline indicator for one age band across every round of the authority, oldest
    first, with the band's cohort caveats (R-STAT-7)."""

    indicator_id: str
    label: str
    age_band: str
    age_band_label: str
    points: tuple[TrendPoint, ...]
    caveats: tuple[str, ...]

    @property
    def shown_points(self) -> int:
        """How many rounds have a figure to draw."""
        return sum(point.percent is not None for point in self.points)


@dataclass(frozen=True)
class WorthLookingInto:
    """An indicator and age band with a possible difference (R-STAT-6), listed once with all
    its comparisons in one sentence."""

    indicator_id: str
    age_band: str
    text: str


@dataclass(frozen=True)
class CohortCaveat:
    """Why one age band's figures need caution (R-STAT-7).

    ``on_changes`` is True when the caveat is about comparing with the previous round (fewer
    took part, or either round below the minimum response rate), False when it is about this
    round's figures alone (its response rate is below the minimum).
    """

    age_band: str
    age_band_label: str
    on_changes: bool
    text: str


@dataclass(frozen=True)
class ResponseRate:
    """Respondents in one age band against the eligible population (when supplied)."""

    age_band: str
    age_band_label: str
    respondents: int | None
    population: int | None
    rate_percent: int | None
    respondents_text: str
    population_text: str
    rate_text: str


@dataclass(frozen=True)
class DemographicRow:
    """One category of a demographic table, after k = 10 collapsing (R-SDC-5)."""

    category: str
    label: str
    count: int | None
    percent: int | None
    count_text: str
    percent_text: str


@dataclass(frozen=True)
class DemographicTable:
    """Respondents by one characteristic; withheld when no collapsing reaches k = 10."""

    dimension: str
    title: str
    level: str | None
    rows: tuple[DemographicRow, ...]
    is_withheld: bool
    note: str


@dataclass(frozen=True)
class BenchmarkSource:
    """One source of national figures, named once, with the indicators it was compared with.

    ``measure_ids`` are the benchmark rows actually compared in this report; a row that was
    matched but never compared (too few answers, a hidden result) is not listed.
    """

    title: str
    url: str
    confidence: str
    measure_ids: tuple[str, ...]
    indicator_ids: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class MethodsNote:
    """Tests, thresholds, suppression rules and benchmark sources, in the report language."""

    paragraphs: tuple[str, ...]
    significance_note: str
    marker_notes: tuple[str, ...]
    benchmark_sources: tuple[BenchmarkSource, ...]
    adjustment: str
    summary: tuple[str, ...] = ()
    """The methods in plain words, half a page for a board member; ``paragraphs`` are the
    technical annex."""


@dataclass(frozen=True)
class Report:
    """One LA's report for one round, ready for every renderer.

    ``is_provisional`` is True while the round is open: every rendering then shows
    ``provisional_text`` (R-STAT-7).
    """

    title: str
    la_code: str
    la_name: str
    round_id: str
    round_label: str
    previous_round_id: str | None
    previous_round_label: str | None
    language: Language
    generated_on: date
    generated_on_text: str
    respondents: int
    respondents_text: str
    response_rates: tuple[ResponseRate, ...]
    demographics: tuple[DemographicTable, ...]
    sections: tuple[Section, ...]
    bright_spots: tuple[Highlight, ...]
    areas_for_improvement: tuple[Highlight, ...]
    quotes: tuple[Quote, ...]
    methods: MethodsNote
    worth_looking_into: tuple[WorthLookingInto, ...] = ()
    cohort_caveats: tuple[CohortCaveat, ...] = ()
    is_provisional: bool = False
    provisional_text: str = ""
    headline: tuple[HeadlineBand, ...] = ()
    bright_spot_findings: tuple[Finding, ...] = ()
    improvement_findings: tuple[Finding, ...] = ()
    trends: tuple[Trend, ...] = ()

    def results(self) -> tuple[IndicatorResult, ...]:
        """Every indicator result, section by section."""
        return tuple(result for section in self.sections for result in section.results)


@dataclass(frozen=True)
class ProgrammeValue:
    """One LA's latest-round value of a headline indicator, after the same suppression.

    ``note`` is the ``SuppressionReason`` value behind ``marker`` (or ""), as in the LA's own
    report; a hidden value has no base either (R-SDC-1, R-SDC-4).
    """

    la_code: str
    round_id: str
    period: str
    base: int | None
    percent: int | None
    marker: str
    note: str = ""


@dataclass(frozen=True)
class ProgrammeIndicator:
    """The spread of one headline indicator and age band across LAs (shown values only)."""

    indicator_id: str
    label: str
    age_band: str
    values: tuple[ProgrammeValue, ...]
    shown: int
    suppressed: int
    minimum: int | None
    lower_quartile: float | None
    median: float | None
    upper_quartile: float | None
    maximum: int | None


@dataclass(frozen=True)
class ProgrammeView:
    """Headline indicators across the programme: each LA's latest round as a distribution."""

    indicators: tuple[ProgrammeIndicator, ...]
