""" "You said, we will": the actions an authority commits to after a round, per age group.

Children are told what they said and what will happen because of it (docs/sources.md B9, the Devon
postcards). Actions are staff-written text, so they sit apart from respondents' answers.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.round import SurveyRound
from survey_app.models.staff import StaffUser


class YouSaidAction(Base):
    """One "we will" action for one age group (instrument id) of a round, in display order."""

    __tablename__ = "you_said_action"
    __table_args__ = (UniqueConstraint("round_id", "age_band", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_round.id", ondelete="CASCADE"), index=True
    )
    age_band: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    written_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    written_on: Mapped[date]

    round: Mapped[SurveyRound] = relationship()
    written_by: Mapped[StaffUser | None] = relationship()
