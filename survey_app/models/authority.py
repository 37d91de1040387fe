"""A local authority: the organisation that runs survey rounds and reads their reports."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.db import Base

NATIONS = ("england", "wales")


class LocalAuthority(Base):
    """An English or Welsh local authority, with what respondents and moderators are shown."""

    __tablename__ = "local_authority"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(20), unique=True)
    nation: Mapped[str] = mapped_column(String(10))
    languages: Mapped[str] = mapped_column(String(20), default="en")
    help_contact: Mapped[str] = mapped_column(Text, default="")
    advocacy_contact: Mapped[str] = mapped_column(Text, default="")
    safeguarding_procedure: Mapped[str] = mapped_column(Text, default="")
    retention_months: Mapped[int] = mapped_column(default=24)
    # Monitoring warns when a band's response rate is below this percentage.
    minimum_response_rate: Mapped[int] = mapped_column(default=30)

    @property
    def language_codes(self) -> tuple[str, ...]:
        """Languages offered to respondents, for example ``("en", "cy")`` in Wales."""
        return language_codes(self.languages)


def language_codes(languages: str) -> tuple[str, ...]:
    """The codes in a stored ``languages`` column (``"en,cy"`` gives ``("en", "cy")``)."""
    return tuple(code for code in languages.split(",") if code)
