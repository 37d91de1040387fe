"""Safeguarding alerts: who an authority tells, what it records, and the emails still to send.

An alert is raised when a free-text answer is flagged (``Answer.is_flagged``). It holds no text
of the answer: only which answer and round it is about, the code batch label (all an email may
say about who wrote it), and how the authority handled it. Its emails wait in
``safeguarding_email``, an outbox that a worker empties (docs/safeguarding.md).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.authority import LocalAuthority
from survey_app.models.response import Answer
from survey_app.models.round import SurveyRound
from survey_app.models.staff import StaffUser

EMAIL_KINDS = ("alert", "escalation")
EMAIL_STATUSES = ("queued", "sent", "cancelled")


class SafeguardingSettings(Base):
    """One authority's safeguarding contacts, handling outcomes and escalation delay.

    ``contacts`` and ``outcomes`` hold one entry a line; empty ``outcomes`` means the defaults.
    ``alert_on_risk_answers`` (off unless the authority turns it on) also raises an alert for a
    closed answer that signals risk, such as never feeling safe (docs/safeguarding.md).
    """

    __tablename__ = "safeguarding_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    local_authority_id: Mapped[int] = mapped_column(
        ForeignKey("local_authority.id", ondelete="CASCADE"), unique=True
    )
    contacts: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    escalation_hours: Mapped[int] = mapped_column(default=24)
    alert_on_risk_answers: Mapped[bool] = mapped_column(default=False, server_default=false())

    local_authority: Mapped[LocalAuthority] = relationship()


class SafeguardingAlert(Base):
    """A flagged answer a named person must look at, and how it was handled.

    ``answer_id`` becomes NULL if the respondent later removes the answer: the alert (and any
    handling already recorded) stays, because something worrying was written.
    """

    __tablename__ = "safeguarding_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_round.id", ondelete="CASCADE"), index=True
    )
    answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answer.id", ondelete="SET NULL"), unique=True
    )
    batch_label: Mapped[str] = mapped_column(String(100), default="")
    raised_at: Mapped[datetime]
    handled_at: Mapped[datetime | None]
    handled_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    handled_by_email: Mapped[str] = mapped_column(String(320), default="")
    outcome: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    round: Mapped[SurveyRound] = relationship()
    answer: Mapped[Answer | None] = relationship()
    handled_by: Mapped[StaffUser | None] = relationship()
    emails: Mapped[list[SafeguardingEmail]] = relationship(
        back_populates="alert", cascade="all, delete-orphan", order_by="SafeguardingEmail.id"
    )


class SafeguardingEmail(Base):
    """One email of an alert (the alert itself, or its escalation), sent at most once per row.

    A sender claims a row by writing its ``claimed_by`` token and a lease (``claimed_until``),
    records ``message_id`` before it talks to the mail server, and marks the row ``sent`` after
    the server accepts it. ``not_before`` holds the escalation time and the retry back-off.
    """

    __tablename__ = "safeguarding_email"
    __table_args__ = (
        UniqueConstraint("alert_id", "kind"),
        Index("ix_safeguarding_email_status_not_before", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("safeguarding_alert.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="queued")
    not_before: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(32))
    claimed_until: Mapped[datetime | None]
    message_id: Mapped[str | None] = mapped_column(String(250))
    sent_at: Mapped[datetime | None]
    recipient_count: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(String(100), default="")

    alert: Mapped[SafeguardingAlert] = relationship(back_populates="emails")
