"""Whole numbers in URLs are database ids, so they are bounded like one: a hostile id is a 404.

Werkzeug's ``int`` converter accepts any run of digits. The ids are PostgreSQL ``integer``
columns (at most 2**31 - 1), so ``/admin/rounds/2147483648`` reached the database and failed
with "integer out of range", a 500. Replacing the ``int`` converter for the whole app bounds every
``<int:...>`` in every blueprint, including routes added later, with no change to the routes.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

MAX_DATABASE_ID = 2**31 - 1
"""The largest value of a PostgreSQL ``integer`` (SQLite's ids are smaller in practice)."""


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>``: a whole number from 1 to ``MAX_DATABASE_ID``; anything else does not match.

    Zero, negative numbers and numbers past the limit never reach a view, so they are a 404
    like any id that does not exist.
    """

    def __init__(self, url_map: Map, fixed_digits: int = 0) -> None:
        super().__init__(url_map, fixed_digits, min=1, max=MAX_DATABASE_ID)


def register_url_converters(app: Flask) -> None:
    """Bound ``<int:...>`` for every route; call before any blueprint is registered."""
    app.url_map.converters["int"] = DatabaseIdConverter
