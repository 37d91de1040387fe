"""Safeguarding alerts: raised with a flagged answer, shown until handled, handled on the record.

Raising an alert adds, in the caller's transaction (so with the answer itself, or not at all),
the alert and its two emails: the alert, due at once, and the escalation, due after the
authority's delay, which handling the alert cancels. ``safeguarding_outbox`` sends them.
Handling records who, when, which of the authority's outcomes, and a note; it is audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import (
    AccessCode,
    Answer,
    SafeguardingAlert,
    SafeguardingEmail,
    StaffUser,
    SurveyRound,
)
from survey_app.services.answers import decoded_value
from survey_app.services.audit import now_utc, record_event
from survey_app.services.paper_layout import item_text, option_label
from survey_app.services.safeguarding_settings import settings_for
from survey_app.services.user_errors import N_, UserError

if TYPE_CHECKING:
    from survey_app.services.response_facts import AnswerTarget

MAX_NOTE_LENGTH = 2000


class HandlingError(UserError):
    """Handling that cannot be recorded: ``field`` names the form field."""


def raise_alert(
    session: Session, response: AnswerTarget, item_id: str, now: datetime | None = None
) -> SafeguardingAlert | None:
    """Queue an alert for ``response``'s answer to ``item_id``; None if it already has one.

    Saving the same flagged answer again (a replayed POST, an edit) raises nothing new: the
    unique ``answer_id`` and ``ON CONFLICT DO NOTHING`` keep one alert even for racing saves.
    """
    now = now or now_utc()
    answer_id = session.scalar(
        select(Answer.id).where(Answer.response_id == response.id, Answer.item_id == item_id)
    )
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(SafeguardingAlert)
        .values(
            round_id=response.round_id,
            answer_id=answer_id,
            batch_label=_batch_label(session, response),
            raised_at=now,
        )
        .on_conflict_do_nothing(index_elements=["answer_id"])
        .returning(SafeguardingAlert.id)
    )
    alert_id = session.scalar(statement)
    if alert_id is None:
        return None
    alert = session.get_one(SafeguardingAlert, alert_id)
    _queue_emails(session, alert, response.authority_id, now)
    record_event(
        session,
        None,
        "safeguarding.alert_raised",
        subject=f"round {response.round_id}: alert {alert.id}",
        authority_id=response.authority_id,
    )
    return alert


def raise_risk_answer_alert(session: Session, response: AnswerTarget, item_id: str) -> bool:
    """Raise an alert for a closed answer that signals risk, if the authority chose to be told.

    Off by default (``SafeguardingSettings.alert_on_risk_answers``): such answers always bring
    up the support page, but an alert adds exact times and a batch label to an anonymous answer,
    so each authority decides (docs/safeguarding.md). True when a new alert was queued.
    """
    if not settings_for(session, response.authority_id).alert_on_risk_answers:
        return False
    return raise_alert(session, response, item_id) is not None


def _batch_label(session: Session, response: AnswerTarget) -> str:
    if response.access_code_id is None:
        return ""
    label = session.scalar(select(AccessCode.label).where(AccessCode.id == response.access_code_id))
    return label or ""


def _queue_emails(
    session: Session, alert: SafeguardingAlert, authority_id: int, now: datetime
) -> None:
    delay = timedelta(hours=settings_for(session, authority_id).escalation_hours)
    alert.emails = [
        SafeguardingEmail(kind="alert", not_before=now),
        SafeguardingEmail(kind="escalation", not_before=now + delay),
    ]
    session.flush()


def unhandled_count(session: Session, round_id: int) -> int:
    """How many of the round's alerts nobody has yet recorded handling, for the banner."""
    return (
        session.scalar(
            select(func.count())
            .select_from(SafeguardingAlert)
            .where(SafeguardingAlert.round_id == round_id, SafeguardingAlert.handled_at.is_(None))
        )
        or 0
    )


def round_alerts(session: Session, survey_round: SurveyRound) -> list[SafeguardingAlert]:
    """The round's alerts, unhandled first, then newest first."""
    return list(
        session.scalars(
            select(SafeguardingAlert)
            .where(SafeguardingAlert.round_id == survey_round.id)
            .order_by(SafeguardingAlert.handled_at.is_not(None), SafeguardingAlert.id.desc())
        )
    )


