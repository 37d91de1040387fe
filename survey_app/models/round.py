"""Survey rounds, the instrument versions they pin, and their denominators."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.authority import LocalAuthority

ROUND_STATUSES = ("draft", "open", "closed", "archived")


class SurveyRound(Base):
    """One survey round of one local authority, moving draft -> open -> closed -> archived."""

    __tablename__ = "survey_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    local_authority_id: Mapped[int] = mapped_column(ForeignKey("local_authority.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    opens_on: Mapped[date]
    closes_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(20), default="draft")

    local_authority: Mapped[LocalAuthority] = relationship()
    instruments: Mapped[list[RoundInstrument]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="RoundInstrument.instrument"
    )
    denominators: Mapped[list[RoundDenominator]] = relationship(
        back_populates="round", cascade="all, delete-orphan"
    )


class RoundInstrument(Base):
    """An instrument version used by a round; its content hash is pinned when the round opens."""

    __tablename__ = "round_instrument"
    __table_args__ = (UniqueConstraint("round_id", "instrument"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(40))
    version: Mapped[int]
    content_hash: Mapped[str | None] = mapped_column(String(80))

    round: Mapped[SurveyRound] = relationship(back_populates="instruments")


class RoundDenominator(Base):
    """How many children (or care leavers) the local authority had in one age band."""

    __tablename__ = "round_denominator"
    __table_args__ = (UniqueConstraint("round_id", "age_band"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id", ondelete="CASCADE"))
    age_band: Mapped[str] = mapped_column(String(40))
    population: Mapped[int]
    figures_on: Mapped[date]

    round: Mapped[SurveyRound] = relationship(back_populates="denominators")
