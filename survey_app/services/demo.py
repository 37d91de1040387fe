"""A demo local authority with staff and an open round, so a newcomer sees the app working.

The demo logins use generated passphrases that are printed once by ``flask demo seed`` and kept in
the instance folder (never in the database in clear), so ``make run`` can show them again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from survey_app.models import (
    LocalAuthority,
    RoundDenominator,
    RoundInstrument,
    StaffUser,
    SurveyRound,
)
from survey_app.services.access_codes import code_words, issue_access_code
from survey_app.services.passwords import hash_password

DEMO_INSTRUMENTS = (("cic-4-7", 2), ("cic-8-10", 2), ("cic-11-17", 2), ("leavers-16-25", 2))
"""The demo's open round uses version 2; its previous round (``demo_reports``) used version 1."""
DEMO_DENOMINATORS = {"cic-4-7": 60, "cic-8-10": 70, "cic-11-17": 180, "leavers-16-25": 150}
DEMO_STAFF = (
    ("admin@demo.care-voices.test", "Programme Admin", "programme_admin"),
    ("officer@demo.care-voices.test", "Participation Officer", "participation_officer"),
    ("lead@demo.care-voices.test", "Service Lead", "service_lead"),
)


@dataclass(frozen=True)
class DemoSeed:
    """What a newcomer needs to try the demo: a code and one login per role."""

    round_id: int
    access_code: str
    staff: list[dict[str, str]] = field(default_factory=list)


def database_is_empty(session: Session) -> bool:
    """True when no local authority exists yet."""
    return session.scalar(select(func.count()).select_from(LocalAuthority)) == 0


def seed_demo(session: Session, pinned_hashes: dict[str, str]) -> DemoSeed:
    """Create the demo authority, its staff and an open round; flush, not commit.

    ``pinned_hashes`` maps instrument id to the content hash of the version the round pins.
    """
    authority = _demo_authority()
    session.add(authority)
    staff = [_demo_staff(authority, email, name, role) for email, name, role in DEMO_STAFF]
    session.add_all(user for user, _ in staff)
    survey_round = _demo_round(authority, pinned_hashes)
    session.add(survey_round)
    session.flush()
    _, code = issue_access_code(session, survey_round, label="Demo poster")
    logins = [{"email": u.email, "password": pw, "role": u.role} for u, pw in staff]
    return DemoSeed(round_id=survey_round.id, access_code=code, staff=logins)


def _demo_authority() -> LocalAuthority:
    return LocalAuthority(
        name="Demo Borough Council",
        code="E09000999",
        nation="england",
        languages="en,cy",
        help_contact="Demo Borough Children's Services: 0300 000 0000 (9am to 5pm)",
        advocacy_contact="Demo Advocacy Service: 0800 000 0000",
        safeguarding_procedure="Tell the duty social worker on 0300 000 0001 the same day.",
        retention_months=24,
    )


def _demo_staff(
    authority: LocalAuthority, email: str, name: str, role: str
) -> tuple[StaffUser, str]:
    words = code_words()
    passphrase = "-".join(secrets.choice(words) for _ in range(4))
    user = StaffUser(
        email=email,
        display_name=name,
        password_hash=hash_password(passphrase),
        role=role,
        local_authority=None if role == "programme_admin" else authority,
    )
    return user, passphrase


def _demo_round(authority: LocalAuthority, pinned_hashes: dict[str, str]) -> SurveyRound:
    today = date.today()
    survey_round = SurveyRound(
        local_authority=authority,
        name=f"Demo round {today.year}",
        opens_on=today - timedelta(days=7),
        closes_on=today + timedelta(days=60),
        status="open",
    )
    survey_round.instruments = [
        RoundInstrument(instrument=key, version=version, content_hash=pinned_hashes.get(key))
        for key, version in DEMO_INSTRUMENTS
    ]
    survey_round.denominators = [
        RoundDenominator(age_band=key, population=count, figures_on=today.replace(day=1))
        for key, count in DEMO_DENOMINATORS.items()
    ]
    return survey_round
