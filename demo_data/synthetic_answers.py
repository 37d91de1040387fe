"""How the synthetic generator draws one item's answers (see ``synthetic.py`` beside it).

Typical distributions are written "best answer first" and turned to match each item's option
order; an option's goodness comes from the indicators that read it, so the same code leans
"feels safe" towards "always" and "scared of bullying" towards "never" in a better area.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from scipy import stats as sps

from questionnaires import PREFER_NOT_TO_SAY, Indicator, InstrumentVersion, Item

SKIP_RATE = 0.03
PREFER_NOT_TO_SAY_RATE = 0.04
MULTI_CHOICE_RATE = 0.3
NONE_OF_THESE = "none_of_these"
# What `np.where` puts where there is no answer: None in a 0-d object array (numpy's types take
# arrays, not a bare None, and an object array keeps the answers' own values).
NO_ANSWER = np.array(None, dtype=object)

SENTENCES = (
    "I like going to the park at the weekend.",
    "More days out would be nice.",
    "I would like to see my brother and sister more often.",
    "Football club is the best part of my week.",
    "It would help if my social worker stayed the same.",
    "My carers help me with my homework.",
    "I want more say in my plans.",
    "I feel listened to most of the time.",
    "Please make meetings shorter and at better times.",
    "I enjoy cooking with the people I live with.",
)
"""Harmless, generic free-text answers; none names a person, place or event."""

_SCALE = 0.8 * sps.binom.pmf(np.arange(11), 10, 0.68) + 0.2 / 11
_BEST_FIRST: Mapping[str, tuple[float, ...]] = MappingProxyType(
    {
        "yes_no": (0.78, 0.12, 0.10),
        "frequency": (0.55, 0.25, 0.12, 0.08),
        "count_band": (0.1, 0.4, 0.25, 0.2, 0.05),
        "single_choice": (0.5, 0.28, 0.12, 0.06, 0.04),
        "faces": (0.3, 0.4, 0.2, 0.07, 0.03),
        "scale_0_10": tuple(_SCALE[::-1]),
    }
)
_ITEM_SHARES: Mapping[str, tuple[float, ...]] = MappingProxyType(
    {
        "gender": (0.43, 0.54, 0.01),
        "ethnicity": (0.71, 0.11, 0.05, 0.08, 0.04),
        "placement_type": (0.7, 0.12, 0.12, 0.03, 0.03),
        "living_situation": (0.35, 0.15, 0.3, 0.12, 0.08),
        "time_in_care": (0.2, 0.35, 0.45),
        "contact_parents": (0.35, 0.55, 0.10),
        "contact_siblings": (0.3, 0.45, 0.05, 0.2),
        "contact_mum": (0.35, 0.45, 0.08, 0.12),
        "contact_dad": (0.3, 0.35, 0.07, 0.28),
        "main_activity": (0.35, 0.12, 0.2, 0.12, 0.08, 0.06, 0.07),
        "where_living": (0.3, 0.1, 0.3, 0.15, 0.05, 0.04, 0.02, 0.04),
    }
)
"""Item-specific shares in option order (ethnicity and sex roughly as DfE CLA 2025,
docs/sources.md B12); items not listed use their type's typical distribution."""

_NATURAL_ORDER_IS_WORST_FIRST = frozenset({"faces", "scale_0_10"})


@dataclass(frozen=True)
class ItemDraw:
    """One item's options with their typical probabilities and goodness scores."""

    item: Item
    values: tuple[str, ...]
    probabilities: np.ndarray
    goodness: np.ndarray


def item_draws(
    version: InstrumentVersion, indicators: tuple[Indicator, ...]
) -> dict[str, ItemDraw]:
    """An ``ItemDraw`` for every item of ``version``."""
    return {item.id: _item_draw(version, item, indicators) for item in version.items}


def draw_item(
    draw: ItemDraw, shifts: np.ndarray, free_text_rate: float, rng: np.random.Generator
) -> np.ndarray:
    """One answer (or None for a skip) per respondent; ``shifts`` holds each one's lean."""
    n = len(shifts)
    if draw.item.type == "free_text":
        answered = rng.random(n) < free_text_rate
        return np.where(answered, rng.choice(SENTENCES, size=n), NO_ANSWER).astype(object)
    if draw.item.type == "multi_choice":
        values = _draw_multi(draw, n, rng)
    else:
        values = _draw_single(draw, shifts, rng)
    return np.where(rng.random(n) < SKIP_RATE, NO_ANSWER, values).astype(object)


def _draw_single(draw: ItemDraw, shifts: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Inverse-CDF draws from each respondent's own leaning distribution."""
    weights = draw.probabilities[None, :] * np.exp(shifts[:, None] * draw.goodness[None, :])
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    chosen = (rng.random(len(shifts))[:, None] > cumulative).sum(axis=1)
    drawn: np.ndarray = np.array(draw.values, dtype=object)[
        np.minimum(chosen, len(draw.values) - 1)
    ]
    return drawn


def _draw_multi(draw: ItemDraw, n: int, rng: np.random.Generator) -> np.ndarray:
    """JSON lists of the ticked options; "none of these" stands alone when nothing is ticked."""
    options = [value for value in draw.values if value != NONE_OF_THESE]
    ticked = rng.random((n, len(options))) < MULTI_CHOICE_RATE
    lists = [
        [o for o, t in zip(options, row, strict=True) if t] or [NONE_OF_THESE] for row in ticked
    ]
    return np.array([json.dumps(chosen) for chosen in lists], dtype=object)


def _item_draw(
    version: InstrumentVersion, item: Item, indicators: tuple[Indicator, ...]
) -> ItemDraw:
    """Typical probabilities in option order, prefer-not-to-say given a small share."""
    values = tuple(value for value in item.option_values if value != PREFER_NOT_TO_SAY)
    if not values:
        return ItemDraw(item, (), np.zeros(0), np.zeros(0))
    goodness = _goodness(version, item, values, indicators)
    shares = np.asarray(_typical_shares(item, len(values), goodness), dtype=float)
    if item.prefer_not_to_say:
        values += (PREFER_NOT_TO_SAY,)
        shares = np.append(
            shares / shares.sum() * (1 - PREFER_NOT_TO_SAY_RATE), PREFER_NOT_TO_SAY_RATE
        )
        goodness = np.append(goodness, 0.0)
    return ItemDraw(item, values, shares / shares.sum(), goodness)


def _goodness(
    version: InstrumentVersion,
    item: Item,
    values: tuple[str, ...],
    indicators: tuple[Indicator, ...],
) -> np.ndarray:
    """+1 per higher-is-better indicator counting an option as positive, -1 per worse one."""
    goodness = np.zeros(len(values))
    for indicator in indicators:
        if indicator.sources.get(version.instrument) != item.id:
            continue
        sign = 1.0 if indicator.direction == "higher_is_better" else -1.0
        goodness += sign * np.array([value in indicator.positive for value in values])
    return goodness


def _typical_shares(item: Item, k: int, goodness: np.ndarray) -> tuple[float, ...]:
    """Item-specific shares, else the type's best-first shares turned to the item's order."""
    if item.id in _ITEM_SHARES:
        return _ITEM_SHARES[item.id]
    if item.type not in _BEST_FIRST or item.domain == "about_you":
        return (1.0 / k,) * k
    best_first = _BEST_FIRST[item.type][:k]
    is_reversed = goodness[-1] > goodness[0] or (
        goodness[-1] == goodness[0] and item.type in _NATURAL_ORDER_IS_WORST_FIRST
    )
    return best_first[::-1] if is_reversed else best_first
