"""Live counts for a round while it runs: by instrument (age band), mode, code label and day.

Response rates compare completed responses with the denominators the officer entered, and are
flagged when below the local authority's minimum (30% unless changed). That minimum is also the
target: each band's target is its number of children times the minimum rate, and progress is
the running total of completed responses by the day they were completed. These are operational
counts for staff of the round's own local authority, not a published report.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from report_builder.render.untrusted_text import defuse_formula
from survey_app.models import AccessCode, Response, SurveyRound

_V = TypeVar("_V")


@dataclass(frozen=True)
class BandFigures:
    """One instrument's counts and its response rate against the denominator."""

    instrument: str
    completed: int
    partial: int
    population: int | None
    rate: float | None
    is_below_minimum: bool
    target: int | None
    """Completed responses that would reach the minimum rate: children x rate, rounded up."""


@dataclass(frozen=True)
class DayProgress:
    """Responses completed on one day, and the running total up to and including it."""

    day: date
    completed: int
    running_total: int


@dataclass(frozen=True)
class RoundMonitoring:
    """Everything the monitoring page shows."""

    bands: tuple[BandFigures, ...]
    by_mode: tuple[tuple[str, int], ...]
    by_label: tuple[tuple[str | None, int], ...]
    by_day: tuple[tuple[date, int], ...]
    progress: tuple[DayProgress, ...]
    minimum_rate: int

    @property
    def completed(self) -> int:
        return sum(band.completed for band in self.bands)

    @property
    def partial(self) -> int:
        return sum(band.partial for band in self.bands)

    @property
    def target(self) -> int | None:
        """The round's target: the bands' targets added up (``None`` without any numbers)."""
        targets = [band.target for band in self.bands if band.target is not None]
        return sum(targets) if targets else None


def monitor_round(session: Session, survey_round: SurveyRound) -> RoundMonitoring:
    """Count the round's responses now; a few grouped queries, whatever the round's size."""
    minimum = survey_round.local_authority.minimum_response_rate
    return RoundMonitoring(
        bands=_bands(session, survey_round, minimum),
        by_mode=_grouped(session, survey_round, Response.mode),
        by_label=_by_label(session, survey_round),
        by_day=_grouped(session, survey_round, Response.started_on),
        progress=_progress(session, survey_round),
        minimum_rate=minimum,
    )


def _bands(session: Session, survey_round: SurveyRound, minimum: int) -> tuple[BandFigures, ...]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    query = (
        select(Response.instrument, Response.status, func.count())
        .where(Response.round_id == survey_round.id)
        .group_by(Response.instrument, Response.status)
    )
    for instrument, status, count in session.execute(query):
        counts[instrument][status] = count
    populations = {d.age_band: d.population for d in survey_round.denominators}
    instruments = [ri.instrument for ri in survey_round.instruments]
    instruments += sorted(set(counts) - set(instruments))
    return tuple(_band(i, counts[i], populations.get(i), minimum) for i in instruments)


def _band(
    instrument: str, counts: dict[str, int], population: int | None, minimum: int
) -> BandFigures:
    completed = counts.get("completed", 0)
    rate = round(100 * completed / population, 1) if population else None
    return BandFigures(
        instrument=instrument,
        completed=completed,
        partial=counts.get("in_progress", 0),
        population=population,
        rate=rate,
        is_below_minimum=rate is not None and rate < minimum,
        target=math.ceil(population * minimum / 100) if population else None,
    )


def _progress(session: Session, survey_round: SurveyRound) -> tuple[DayProgress, ...]:
    query = (
        select(Response.completed_on, func.count())
        .where(Response.round_id == survey_round.id, Response.completed_on.is_not(None))
        .group_by(Response.completed_on)
        .order_by(Response.completed_on)
    )
    days, total = [], 0
    for day, count in session.execute(query):
        total += count
        # The query keeps completed responses only, so ``day`` is never None.
        days.append(DayProgress(day=cast(date, day), completed=count, running_total=total))
    return tuple(days)


def _grouped(
    session: Session, survey_round: SurveyRound, column: InstrumentedAttribute[_V]
) -> tuple[tuple[_V, int], ...]:
    query = (
        select(column, func.count())
        .where(Response.round_id == survey_round.id)
        .group_by(column)
        .order_by(column)
    )
    return tuple((value, count) for value, count in session.execute(query))


def _by_label(session: Session, survey_round: SurveyRound) -> tuple[tuple[str | None, int], ...]:
    query = (
        select(AccessCode.label, func.count(Response.id))
        .select_from(Response)
        .outerjoin(AccessCode, Response.access_code_id == AccessCode.id)
        .where(Response.round_id == survey_round.id)
        .group_by(AccessCode.label)
        .order_by(AccessCode.label)
    )
    return tuple((label, count) for label, count in session.execute(query))


CSV_COLUMNS = (
    "table",
    "group",
    "responses",
    "completed",
    "running_total",
    "not_finished",
    "children",
    "target",
)


def monitoring_csv(figures: RoundMonitoring) -> str:
    """The monitoring figures as one long CSV: a row per day, age band, code batch and mode.

    Groups are stored ids and codes (``cic-8-10``, ``paper``), and a response without a code is
    ``no code``, so the file reads the same in either language; code labels, typed by staff, are
    defused so a spreadsheet never runs one as a formula.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for step in figures.progress:
        writer.writerow(
            {
                "table": "day",
                "group": step.day.isoformat(),
                "completed": step.completed,
                "running_total": step.running_total,
            }
        )
    for band in figures.bands:
        writer.writerow(
            {
                "table": "age_band",
                "group": band.instrument,
                "completed": band.completed,
                "not_finished": band.partial,
                "children": band.population,
                "target": band.target,
            }
        )
    for label, count in figures.by_label:
        group = defuse_formula(label) if label else "no code"
        writer.writerow({"table": "code_batch", "group": group, "responses": count})
    for mode, count in figures.by_mode:
        writer.writerow({"table": "mode", "group": mode, "responses": count})
    return buffer.getvalue()
