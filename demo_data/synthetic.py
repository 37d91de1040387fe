"""Reproducible synthetic responses, quotes and populations for demos, tests and benchmarks.

Nothing here describes a real child or a real local authority: codes are ``SYN001``...,
answers are drawn from made-up probabilities, and free text is a fixed list of harmless
sentences. The same ``seed`` always gives the same frames (numpy ``default_rng``).

How answers are drawn: every item has a typical answer distribution for its type. Each option
gets a "goodness" score from the indicators that read it (+1 when it counts towards a
higher-is-better indicator, -1 towards a higher-is-worse one), and an area's answers lean
towards good or bad options by ``exp(shift * goodness)``, where the shift combines an area
effect, an item effect and a round effect. So areas differ plausibly, the first area's
"feels safe" improves clearly in the last round, one small area falls under the suppression
thresholds, and ``show_if`` routing and skips are respected.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from demo_data.synthetic_answers import (
    NO_ANSWER,
    SENTENCES,
    ItemDraw,
    draw_item,
    item_draws,
)
from questionnaires import Catalogue, InstrumentVersion, Item
from report_builder.inputs import columns as col

SHARES: Mapping[str, float] = MappingProxyType(
    {"cic-4-7": 0.12, "cic-8-10": 0.2, "cic-11-17": 0.45, "leavers-16-25": 0.23}
)
"""Share of an area's respondents per instrument (docs/sources.md B13: 4-7s are the fewest)."""

REVIEW_STATES = ("approved", "pending", "rejected")
_NOT_TEXT = (col.RESPONSE_ID, col.VERSION, col.COMPLETED)
_TEXT_COLUMNS = tuple(name for name in col.RESPONSE_COLUMNS if name not in _NOT_TEXT)


@dataclass(frozen=True)
class SyntheticDesign:
    """What to generate: areas, periods (one round per area and period) and sizes.

    ``respondents`` is the mean number of respondents per area and round over all instruments;
    the last area is small (``small_respondents``) so that suppression applies there. The first
    area's "feels safe" answers improve by ``improvement`` (on the goodness scale) in the last
    period.
    """

    n_las: int = 12
    periods: tuple[str, ...] = ("2025", "2026")
    respondents: float = 330.0
    small_respondents: float = 22.0
    shares: Mapping[str, float] = field(default_factory=lambda: dict(SHARES))
    improvement: float = 1.5
    improving_item: str = "feel_safe"
    completion_rate: float = 0.92
    versions: Mapping[str, int] = field(default_factory=dict)
    """Period -> the version number every instrument is answered in; other periods use each
    instrument's latest version. The demo answers its previous round in version 1 and its
    current one in version 2, so reports show which indicators compare across versions."""
    free_text_rate: float = 0.12


def la_codes(design: SyntheticDesign) -> tuple[str, ...]:
    """The synthetic area codes, ``SYN001`` upwards."""
    return tuple(f"SYN{i + 1:03d}" for i in range(design.n_las))


def round_id(la_code: str, period: str) -> str:
    """The synthetic round id of one area and period, e.g. ``SYN001-2026``."""
    return f"{la_code}-{period}"


def synthetic_responses(
    catalogue: Catalogue, design: SyntheticDesign | None = None, *, seed: int = 0
) -> pd.DataFrame:
    """A responses frame (``columns.RESPONSE_COLUMNS``) for ``design``, reproducible by seed.

    Uses the latest version of each instrument named in ``design.shares``, or the version
    ``design.versions`` names for a period. Repeated text
    columns are categoricals and ``response_id`` is an integer, to keep national-sized frames
    small. Every call returns a new frame.
    """
    design = design or SyntheticDesign()
    rng = np.random.default_rng(seed)
    effects = _area_effects(design, rng)
    blocks, next_id = [], 0
    for period_index, period in enumerate(design.periods):
        for instrument in design.shares:
            version = _version(catalogue, design, instrument, period)
            sizes = _block_sizes(design, instrument, rng)
            shifts = _shifts(design, version, effects, period_index, rng)
            draws = item_draws(version, catalogue.indicators)
            block = _block(version, draws, sizes, shifts, design, period, next_id, rng)
            blocks.append(block)
            next_id += int(sizes.sum())
    return _as_frame(blocks)


