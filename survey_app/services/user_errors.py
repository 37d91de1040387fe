"""What a service refuses to do, said in words a person can act on, translated by the caller.

Services run inside requests, commands and the alert sender, so they import no Flask and
cannot know the reader's language. A service that refuses raises a ``UserError`` (or a
subclass named for its domain) carrying the English sentence as a message id and the values
it names. The view translates it when it shows it (``survey_app.common.units_of_work``); the
command line prints the English. The message id is the English text itself, so the Welsh
catalogue keeps one entry per sentence however it is reached.
"""

from __future__ import annotations


def N_(message_id: str) -> str:  # noqa: N802 (Babel's marker is spelt N_)
    """Mark ``message_id`` for ``pybabel extract`` and return it untranslated.

    ``N_`` is one of Babel's default keywords, so extraction finds the sentence here and the
    edge translates it later with ``gettext``.
    """
    return message_id


class Words(str):
    """A value of a ``UserError`` that is itself a message id (such as a status, "open"), so
    the edge translates it along with the sentence it fills."""

    __slots__ = ()


class UserError(Exception):
    """A refusal to show the person who asked: ``message_id`` is the English text (marked with
    ``N_``), ``params`` the values it names (``%(name)s``), and ``field`` the form field it is
    about, when there is one."""

    def __init__(self, message_id: str, field: str | None = None, **params: object) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.field = field
        self.params = params

    def __str__(self) -> str:
        """The English sentence with its values filled in, for the command line and tests."""
        return self.message_id % self.params if self.params else self.message_id
