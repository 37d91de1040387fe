"""Responses and their answers: codes only, with no identity and no exact times (R-DP-1, R-DP-2).

A response records which round, instrument version (and its content hash), mode and language it
was given in, and the *day* it started and finished. Nothing here can hold an IP address, user
agent, referrer or time of day; ``tests/unit/survey_app/test_anonymity_schema.py`` keeps it so.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.round import SurveyRound

MODES = ("online", "trusted_adult", "paper")
RESPONSE_STATUSES = ("in_progress", "completed")


class Response(Base):
    """One respondent's questionnaire in one round."""

    __tablename__ = "response"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id"), index=True)
    access_code_id: Mapped[int | None] = mapped_column(ForeignKey("access_code.id"), index=True)
    instrument: Mapped[str] = mapped_column(String(40))
    version: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(80))
    mode: Mapped[str] = mapped_column(String(20), default="online")
    language: Mapped[str] = mapped_column(String(5), default="en")
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    started_on: Mapped[date]
    completed_on: Mapped[date | None]
    resume_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    round: Mapped[SurveyRound] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )

    @property
    def authority_id(self) -> int:
        """The local authority whose round this is (as ``ResponseFacts.authority_id``)."""
        return self.round.local_authority_id


class Answer(Base):
    """The answer to one item: an option code, a JSON list of codes, or free text.

    ``is_flagged`` marks free text that matched a safeguarding phrase, for the moderation queue;
    it says nothing about who wrote it.
    """

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("response_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(80))
    value: Mapped[str] = mapped_column(Text)
    is_flagged: Mapped[bool] = mapped_column(default=False, server_default=false())

    response: Mapped[Response] = relationship(back_populates="answers")
