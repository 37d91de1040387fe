"""Moderation decisions on free-text answers: only approved text ever reaches a report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.response import Answer

DECISIONS = ("approved", "rejected")


class ModerationDecision(Base):
    """The decision on one free-text answer; ``quote`` is the approved (perhaps redacted) text."""

    __tablename__ = "moderation_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), unique=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_round.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str | None] = mapped_column(Text)
    is_redacted: Mapped[bool] = mapped_column(default=False)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime]

    answer: Mapped[Answer] = relationship()
