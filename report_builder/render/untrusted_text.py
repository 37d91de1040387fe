"""Text that came from people (respondents' quotes, staff's names and actions) is data, never code.

Two kinds of file would otherwise read such text as instructions:

- ReportLab paragraphs parse their text as markup, so a quote like ``i want <b>more time`` (an
  unclosed tag), ``&#999999999;`` or ``<img src="/path"/>`` would stop a PDF being built or embed
  a file from the server's disk. ``escape_markup`` makes every ``<``, ``>`` and ``&`` literal;
  the few tags the renderers add themselves are written around the escaped text.
- Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, after
  some imports, a tab or carriage return) as a formula, e.g. ``=HYPERLINK(...)``.
  ``defuse_formula`` applies OWASP's rule for CSV injection: such a text cell gets a leading
  single quote, so it shows as the text it is. Numbers are not text and are left alone, so a
  negative figure stays a number.
"""

from __future__ import annotations

from typing import TypeVar
from xml.sax.saxutils import escape

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet cell a formula (OWASP, "CSV injection")."""

Cell = TypeVar("Cell")


def escape_markup(text: str) -> str:
    """``text`` as ReportLab paragraph markup that prints exactly ``text``.

    Double quotes are escaped too, so the result is also safe inside an attribute value
    (``<a href="...">``).
    """
    return escape(text, {'"': "&quot;"})


def defuse_formula(value: Cell) -> Cell | str:
    """``value`` with a leading ``'`` when it is text starting with a formula trigger.

    Anything that is not a ``str`` (a number, a date, None) is returned unchanged.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
