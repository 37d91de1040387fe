"""An authority's report branding: the logo and colour its officers choose for the cover.

The colour is used for text (the authority's name) and for the cover's accent bar, so it must
be readable on the white page: at least 4.5:1 contrast (WCAG 2.1, 1.4.3), computed with
coloraide. The logo is checked and redrawn by ``logo_images``. A refusal is a ``UserError``
whose English the view translates.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from coloraide import Color
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuthorityBranding, LocalAuthority, StaffUser
from survey_app.services.audit import record_event
from survey_app.services.logo_images import Logo, checked_logo
from survey_app.services.user_errors import N_, UserError

MINIMUM_CONTRAST = 4.5
"""Against white: the WCAG 2.1 minimum for text of any size."""
_HEX_COLOUR = re.compile(r"#[0-9a-f]{6}")


_COLOUR_PROBLEMS = {
    "not_a_colour": N_("Enter a colour as a # and six letters or numbers, like #1d70b8"),
    "low_contrast": N_(
        "Choose a darker colour: text in this colour would be hard to read on white."
        " It needs a contrast of at least 4.5 to 1"
    ),
}


class ColourError(UserError):
    """A colour that cannot be used; ``problem`` is ``not_a_colour`` or ``low_contrast``."""

    def __init__(self, problem: str) -> None:
        super().__init__(_COLOUR_PROBLEMS[problem], "colour")
        self.problem = problem


@dataclass(frozen=True)
class Branding:
    """An authority's cover branding; either part may be missing."""

    logo: Logo | None = None
    colour: str | None = None

    @property
    def logo_data_url(self) -> str | None:
        """The logo as a ``data:`` URL, which the page, the one-file report and the PDF all
        show (the PDF printer is told it may load exactly this URL)."""
        if self.logo is None:
            return None
        return "data:image/png;base64," + base64.b64encode(self.logo.png).decode("ascii")


@dataclass(frozen=True)
class BrandingChange:
    """What an officer asks for: a new logo upload (or None to keep the current one), whether
    to remove the logo, and the colour as typed (empty for none)."""

    upload: bytes | None
    remove_logo: bool
    colour: str


def branding_for(session: Session, authority_id: int) -> Branding:
    """The authority's branding, or none when it has set none."""
    row = _row(session, authority_id)
    if row is None:
        return Branding()
    logo = None
    if row.logo_png and row.logo_width and row.logo_height:
        logo = Logo(row.logo_png, row.logo_width, row.logo_height)
    return Branding(logo, row.colour)


def checked_colour(typed: str) -> str | None:
    """``typed`` as a lower-case ``#rrggbb``, or None when empty; ``ColourError`` if it is not
    six hex digits after a ``#`` (the ``#`` may be left out) or too pale to read on white."""
    entry = typed.strip().lower()
    if not entry:
        return None
    colour = entry if entry.startswith("#") else f"#{entry}"
    if not _HEX_COLOUR.fullmatch(colour):
        raise ColourError("not_a_colour")
    if contrast_with_white(colour) < MINIMUM_CONTRAST:
        raise ColourError("low_contrast")
    return colour


def contrast_with_white(colour: str) -> float:
    """The WCAG 2.1 contrast ratio of ``colour`` against white (1 to 21)."""
    return float(Color(colour).contrast("white", method="wcag21"))


def save_branding(
    session: Session, actor: StaffUser, authority: LocalAuthority, change: BrandingChange
) -> Branding:
    """Check and store ``change`` for ``authority``, audited; returns the branding as stored.

    Raises ``ColourError`` or ``logo_images.LogoError`` (nothing is stored) when a part is bad.
    """
    colour = checked_colour(change.colour)
    logo = checked_logo(change.upload) if change.upload is not None else None
    row = _row(session, authority.id) or AuthorityBranding(local_authority_id=authority.id)
    if logo is not None or change.remove_logo:
        row.logo_png = logo.png if logo else None
        row.logo_width = logo.width if logo else None
        row.logo_height = logo.height if logo else None
    row.colour = colour
    session.add(row)
    session.flush()
    record_event(
        session,
        actor,
        "branding.saved",
        subject=authority.name,
        authority_id=authority.id,
        detail=f"logo {_logo_change(logo, change.remove_logo)}, colour {colour or 'none'}",
    )
    return branding_for(session, authority.id)


def _logo_change(logo: Logo | None, removed: bool) -> str:
    if logo is not None:
        return f"replaced ({logo.width} by {logo.height} pixels)"
    return "removed" if removed else "unchanged"


def _row(session: Session, authority_id: int) -> AuthorityBranding | None:
    return session.scalar(
        select(AuthorityBranding).where(AuthorityBranding.local_authority_id == authority_id)
    )
