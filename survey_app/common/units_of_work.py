"""One unit of work per request: a view commits everything its services did, or nothing.

Services flush and never commit (CR-2); the view that called them commits once, before it
says "saved". ``unit_of_work`` is that one commit, so no view calls ``commit()`` itself
(a test scans the blueprints for it). A service that refuses raises a ``UserError``; the
block rolls back and hands the refusal to the view, which shows it under the field it names
or in a banner, translated here at the edge with ``user_message``. Any other exception rolls
back and goes on to the error pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask_babel import gettext
from sqlalchemy.orm import Session

from survey_app.services.user_errors import UserError, Words


@dataclass
class UnitOfWork:
    """What became of a ``unit_of_work`` block: ``refusal`` is the ``UserError`` that stopped
    it, or ``None`` once everything it did is committed."""

    refusal: UserError | None = None

    @property
    def refused(self) -> bool:
        """True when a service refused, so nothing was saved."""
        return self.refusal is not None

    @property
    def message(self) -> str:
        """The refusal in the reader's language ("" when there was none)."""
        return user_message(self.refusal) if self.refusal is not None else ""


@contextmanager
def unit_of_work(session: Session) -> Iterator[UnitOfWork]:
    """Commit ``session`` when the block ends; roll it back when the block raises.

    A ``UserError`` is kept on the yielded ``UnitOfWork`` for the view to show kindly; any other
    exception is raised again after the rollback, so half a change is never stored.
    """
    work = UnitOfWork()
    try:
        yield work
    except UserError as refusal:
        session.rollback()
        work.refusal = refusal
        return
    except BaseException:
        session.rollback()
        raise
    session.commit()


def user_message(error: UserError) -> str:
    """``error``'s sentence in the reader's language, with its values (translated when they are
    ``Words``) filled in."""
    params = {
        name: gettext(value) if isinstance(value, Words) else value
        for name, value in error.params.items()
    }
    return gettext(error.message_id, **params)
