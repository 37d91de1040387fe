"""Care Voices questionnaires: instruments and indicators as versioned, checked data.

The bottom layer of the app. It imports no web framework, ORM or data-frame library, so the
survey app and the report builder can both rely on it. See ``docs/questionnaires.md``.
"""

from questionnaires.catalogue import Catalogue
from questionnaires.fingerprint import comparable
from questionnaires.loader import load_catalogue
from questionnaires.model import (
    PREFER_NOT_TO_SAY,
    BaseRule,
    Condition,
    Indicator,
    InstrumentVersion,
    Item,
    LocalisedText,
    Option,
    Page,
)
from questionnaires.problems import Problem, QuestionnaireError
from questionnaires.routing import visible_items
from questionnaires.thresholds import ons_anxiety_band, ons_band

__all__ = [
    "PREFER_NOT_TO_SAY",
    "BaseRule",
    "Catalogue",
    "Condition",
    "Indicator",
    "InstrumentVersion",
    "Item",
    "LocalisedText",
    "Option",
    "Page",
    "Problem",
    "QuestionnaireError",
    "comparable",
    "load_catalogue",
    "ons_anxiety_band",
    "ons_band",
    "visible_items",
]
