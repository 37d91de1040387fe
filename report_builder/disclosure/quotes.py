"""Which free-text quotes a report may show (R-SDC-6): approved, de-duplicated, untagged, few."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from report_builder.disclosure.values import Quote
from report_builder.inputs import columns as col

QUOTE_MIN_BASE = 30
QUOTE_LIMIT = 10
APPROVED = "approved"


def select_quotes(
    quotes: pd.DataFrame, *, base: int, limit: int = QUOTE_LIMIT
) -> tuple[Quote, ...]:
    """The quotes a report may show (R-SDC-6).

    None unless the LA-round base is at least 30 (a). Only quotes a reviewer has scrubbed and
    approved (b, c) are used, and each is returned as text and theme alone, never with a
    demographic tag (d). At most ``limit`` (about ten, e) are taken, one theme at a time in
    turn so the selection illustrates themes, in ``quote_id`` order within a theme. A quote
    whose words repeat an earlier one (``normalised_quote``) is left out, so no quote is shown
    twice and the ten places go to different voices.
    """
    if base < QUOTE_MIN_BASE:
        return ()
    approved = quotes.loc[quotes[col.REVIEW_STATE] == APPROVED]
    approved = approved.loc[~approved[col.QUOTE_TEXT].map(normalised_quote).duplicated()]
    themes = approved[col.THEME] if col.THEME in approved else pd.Series(None, index=approved.index)
    ordered = approved.assign(
        _theme=themes.fillna(""), _turn=approved.groupby(themes.fillna("")).cumcount()
    ).sort_values(["_turn", "_theme", col.QUOTE_ID], kind="stable")
    return tuple(
        Quote(text=row[col.QUOTE_TEXT], theme=row["_theme"] or None)
        for _, row in ordered.head(limit).iterrows()
    )


def normalised_quote(text: str) -> str:
    """A quote's words for spotting repeats: Unicode-normalised, case-folded, with
    punctuation and runs of spaces removed ("Great carers!" and "great  carers" match)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())
