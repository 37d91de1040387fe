""" "You said, we will": the actions an authority commits to after a round, per age group.

Children are told what they said and what will happen because of it (docs/sources.md B9, the Devon
postcards). Actions are staff-written text, so they sit apart from respondents' answers.

Each action is a line of a plan: the indicator it answers (``None`` for a general action), an
owner (a role or team, never a child), a due date and a status; when it is done, a short "what
we did" that the next round's children's page shows ("You said, we did"). An action is written
in English and Welsh, or marked English-only. Actions written before plans existed have no
indicator, owner or due date and are planned.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.round import SurveyRound
from survey_app.models.staff import StaffUser


class YouSaidAction(Base):
    """One "we will" action for one age group (instrument id) of a round, in display order."""

    __tablename__ = "you_said_action"
    __table_args__ = (
        UniqueConstraint("round_id", "age_band", "position"),
        CheckConstraint("status IN ('planned', 'in_progress', 'done')", name="status"),
    )

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
    indicator_id: Mapped[str | None] = mapped_column(String(80))
    text_cy: Mapped[str | None] = mapped_column(Text)
    english_only: Mapped[bool] = mapped_column(server_default=false())
    owner: Mapped[str | None] = mapped_column(String(120))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), server_default="planned")
    done_text: Mapped[str | None] = mapped_column(Text)
    done_text_cy: Mapped[str | None] = mapped_column(Text)

    round: Mapped[SurveyRound] = relationship()
    written_by: Mapped[StaffUser | None] = relationship()
