"""What staff sign-in remembers besides the account: recovery codes and failed sign-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.db import Base


class RecoveryCode(Base):
    """One single-use recovery code, kept only as an Argon2 hash; ``used_at`` once spent."""

    __tablename__ = "staff_recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_user.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(200))
    used_at: Mapped[datetime | None]


class SignInFailure(Base):
    """Wrong passwords for one account from one client, for a lockout an outsider cannot aim.

    ``client_key`` is the daily-salted hash the rate limiter uses, never an address. Rows are
    removed when the owner signs in from that client and once their lockout has passed.
    """

    __tablename__ = "staff_sign_in_failure"
    __table_args__ = (UniqueConstraint("staff_user_id", "client_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_user.id", ondelete="CASCADE"), index=True
    )
    client_key: Mapped[str] = mapped_column(String(64))
    failures: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime] = mapped_column(index=True)
    locked_until: Mapped[datetime | None]
