"""Small frame helpers shared by the report stages."""

from __future__ import annotations

from typing import Any

import pandas as pd


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts of plain Python values, as ``to_dict("records")`` gives.

    Values are typed ``Any`` because a row's columns differ in type, as pandas' own stubs
    type ``to_dict("records")``; the frame contracts in ``inputs/columns.py`` say which is which.

    Built column by column (``Series.tolist``), which is several times faster for the
    hundred-row tables of one report; missing values of nullable columns stay ``pd.NA``.
    """
    names = list(frame.columns)
    columns = [frame[name].tolist() for name in names]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
