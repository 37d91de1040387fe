"""The report branding form: a logo to upload or remove, and the cover's colour."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovFileInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import Length

from survey_app.common.forms import StaffForm
from survey_app.services.branding import Branding, BrandingChange


class BrandingForm(StaffForm):
    """A new logo (optional), removing the current one, and the colour (empty for none)."""

    logo = FileField(
        _l("Upload a logo"),
        description=_l(
            "A PNG or JPEG image, smaller than 200 KB. It is printed on the report's cover."
            " Leave this empty to keep the current logo."
        ),
        widget=GovFileInput(),
    )
    remove_logo = BooleanField(_l("Remove the current logo"), widget=GovCheckboxInput())
    colour = StringField(
        _l("Colour"),
        description=_l(
            "Your authority's colour as a hex code, like #1d70b8. It is used for your"
            " authority's name and a bar on the cover, so it must be dark enough to read on"
            " white. Leave this empty for no colour."
        ),
        widget=GovTextInput(),
        validators=[Length(max=20, message=_l("Enter a colour like #1d70b8"))],
    )
    submit = SubmitField(_l("Save the report cover"), widget=GovSubmitInput())

    def fill(self, branding: Branding) -> None:
        """Show the stored colour (on a first visit, not over what was just posted)."""
        self.colour.data = branding.colour or ""

    def change(self) -> BrandingChange:
        """The answers for the branding service; the upload's bytes, if a file was chosen."""
        upload = self.logo.data
        return BrandingChange(
            upload=upload.read() if upload and upload.filename else None,
            remove_logo=bool(self.remove_logo.data),
            colour=self.colour.data or "",
        )