def round_alert(
    session: Session, survey_round: SurveyRound, alert_id: int
) -> SafeguardingAlert | None:
    """The alert with ``alert_id`` when it belongs to ``survey_round``, else None."""
    return session.scalar(
        select(SafeguardingAlert).where(
            SafeguardingAlert.id == alert_id, SafeguardingAlert.round_id == survey_round.id
        )
    )


def handle_alert(
    session: Session,
    actor: StaffUser,
    alert: SafeguardingAlert,
    outcome: str,
    note: str,
    allowed_outcomes: Sequence[str],
) -> SafeguardingAlert:
    """Record that ``actor`` handled ``alert`` now, with an outcome from the authority's list.

    Cancels the escalation if it has not gone. The audit event names the outcome but never the
    note, which may say more than the log should. Raises ``HandlingError`` if the outcome is not
    one of ``allowed_outcomes``, the note is too long, or the alert was already handled (the
    update only applies while it is not, so two people handling at once cannot both record).
    """
    if outcome not in allowed_outcomes:
        raise HandlingError(N_("Select what was done"), "outcome")
    if len(note) > MAX_NOTE_LENGTH:
        raise HandlingError(N_("Write a note of 2000 characters or fewer"), "note")
    recorded = session.execute(
        update(SafeguardingAlert)
        .where(SafeguardingAlert.id == alert.id, SafeguardingAlert.handled_at.is_(None))
        .values(
            handled_at=now_utc(),
            handled_by_id=actor.id,
            handled_by_email=actor.email,
            outcome=outcome,
            note=note.strip(),
        )
        .execution_options(synchronize_session=False)
    )
    if not recorded.rowcount:  # type: ignore[attr-defined]
        raise HandlingError(N_("Someone has already recorded this alert as handled"), "outcome")
    session.expire(alert)
    _cancel_escalation(session, alert.id, now_utc())
    session.flush()
    record_event(
        session,
        actor,
        "safeguarding.alert_handled",
        subject=f"round {alert.round_id}: alert {alert.id}",
        authority_id=alert.round.local_authority_id,
        detail=f"outcome: {outcome}",
    )
    return alert


def _cancel_escalation(session: Session, alert_id: int, now: datetime) -> None:
    """Cancel the alert's escalation unless a sender holds it (then it goes, and says so)."""
    session.execute(
        update(SafeguardingEmail)
        .where(SafeguardingEmail.alert_id == alert_id, SafeguardingEmail.kind == "escalation")
        .where(SafeguardingEmail.status == "queued")
        .where(
            or_(SafeguardingEmail.claimed_until.is_(None), SafeguardingEmail.claimed_until < now)
        )
        .values(status="cancelled")
        .execution_options(synchronize_session=False)
    )


def escalation_recipients(session: Session, authority_id: int) -> list[str]:
    """Who an unhandled alert escalates to: the authority's active participation officers.

    Care Voices has no administrator role inside an authority; its participation officers run
    the survey there and can open an alert (service leads never see answers). An authority
    with none escalates to the programme admins.
    """
    local = _active_emails(
        session,
        StaffUser.local_authority_id == authority_id,
        StaffUser.role == "participation_officer",
    )
    return local or _active_emails(session, StaffUser.role == "programme_admin")


def _active_emails(session: Session, *conditions: ColumnElement[bool]) -> list[str]:
    return list(
        session.scalars(
            select(StaffUser.email)
            .where(StaffUser.is_active_account.is_(True), *conditions)
            .order_by(StaffUser.email)
        )
    )


def answer_in_words(answer: Answer) -> tuple[str, str]:
    """The question ``answer`` answers and the answer itself, in English words as the child saw
    them: free text as written, a chosen option by its label ("Never", not ``never``).

    A risk-answer alert is about a closed answer, whose stored code alone would leave the
    person handling it guessing what was asked and what was chosen.
    """
    response = answer.response
    version = load_catalogue().get(f"{response.instrument}@v{response.version}")
    if not version.has_item(answer.item_id):
        return "", answer.value
    item = version.item(answer.item_id)
    if item.type == "free_text":
        return item_text(item, "en"), answer.value
    chosen = decoded_value(item, answer.value)
    codes = chosen if isinstance(chosen, tuple) else (chosen,)
    labels = {option.value: option_label(option, "en") for option in item.options}
    return item_text(item, "en"), "; ".join(labels.get(code, code) for code in codes)
