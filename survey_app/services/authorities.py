"""Local authorities: what respondents and moderators are shown, and how long data is kept."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import LocalAuthority, StaffUser
from survey_app.services.audit import record_event
from survey_app.services.user_errors import N_, UserError


class AuthorityError(UserError):
    """A local authority that cannot be saved; ``field`` names the form field."""


@dataclass
class AuthorityDetails:
    """The editable facts about a local authority."""

    name: str
    code: str
    nation: str
    languages: str
    help_contact: str
    advocacy_contact: str
    safeguarding_procedure: str
    retention_months: int
    minimum_response_rate: int


def list_authorities(session: Session) -> list[LocalAuthority]:
    """Every local authority by name."""
    return list(session.scalars(select(LocalAuthority).order_by(LocalAuthority.name)))


def save_authority(
    session: Session,
    actor: StaffUser,
    details: AuthorityDetails,
    authority: LocalAuthority | None = None,
) -> LocalAuthority:
    """Create (``authority`` is None) or update a local authority; its code must be unique."""
    clash = session.scalar(
        select(LocalAuthority.id).where(func.upper(LocalAuthority.code) == details.code.upper())
    )
    if clash is not None and (authority is None or clash != authority.id):
        raise AuthorityError(N_("Another local authority already has this code"), "code")
    authority = authority or LocalAuthority()
    for name, value in asdict(details).items():
        setattr(authority, name, value)
    session.add(authority)
    session.flush()
    record_event(
        session, actor, "authority.saved", subject=authority.name, authority_id=authority.id
    )
    return authority