def _version(
    catalogue: Catalogue, design: SyntheticDesign, instrument: str, period: str
) -> InstrumentVersion:
    """The version ``instrument`` is answered in during ``period`` (see ``design.versions``)."""
    number = design.versions.get(period)
    return (
        catalogue.latest(instrument) if number is None else catalogue.get(f"{instrument}@v{number}")
    )


def synthetic_quotes(responses: pd.DataFrame, *, seed: int = 0) -> pd.DataFrame:
    """A quotes frame (``columns.QUOTE_COLUMNS``) from the free-text answers in ``responses``.

    About half are "approved"; the rest are "pending" or "rejected" and must never be shown.
    """
    rng = np.random.default_rng(seed)
    text = responses.loc[responses[col.VALUE].isin(SENTENCES)]
    states = rng.choice(REVIEW_STATES, size=len(text), p=[0.5, 0.3, 0.2])
    return pd.DataFrame(
        {
            col.QUOTE_ID: "q"
            + text[col.RESPONSE_ID].astype(str)
            + "-"
            + text[col.ITEM_ID].astype(str),
            col.LA_CODE: text[col.LA_CODE].astype(str),
            col.ROUND_ID: text[col.ROUND_ID].astype(str),
            col.INSTRUMENT: text[col.INSTRUMENT].astype(str),
            col.ITEM_ID: text[col.ITEM_ID].astype(str),
            col.QUOTE_TEXT: text[col.VALUE].astype(str),
            col.REVIEW_STATE: states,
        }
    ).reset_index(drop=True)


def synthetic_populations(responses: pd.DataFrame, *, seed: int = 0) -> dict[str, dict[str, int]]:
    """Eligible populations per round and instrument, for response rates of about 23-55%
    (the Bright Spots pilot range, docs/sources.md B8): ``{round_id: {instrument: population}}``."""
    rng = np.random.default_rng(seed)
    respondents = (
        responses.drop_duplicates(col.RESPONSE_ID)
        .groupby([col.ROUND_ID, col.INSTRUMENT], observed=True)
        .size()
    )
    rates = rng.uniform(0.23, 0.55, size=len(respondents))
    populations: dict[str, dict[str, int]] = {}
    for (round_key, instrument), count, rate in zip(
        respondents.index, respondents.to_numpy(), rates, strict=True
    ):
        populations.setdefault(str(round_key), {})[str(instrument)] = int(np.ceil(count / rate))
    return populations


def _area_effects(design: SyntheticDesign, rng: np.random.Generator) -> np.ndarray:
    """An overall lean per area: some areas' children answer more positively than others."""
    return rng.normal(0.0, 0.3, size=design.n_las)


def _block_sizes(design: SyntheticDesign, instrument: str, rng: np.random.Generator) -> np.ndarray:
    """Respondents per area for one instrument and round (the last area is small)."""
    means = np.full(design.n_las, design.respondents)
    means[-1] = design.small_respondents
    scale = rng.lognormal(0.0, 0.35, size=design.n_las)
    return rng.poisson(means * scale * design.shares[instrument])


def _shifts(
    design: SyntheticDesign,
    version: InstrumentVersion,
    effects: np.ndarray,
    period_index: int,
    rng: np.random.Generator,
) -> dict[str, np.ndarray]:
    """Per item, each area's lean on the goodness scale in this round."""
    shifts = {}
    is_last = period_index == len(design.periods) - 1
    for item in version.items:
        shift = effects + rng.normal(0.0, 0.25, size=design.n_las)
        if is_last and item.id == design.improving_item:
            shift[0] += design.improvement
        shifts[item.id] = shift
    return shifts


