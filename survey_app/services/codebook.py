"""The codebook of a round's export: one variable per column, named by item id and version.

Columns are the same in CSV, XLSX and SPSS: a few about the response, then one per item of the
round's instrument versions (youngest band first), with multi-choice items spread over one 0/1
column per option. Item ids are stable across versions (CR-6), so an item asked in two
instruments shares one column and the codebook lists every version that asks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from questionnaires import InstrumentVersion, Item, load_catalogue
from survey_app.models import SurveyRound

RESPONSE_COLUMNS = {
    "response": "Row number (not an identifier: rows are numbered afresh in every export)",
    "instrument_version": "Questionnaire and version, e.g. cic-8-10@v1",
    "content_hash": "Fingerprint of the exact wording answered",
    "mode": "How it was answered: online, trusted_adult or paper",
    "language": "Language answered in: en or cy",
    "status": "completed, or in_progress when not finished",
    "started_on": "Day started (no time is kept)",
    "completed_on": "Day completed (no time is kept)",
}
MULTI_SEPARATOR = "__"


@dataclass
class Variable:
    """One export column: which item (and option, for multi-choice) it holds, and its labels."""

    name: str
    item_id: str
    item_type: str
    text: str
    option: str | None = None
    versions: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)


def round_versions(survey_round: SurveyRound) -> list[InstrumentVersion]:
    """The round's instrument versions, youngest band first."""
    catalogue = load_catalogue()
    versions = [catalogue.get(f"{ri.instrument}@v{ri.version}") for ri in survey_round.instruments]
    return sorted(versions, key=lambda v: (v.age_min, v.instrument))


def item_variables(survey_round: SurveyRound) -> list[Variable]:
    """The item columns of the round's export, in questionnaire order."""
    found: dict[str, Variable] = {}
    for version in round_versions(survey_round):
        for item in version.items:
            for variable in _variables_of(item):
                kept = found.setdefault(variable.name, variable)
                kept.versions.append(version.key)
                kept.labels.update(variable.labels)
    return list(found.values())


def _variables_of(item: Item) -> list[Variable]:
    if item.type == "multi_choice":
        return [
            Variable(
                name=f"{item.id}{MULTI_SEPARATOR}{option.value}",
                item_id=item.id,
                item_type=item.type,
                text=f"{item.text.en}: {option.label.en if option.label else option.value}",
                option=option.value,
                labels={"1": "chosen", "0": "not chosen"},
            )
            for option in item.options
        ]
    labels = {o.value: o.label.en if o.label else o.value for o in item.options}
    return [Variable(item.id, item.id, item.type, item.text.en, labels=labels)]


def labels_by_version(survey_round: SurveyRound) -> dict[str, dict[str, dict[str, str]]]:
    """Each instrument version's answer labels, by column and then code: ``{key: {name: {code:
    label}}}``.

    ``item_variables`` merges labels across versions, but the same code can be worded for each
    age band (``female`` is "Girl" at 8-10 and "Woman" for care leavers); a response is labelled
    with the words its own version showed.
    """
    return {
        version.key: {v.name: v.labels for item in version.items for v in _variables_of(item)}
        for version in round_versions(survey_round)
    }


def codebook_rows(survey_round: SurveyRound) -> list[dict[str, str]]:
    """One row per variable and value label, for the codebook CSV and XLSX sheet."""
    rows = [
        {
            "variable": name,
            "question": text,
            "type": "response",
            "versions": "",
            "value": "",
            "label": "",
        }
        for name, text in RESPONSE_COLUMNS.items()
    ]
    hashes = {v.key: v.content_hash for v in round_versions(survey_round)}
    for variable in item_variables(survey_round):
        versions = "; ".join(f"{key} ({hashes[key]})" for key in variable.versions)
        base = {
            "variable": variable.name,
            "question": variable.text,
            "type": variable.item_type,
            "versions": versions,
        }
        if variable.item_type == "free_text":
            base["label"] = "Approved (moderated) text only; blank when not approved"
        rows += [
            {**base, "value": value, "label": label} for value, label in variable.labels.items()
        ] or [{"value": "", "label": "", **base}]
    return rows


CODEBOOK_FIELDS = ("variable", "question", "type", "versions", "value", "label")
