"""The audit log: who did what to which object, and when (staff actions only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.staff import StaffUser


class AuditEvent(Base):
    """One staff action. Holds no answers, codes or passwords; ``actor_email`` outlives the user."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), index=True
    )
    actor_email: Mapped[str] = mapped_column(String(320), default="")
    local_authority_id: Mapped[int | None] = mapped_column(
        ForeignKey("local_authority.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")

    actor: Mapped[StaffUser | None] = relationship()
