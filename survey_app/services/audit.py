"""Record staff actions in the audit log and read them back for programme admins.

Callers pass the acting user (or ``None`` for the system, e.g. the retention job) and a short
``subject`` naming the object; ``detail`` is for counts and ids, never for answers, codes or
passwords, so the log can be read by admins without exposing respondents.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, StaffUser

PAGE_SIZE = 50
LAST_PAGE = 2**31 // PAGE_SIZE
"""Past any real audit log: a larger page number (from a hand-edited ``?page=``) reads this
page, which is empty, instead of asking the database for an offset it cannot hold."""


def now_utc() -> datetime:
    """The current UTC time without tzinfo, as the staff tables store it."""
    return datetime.now(UTC).replace(tzinfo=None)


def record_event(
    session: Session,
    actor: StaffUser | None,
    action: str,
    *,
    subject: str = "",
    authority_id: int | None = None,
    detail: str = "",
) -> AuditEvent:
    """Add one audit event; ``authority_id`` lets admins filter the log by local authority."""
    event = AuditEvent(
        occurred_at=now_utc(),
        actor=actor,
        actor_email=actor.email if actor else "",
        local_authority_id=authority_id,
        action=action,
        subject=subject[:200],
        detail=detail,
    )
    session.add(event)
    session.flush()
    return event


def recent_events(session: Session, *, page: int = 1, action_prefix: str = "") -> list[AuditEvent]:
    """Newest first, ``PAGE_SIZE`` to a page, optionally only actions starting with a prefix."""
    query = select(AuditEvent).order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix))
    query = query.offset((min(max(page, 1), LAST_PAGE) - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    return list(session.scalars(query))
