"""An authority's branding: the logo and colour its report cover carries."""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from survey_app.db import Base


class AuthorityBranding(Base):
    """One authority's optional report logo and colour, set by its officers.

    ``logo_png`` is always a PNG the app re-encoded itself from a checked upload (no metadata,
    never the uploaded bytes), with its size in pixels; ``colour`` is ``#rrggbb`` with at least
    4.5:1 contrast against white. Either may be None. Kept apart from ``local_authority`` so
    the logo is read only when a cover needs it.
    """

    __tablename__ = "authority_branding"

    id: Mapped[int] = mapped_column(primary_key=True)
    local_authority_id: Mapped[int] = mapped_column(
        ForeignKey("local_authority.id", ondelete="CASCADE"), unique=True
    )
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    logo_width: Mapped[int | None] = mapped_column(default=None)
    logo_height: Mapped[int | None] = mapped_column(default=None)
    colour: Mapped[str | None] = mapped_column(String(7), default=None)
