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


@contextmanager
def reading_only(session: Session) -> Iterator[None]:
    """Run the block's statements outside a transaction, each on its own; then close ``session``.

    For reads on the respondent's hot path that write nothing (loading a question page's
    journey): on PostgreSQL a transaction costs a ``BEGIN`` before the first read and a
    ``ROLLBACK`` when the connection goes back to the pool, two round trips as dear as the
    reads themselves (``docs/scaling.md``). Closing hands the connection back, and the pool
    restores its usual isolation, so nothing after the block writes outside a transaction;
    the objects read stay usable for what they loaded. When the session has already begun a
    transaction (a signed-in member of staff's user was loaded first, say), the block reads
    inside it as any other request does.
    """
    if session.in_transaction():
        yield
        return
    session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    try:
        yield
    finally:
        session.close()


def user_message(error: UserError) -> str:
    """``error``'s sentence in the reader's language, with its values (translated when they are
    ``Words``) filled in."""
    params = {
        name: gettext(value) if isinstance(value, Words) else value
        for name, value in error.params.items()
    }
    return gettext(error.message_id, **params)
