"""Field types with the GOV.UK widgets and instruction-style messages staff forms share."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovDateInput, GovTextInput
from wtforms import DateField, IntegerField


class DayMonthYearField(DateField):
    """A date typed as day, month and year boxes (the GOV.UK date pattern)."""

    widget = GovDateInput()

    def __init__(self, label: str | None = None, validators: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("format", "%d %m %Y")
        self.invalid_message = kwargs.pop("invalid_message", _l("Enter a real date"))
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the three boxes; anything else is an invalid date, never a server error.

        ``GovDateInput`` redraws the boxes by unpacking ``raw_data`` into exactly three values,
        so a post with the boxes missing or repeated (no browser sends one; the fuzzer did) is
        normalised first: missing boxes leave ``raw_data`` empty so the stored date is redrawn,
        and the rest are padded or cut to three.
        """
        if not valuelist:
            self.raw_data = None
            return
        boxes = [part.strip() for part in valuelist]
        self.raw_data = (boxes + ["", "", ""])[:3]
        if not any(boxes):
            self.data = None
            return
        try:
            if len(boxes) != 3:
                raise ValueError
            self.data = datetime.strptime(" ".join(boxes), "%d %m %Y").date()
        except ValueError:
            self.data = None
            raise ValueError(self.invalid_message) from None


class WholeNumberField(IntegerField):
    """A count typed in a text box with a numeric keyboard, with our own "not a number" message."""

    widget = GovTextInput()

    def __init__(self, label: str | None = None, validators: Any = None, **kwargs: Any) -> None:
        self.invalid_message = kwargs.pop("invalid_message", _l("Enter a whole number, like 120"))
        super().__init__(label, validators, **kwargs)

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = int(valuelist[0].strip().replace(",", ""))
        except ValueError:
            self.data = None
            raise ValueError(self.invalid_message) from None
