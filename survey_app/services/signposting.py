"""When a closed answer should bring up the kind support page: once per survey.

"Once" is worked out from the answers already stored, so nothing new is stored or put in the
session cookie: the page shows when an answer signals risk and none of the answers stored before
it did (a risk option from ``risk_signals.yaml``, or free text that suggests risk). Someone who
withdraws such an answer and later gives another sees the page again, which errs on the side of
help. Free text that suggests risk keeps its own page every time (``services/safeguarding.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from questionnaires import InstrumentVersion, Item
from questionnaires.risk_signals import RiskSignals
from survey_app.services.answers import AnswerValue
from survey_app.services.safeguarding import suggests_risk


def signals_risk(
    signals: RiskSignals, version: InstrumentVersion, item: Item, value: AnswerValue
) -> bool:
    """True when ``value`` for ``item`` is a risk option, or free text that suggests risk."""
    if item.type == "free_text":
        return isinstance(value, str) and suggests_risk(value)
    return signals.signals(version.key, item.id, value)


def closed_answer_signals_risk(
    signals: RiskSignals, version: InstrumentVersion, item: Item, value: AnswerValue | None
) -> bool:
    """True when ``value`` is a closed answer to ``item`` that the catalogue marks as a risk."""
    if value is None or item.type == "free_text":
        return False
    return signals.signals(version.key, item.id, value)


def first_risk_answer(
    signals: RiskSignals,
    version: InstrumentVersion,
    item: Item,
    value: AnswerValue | None,
    earlier: Mapping[str, AnswerValue],
) -> bool:
    """True when the closed answer ``value`` just saved for ``item`` signals risk and none of
    the ``earlier`` answers (those stored before this save, this item's old answer included)
    did: the moment to show the support page."""
    if not closed_answer_signals_risk(signals, version, item, value):
        return False
    return not any(
        signals_risk(signals, version, version.item(item_id), answer)
        for item_id, answer in earlier.items()
        if version.has_item(item_id)
    )
