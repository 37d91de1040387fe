"""Factories for test data: each builds valid rows with sensible defaults and flushes them.

Tests say only what matters to them (``make_round(session, status="closed")``) and take the rest
from here. Every factory takes the session explicitly, like the services.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import (
    AccessCode,
    LocalAuthority,
    Response,
    RoundDenominator,
    RoundInstrument,
    StaffUser,
    SurveyRound,
    YouSaidAction,
)
from survey_app.services.access_codes import issue_access_code
from survey_app.services.passwords import hash_password
from survey_app.services.responses import complete_response, save_answer, start_response

_numbers = itertools.count(1)
DEFAULT_PASSWORD = "correct horse battery staple tomato"
# Every factory-made member of staff has this authenticator secret set up, so the sign-in
# helpers can type a real code (``pyotp.TOTP(DEFAULT_TOTP_SECRET).at(...)``).
DEFAULT_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def make_authority(session: Session, **fields: object) -> LocalAuthority:
    n = next(_numbers)
    values = {
        "name": f"Test Authority {n}",
        "code": f"E0{n:07d}",
        "nation": "england",
        "languages": "en,cy",
        "help_contact": "Children's services: 0300 000 0000",
        "advocacy_contact": "Advocacy: 0800 000 0000",
        "safeguarding_procedure": "Call the duty team the same day.",
        **fields,
    }
    authority = LocalAuthority(**values)
    session.add(authority)
    session.flush()
    return authority


def make_round(
    session: Session,
    authority: LocalAuthority | None = None,
    instruments: tuple[tuple[str, int], ...] = (("cic-8-10", 1), ("cic-11-17", 1)),
    **fields: object,
) -> SurveyRound:
    today = date.today()
    values = {
        "name": f"Round {next(_numbers)}",
        "opens_on": today - timedelta(days=1),
        "closes_on": today + timedelta(days=30),
        "status": "open",
        **fields,
    }
    survey_round = SurveyRound(local_authority=authority or make_authority(session), **values)
    survey_round.instruments = [RoundInstrument(instrument=i, version=v) for i, v in instruments]
    survey_round.denominators = [
        RoundDenominator(age_band=i, population=100, figures_on=today) for i, _ in instruments
    ]
    session.add(survey_round)
    session.flush()
    return survey_round


def make_access_code(
    session: Session, survey_round: SurveyRound | None = None, **fields: object
) -> tuple[AccessCode, str]:
    """Return the code row and its clear text, as an officer would see it once."""
    label = str(fields.pop("label", f"Team {next(_numbers)}"))
    audience = fields.pop("audience", None)
    code, clear = issue_access_code(session, survey_round or make_round(session), label, audience)
    for name, value in fields.items():
        setattr(code, name, value)
    session.flush()
    return code, clear


def make_staff(
    session: Session, role: str = "participation_officer", **fields: object
) -> StaffUser:
    """A member of staff with ``DEFAULT_PASSWORD`` and an authenticator app already set up
    (pass ``totp_secret=None, totp_enrolled_at=None`` for someone who has not set one up)."""
    n = next(_numbers)
    authority = fields.pop("local_authority", None)
    if authority is None and role != "programme_admin":
        authority = make_authority(session)
    values = {
        "email": f"staff{n}@example.test",
        "display_name": f"Staff {n}",
        "password_hash": hash_password(DEFAULT_PASSWORD),
        "role": role,
        "local_authority": authority,
        "totp_secret": DEFAULT_TOTP_SECRET,
        "totp_enrolled_at": datetime.now(UTC).replace(tzinfo=None),
        **fields,
    }
    user = StaffUser(**values)
    session.add(user)
    session.flush()
    return user


def enrol_all_staff(session: Session) -> None:
    """Give every member of staff without an authenticator app ``DEFAULT_TOTP_SECRET``, as
    ``make_staff`` does (for accounts another command made, such as ``flask demo seed``)."""
    for user in session.scalars(select(StaffUser).where(StaffUser.totp_secret.is_(None))):
        user.totp_secret = DEFAULT_TOTP_SECRET
        user.totp_enrolled_at = datetime.now(UTC).replace(tzinfo=None)
    session.flush()


ALL_INSTRUMENTS = (("cic-4-7", 1), ("cic-8-10", 1), ("cic-11-17", 1), ("leavers-16-25", 1))


def make_response(
    session: Session,
    survey_round: SurveyRound | None = None,
    instrument: str = "cic-8-10",
    *,
    mode: str = "online",
    language: str = "en",
    answers: dict[str, str | list[str]] | None = None,
) -> Response:
    """An in-progress response on ``instrument`` v1, with ``answers`` saved through the service."""
    version = load_catalogue().get(f"{instrument}@v1")
    survey_round = survey_round or make_round(session, instruments=ALL_INSTRUMENTS)
    response = start_response(session, survey_round.id, version, mode=mode, language=language)
    for item_id, value in (answers or {}).items():
        save_answer(session, response, version.item(item_id), value)
    return response


def make_answered_response(
    session: Session,
    survey_round: SurveyRound,
    instrument: str = "cic-8-10",
    answers: dict[str, str | list[str]] | None = None,
    *,
    completed: bool = True,
    mode: str = "online",
    access_code: AccessCode | None = None,
) -> Response:
    """``make_response`` from ``access_code`` when given, then completed unless told otherwise."""
    response = make_response(session, survey_round, instrument, mode=mode, answers=answers)
    response.access_code_id = access_code.id if access_code else None
    if completed:
        complete_response(session, response)
    return response


def make_action(
    session: Session, survey_round: SurveyRound, band: str = "cic-8-10", **fields: object
) -> YouSaidAction:
    """A planned, general "you said, we will" action for ``band``, in English only unless told."""
    values: dict[str, object] = {
        "text": "We will listen.",
        "english_only": True,
        "owner": "Participation team",
        "due_on": date.today() + timedelta(days=90),
        "written_on": date.today(),
        **fields,
    }
    action = YouSaidAction(round_id=survey_round.id, age_band=band, position=1, **values)
    session.add(action)
    session.flush()
    return action
