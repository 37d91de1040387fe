"""An SQL aggregate that folds rows into one JSON object, in PostgreSQL's and SQLite's spelling.

Survey pages read a response with its answers, and an access code with its round's pinned
questionnaires, in one statement each: the many rows come back folded into one JSON column of
the single row, rather than as a second query or a joined row per answer.
"""

from __future__ import annotations

from sqlalchemy import JSON
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class json_object_of(FunctionElement[dict[str, object]]):  # noqa: N801 (an SQL function's name)
    """SQL aggregate of (key, value) rows: a JSON object, ``{}`` or NULL for no rows.

    PostgreSQL spells it ``json_object_agg`` and SQLite ``json_group_object``; typed as JSON, so
    either driver's text comes back as a dict.
    """

    type = JSON()
    inherit_cache = True


@compiles(json_object_of, "postgresql")
def _json_object_postgresql(element: json_object_of, compiler: SQLCompiler, **kw: object) -> str:
    return f"json_object_agg({compiler.process(element.clauses, **kw)})"


@compiles(json_object_of, "sqlite")
def _json_object_sqlite(element: json_object_of, compiler: SQLCompiler, **kw: object) -> str:
    return f"json_group_object({compiler.process(element.clauses, **kw)})"
