"""The round form: name, local authority, dates, instrument versions and denominators."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from survey_app.admin.forms.fields import DayMonthYearField, WholeNumberField
from survey_app.common.forms import StaffForm, submitted
from survey_app.services.rounds import RoundDetails

# Denominator fields, keyed by the instrument id that is their age band.
BAND_FIELDS = {
    "cic-4-7": "population_cic_4_7",
    "cic-8-10": "population_cic_8_10",
    "cic-11-17": "population_cic_11_17",
    "leavers-16-25": "population_leavers_16_25",
}
# A round's status as staff read it, in the interface language.
STATUS_LABELS = {
    "draft": _l("Draft"),
    "open": _l("Open"),
    "closed": _l("Closed"),
    "archived": _l("Archived"),
}
MAX_POPULATION = 100_000
"""More than all the children in care in England: a larger number is a typing mistake, and it
must be refused here before it overflows the database's integer column."""
_NOT_NEGATIVE = NumberRange(min=0, message=_l("The number of children must be 0 or more"))
_NOT_TOO_MANY = NumberRange(
    max=MAX_POPULATION, message=_l("The number of children must be 100,000 or fewer")
)


def _population(label: str) -> WholeNumberField:
    return WholeNumberField(label, validators=[Optional(), _NOT_NEGATIVE, _NOT_TOO_MANY])


class RoundForm(StaffForm):
    """Everything about a round an officer enters; the view removes what the status fixes."""

    name = StringField(
        _l("Round name"),
        description=_l("For example, Spring 2027 survey"),
        widget=GovTextInput(),
        validators=[InputRequired(_l("Enter a name for the round")), Length(max=200)],
    )
    local_authority = SelectField(
        _l("Local authority"),
        coerce=int,
        widget=GovSelect(),
        validators=[InputRequired(_l("Select a local authority"))],
    )
    opens_on = DayMonthYearField(
        _l("Opening date"),
        description=_l("For example, 3 3 2027"),
        validators=[InputRequired(_l("Enter the opening date"))],
        invalid_message=_l("The opening date must be a real date"),
    )
    closes_on = DayMonthYearField(
        _l("Closing date"),
        validators=[InputRequired(_l("Enter the closing date"))],
        invalid_message=_l("The closing date must be a real date"),
    )
    instruments = SelectMultipleField(
        _l("Questionnaires"),
        description=_l("Select every questionnaire this round uses."),
        widget=GovCheckboxesInput(),
        validate_choice=False,
    )
    population_cic_4_7 = _population(_l("Children in care aged 4 to 7"))
    population_cic_8_10 = _population(_l("Children in care aged 8 to 10"))
    population_cic_11_17 = _population(_l("Children in care aged 11 to 17"))
    population_leavers_16_25 = _population(_l("Care leavers aged 16 to 25"))
    figures_on = DayMonthYearField(
        _l("Date of the figures"),
        description=_l("The day the numbers of children were counted"),
        invalid_message=_l("The date of the figures must be a real date"),
    )
    submit = SubmitField(_l("Save round"), widget=GovSubmitInput())

    def validate_closes_on(self, field: DayMonthYearField) -> None:
        """Dates out of order are refused here, next to the field."""
        opens_on = self.opens_on.data if self.opens_on else None  # None once the round is open.
        if opens_on and field.data and field.data < opens_on:
            raise ValidationError(
                _l("The closing date must be the same as or after the opening date")
            )

    def validate_figures_on(self, field: DayMonthYearField) -> None:
        """Numbers of children need the date they were counted."""
        if field.data is None and any(v is not None for v in self.populations().values()):
            raise ValidationError(_l("Enter the date of the figures"))

    def populations(self) -> dict[str, int | None]:
        """The denominators typed in, by age band (``None`` where left blank or not shown)."""
        return {
            band: getattr(self, name).data if name in self._fields else None
            for band, name in BAND_FIELDS.items()
        }


class AdvanceForm(StaffForm):
    """The button that moves a round on, with the status the officer confirmed moving it from.

    A confirmation page sends ``from_status``, so a second click or a stale page cannot move
    the round one step further than the officer read about (open it, then close it).
    """

    from_status = HiddenField()
    welsh_confirmed = BooleanField(
        _l("I understand, and want to offer this Welsh now"),
        widget=GovCheckboxInput(),
    )

    def is_stale(self, status: str) -> bool:
        """True when the page confirmed a move from a status the round has already left."""
        return bool(self.from_status.data) and self.from_status.data != status


def round_details(form: RoundForm) -> RoundDetails:
    """The form's answers for the rounds service; fields the view removed stay ``None``."""
    present = form._fields
    populations = form.populations()
    instruments = form.instruments.data if "instruments" in present else None
    chosen_bands = {key.split("@")[0] for key in instruments} if instruments is not None else None
    denominators = None
    if any(name in present for name in BAND_FIELDS.values()):
        denominators = {
            band: count
            for band, count in populations.items()
            if count is not None and (chosen_bands is None or band in chosen_bands)
        }
    return RoundDetails(
        name=submitted(form.name.data).strip() if "name" in present else None,
        opens_on=form.opens_on.data if "opens_on" in present else None,
        closes_on=form.closes_on.data if "closes_on" in present else None,
        instruments=instruments,
        denominators=denominators,
        figures_on=form.figures_on.data if "figures_on" in present else None,
    )
