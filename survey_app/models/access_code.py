"""Access codes that let respondents into a round. Stored only as hashes (R-DP-3)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.round import SurveyRound


class AccessCode(Base):
    """A shared code for a batch of respondents (a team, a school), never for one child."""

    __tablename__ = "access_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("survey_round.id", ondelete="CASCADE"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100))
    audience: Mapped[str | None] = mapped_column(String(40))
    is_revoked: Mapped[bool] = mapped_column(default=False)
    created_on: Mapped[date]

    round: Mapped[SurveyRound] = relationship()