def _block(
    version: InstrumentVersion,
    draws: Mapping[str, ItemDraw],
    sizes: np.ndarray,
    shifts: Mapping[str, np.ndarray],
    design: SyntheticDesign,
    period: str,
    first_id: int,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Long rows for every respondent of one instrument and round, all areas at once."""
    areas = np.repeat(np.arange(len(sizes)), sizes)
    answers: dict[str, np.ndarray] = {}
    for item in version.items:
        visible = _visible(item, answers, len(areas))
        drawn = draw_item(draws[item.id], shifts[item.id][areas], design.free_text_rate, rng)
        answers[item.id] = np.where(visible, drawn, NO_ANSWER)
    answered_upto = _stopping_points(len(areas), len(version.items), design, rng)
    return _long_rows(version, answers, areas, answered_upto, design, period, first_id, rng)


def _visible(item: Item, answers: Mapping[str, np.ndarray], n: int) -> np.ndarray:
    """Which respondents are shown ``item``: every show_if condition holds on earlier answers."""
    visible = np.ones(n, dtype=bool)
    for condition in item.show_if:
        values = answers[condition.item]
        visible &= np.array([_holds(value, condition.values) for value in values], dtype=bool)
    return visible


def _holds(value: object, values: frozenset[str]) -> bool:
    """A show_if condition on one stored value (multi_choice values are JSON lists)."""
    if not isinstance(value, str):
        return False
    if value.startswith("["):
        return bool(values.intersection(json.loads(value)))
    return value in values


def _stopping_points(
    n: int, n_items: int, design: SyntheticDesign, rng: np.random.Generator
) -> np.ndarray:
    """How many items each respondent reached: all of them, unless they stopped early."""
    stopped = rng.random(n) >= design.completion_rate
    return np.where(stopped, rng.integers(1, n_items, size=n), n_items)


def _long_rows(
    version: InstrumentVersion,
    answers: Mapping[str, np.ndarray],
    areas: np.ndarray,
    answered_upto: np.ndarray,
    design: SyntheticDesign,
    period: str,
    first_id: int,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """One row per answered item, with the response-level columns repeated.

    Columns stay numpy object arrays of shared strings here (no per-row string building), so
    a national frame costs pointers rather than copies until ``_as_frame`` makes categoricals.
    """
    rows, items, values = [], [], []
    for position, item in enumerate(version.items):
        keep = np.flatnonzero((answers[item.id] != None) & (answered_upto > position))  # noqa: E711
        rows.append(keep)
        items.append(np.full(len(keep), item.id, dtype=object))
        values.append(answers[item.id][keep])
    row = np.concatenate(rows)
    codes = np.array(la_codes(design), dtype=object)
    rounds = np.array([round_id(code, period) for code in codes], dtype=object)
    respondent = _respondent_columns(version, answered_upto, rng)
    frame = pd.DataFrame(
        {
            col.RESPONSE_ID: first_id + row,
            col.ROUND_ID: rounds[areas[row]],
            col.LA_CODE: codes[areas[row]],
            col.PERIOD: np.full(len(row), period, dtype=object),
            **{name: column[row] for name, column in respondent.items()},
            col.ITEM_ID: np.concatenate(items),
            col.VALUE: np.concatenate(values),
        }
    )
    return frame.astype(dict.fromkeys(_TEXT_COLUMNS, "category"))


def _respondent_columns(
    version: InstrumentVersion, answered_upto: np.ndarray, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Version, mode, language and completion for each respondent, as parallel arrays."""
    n = len(answered_upto)
    assisted = "with_trusted_adult" if version.trusted_adult else "online"
    modes = np.array(["online", "paper", assisted], dtype=object)
    languages = np.array(["en", "cy"], dtype=object)
    return {
        col.INSTRUMENT: np.full(n, version.instrument, dtype=object),
        col.VERSION: np.full(n, version.version),
        col.CONTENT_HASH: np.full(n, version.content_hash, dtype=object),
        col.MODE: modes[rng.choice(3, size=n, p=[0.85, 0.1, 0.05])],
        col.LANGUAGE: languages[rng.choice(2, size=n, p=[0.95, 0.05])],
        col.COMPLETED: answered_upto == len(version.items),
    }


def _as_frame(blocks: list[pd.DataFrame]) -> pd.DataFrame:
    """One frame in contract column order, repeated text as categoricals, a fresh index."""
    columns = {
        name: union_categoricals([block[name] for block in blocks]) for name in _TEXT_COLUMNS
    }
    numbers = {
        name: np.concatenate([block[name].to_numpy() for block in blocks]) for name in _NOT_TEXT
    }
    return pd.DataFrame({**columns, **numbers})[list(col.RESPONSE_COLUMNS)]
