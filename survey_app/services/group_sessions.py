"""Group sessions: an officer's time-boxed window for a room of respondents behind one address.

A school class, a children's home or a care leavers' drop-in answers behind one internet
address. While a round's group session runs, an address that has let a respondent in with one
of the round's codes gets higher per-address rate-limit ceilings (``common/group_rooms.py``);
every respondent keeps their own per-respondent limit. A session lasts 30 to 180 minutes
(90 unless the officer chooses), one at a time per open round, and opening and ending it are
audited. Times are UTC without tzinfo, as the staff tables store them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import StaffUser, SurveyRound
from survey_app.models.group_session import GroupSession
from survey_app.services.audit import record_event
from survey_app.services.user_errors import N_, UserError

DEFAULT_MINUTES = 90
MIN_MINUTES = 30
MAX_MINUTES = 180


class GroupSessionError(UserError):
    """A change the round does not allow: not open, a session already running or none running,
    or a length out of range."""


def running_session(session: Session, round_id: int, now: datetime) -> GroupSession | None:
    """The round's group session running at ``now``, if there is one."""
    query = (
        select(GroupSession)
        .where(GroupSession.round_id == round_id, GroupSession.closed_at.is_(None))
        .where(GroupSession.opened_at <= now, GroupSession.ends_at > now)
        .order_by(GroupSession.id.desc())
    )
    return session.scalars(query).first()


def is_running(session: Session, group_session_id: int, now: datetime) -> bool:
    """True while the group session with this id runs (a primary-key lookup)."""
    found = session.get(GroupSession, group_session_id)
    return found is not None and found.running_at(now)


def open_group_session(
    session: Session, actor: StaffUser, survey_round: SurveyRound, minutes: int, now: datetime
) -> GroupSession:
    """Start a group session of ``minutes`` for an open round that has none running."""
    if survey_round.status != "open":
        raise GroupSessionError(N_("A group session can only run while the round is open."))
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise GroupSessionError(
            N_("Enter a number of minutes from %(low)s to %(high)s"),
            "minutes",
            low=MIN_MINUTES,
            high=MAX_MINUTES,
        )
    if running_session(session, survey_round.id, now) is not None:
        raise GroupSessionError(N_("A group session is already running for this round."))
    group = GroupSession(
        round=survey_round, opened_by=actor, opened_at=now, ends_at=now + timedelta(minutes=minutes)
    )
    session.add(group)
    session.flush()
    _audit(session, actor, "group_session.opened", group, f"{minutes} minutes")
    return group


def end_group_session(
    session: Session, actor: StaffUser, survey_round: SurveyRound, now: datetime
) -> GroupSession:
    """End the round's running group session now, before its time is up."""
    group = running_session(session, survey_round.id, now)
    if group is None:
        raise GroupSessionError(N_("There is no group session running for this round."))
    group.closed_at = now
    session.flush()
    _audit(session, actor, "group_session.ended", group, "ended early")
    return group


def _audit(
    session: Session, actor: StaffUser, action: str, group: GroupSession, detail: str
) -> None:
    survey_round = group.round
    record_event(
        session,
        actor,
        action,
        subject=f"round {survey_round.id}: {survey_round.name}",
        authority_id=survey_round.local_authority_id,
        detail=f"group session {group.id}, {detail}, until {group.ends_at:%H:%M} UTC",
    )
