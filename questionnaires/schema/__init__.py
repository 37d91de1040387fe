"""The JSON Schemas that ship with the package, and validators built from them.

Schemas check shape only (required fields, types, allowed words); meaning is checked in
``questionnaires.checks`` and ``questionnaires.catalogue_checks``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator, ValidationError

from questionnaires.located_yaml import JsonPath, LocatedDocument
from questionnaires.problems import Problem


@cache
def validator(name: str) -> Draft202012Validator:
    """A Draft 2020-12 validator for ``<name>.schema.json`` (``instrument`` or ``indicators``)."""
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _dotted(path: JsonPath) -> str:
    text = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
    return text.lstrip(".") or "(top level)"


def _message(error: ValidationError) -> str:
    if error.validator == "not":
        return "has a field that this item type does not use (options, ends or max_length)"
    if error.validator == "type" and isinstance(error.instance, bool):
        return f"{error.instance} is not a string: YAML reads bare yes/no as true/false; quote it"
    if error.validator == "oneOf":
        return "must be a list of option codes or an ONS band such as {ons_band: low}"
    message = str(error.message)
    return message if len(message) <= 160 else message[:157] + "..."


def schema_problems(document: LocatedDocument, name: str) -> tuple[Problem, ...]:
    """Every schema error in ``document`` (not just the first), each with its line."""
    errors = sorted(
        validator(name).iter_errors(document.data), key=lambda e: list(map(str, e.path))
    )
    return tuple(
        document.problem(
            tuple(error.absolute_path), f"{_dotted(tuple(error.absolute_path))}: {_message(error)}"
        )
        for error in errors
    )
