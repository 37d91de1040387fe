"""Group sessions: a time-boxed window in which a room of respondents shares one address."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.round import SurveyRound
from survey_app.models.staff import StaffUser


class GroupSession(Base):
    """An officer's group session for one round, from ``opened_at`` to ``ends_at``.

    While it runs, an address that has let a respondent in with one of the round's codes gets
    the higher per-address rate-limit ceilings (``common/group_rooms.py``). ``closed_at`` is set
    when an officer ends it early. Staff data only: nothing here names a respondent or an address.
    """

    __tablename__ = "group_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("survey_round.id", ondelete="CASCADE"), index=True
    )
    opened_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL")
    )
    opened_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]

    round: Mapped[SurveyRound] = relationship()
    opened_by: Mapped[StaffUser | None] = relationship()

    def running_at(self, moment: datetime) -> bool:
        """True from opening until ``ends_at`` or an early close, whichever is first."""
        return self.closed_at is None and self.opened_at <= moment < self.ends_at
