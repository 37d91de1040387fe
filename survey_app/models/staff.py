"""Staff accounts: programme admins, participation officers and service leads."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey_app.db import Base
from survey_app.models.authority import LocalAuthority

ROLES = ("programme_admin", "participation_officer", "service_lead")


class StaffUser(UserMixin, Base):
    """A member of staff. Only programme admins may have no local authority."""

    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(30))
    local_authority_id: Mapped[int | None] = mapped_column(
        ForeignKey("local_authority.id"), index=True
    )
    is_active_account: Mapped[bool] = mapped_column(default=True)
    # Changed at sign-out and on account changes, so every older session cookie stops working.
    session_token: Mapped[str] = mapped_column(String(64), default="")
    invite_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    invite_expires_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    # The second factor (ASVS 2.8): a base32 TOTP secret that never leaves the server, when
    # it was confirmed (``None`` while enrolment is pending), and the last time-step accepted,
    # so a code cannot be used twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)

    local_authority: Mapped[LocalAuthority | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login reads this to refuse disabled accounts.
        return self.is_active_account

    @property
    def is_programme_admin(self) -> bool:
        """Programme admins work across every local authority."""
        return self.role == "programme_admin"

    @property
    def has_second_factor(self) -> bool:
        """True once an authenticator app has been set up and confirmed with a code."""
        return self.totp_enrolled_at is not None and bool(self.totp_secret)

    def get_id(self) -> str:
        """Flask-Login's session key: the id plus the current ``session_token``."""
        return f"{self.id}:{self.session_token}"
