"""The respondent's place in the survey, rebuilt each request from the session and the database.

The session cookie holds only the response's random ``public_id`` and the language (plus, before
a response exists, the access code's row id and the routing choices). Answers never go in the
cookie. A journey is loaded with one SQL statement: the response with its round and local
authority, and the item id and value of each answer gathered into one JSON object; saving a
page updates it in memory (``Journey.with_saved``). Question pages, saves and check your
answers read the response as plain facts (``current_journey``); submission and the support
pages read the ORM's ``Response`` (``loaded_journey``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from flask import g, redirect, request, session, url_for
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response as HttpResponse

from questionnaires import InstrumentVersion, Item, visible_items
from survey_app.common.i18n import current_language
from survey_app.extensions import db_session
from survey_app.models import Response, SurveyRound
from survey_app.services.answers import AnswerValue, decoded_value
from survey_app.services.respond_entry import round_is_open
from survey_app.services.response_facts import ResponseFacts, RoundFacts, find_response_facts
from survey_app.services.responses import (
    find_response,
    find_response_with_answers,
    version_of,
)

RESPONSE_KEY = "response"
ENTRY_KEY = "entry"


class SessionEndedError(Exception):
    """No survey is in progress in this browser (never started, or the cookie was lost)."""


class AlreadyCompletedError(Exception):
    """The response is complete; every survey page now shows the thank-you page."""


class LanguageNotOfferedError(Exception):
    """The chosen language is not offered for this survey; ``language`` is the one to use."""

    def __init__(self, language: str) -> None:
        super().__init__(language)
        self.language = language


class RoundClosedError(Exception):
    """The round closed while the respondent was answering; what they saved is kept."""


_COMPLETE_LANGUAGES: dict[tuple[str, str], tuple[str, ...]] = {}


def complete_languages(version: InstrumentVersion) -> tuple[str, ...]:
    """``version.complete_languages()``, worked out once per version and content hash: it counts
    every text of the version, which cost more than rendering a question page."""
    key = (version.key, version.content_hash)
    if key not in _COMPLETE_LANGUAGES:
        _COMPLETE_LANGUAGES[key] = version.complete_languages()
    return _COMPLETE_LANGUAGES[key]


def text_language(version: InstrumentVersion) -> str:
    """The language questions are shown in: the chosen one when the version has it in full."""
    complete, chosen = complete_languages(version), current_language()
    return chosen if chosen in complete else complete[0]


AnyResponse = TypeVar("AnyResponse", Response, ResponseFacts)


@dataclass(frozen=True)
class Journey(Generic[AnyResponse]):
    """A response in progress with its version, its answers and the questions they lead to;
    the response is the ORM's to write through, or plain facts to show a page."""

    response: AnyResponse
    version: InstrumentVersion
    answers: Mapping[str, AnswerValue]

    @cached_property
    def visible(self) -> tuple[Item, ...]:
        """The questions shown for the answers so far, in order (``show_if`` applied)."""
        return visible_items(self.version, self.answers)

    @cached_property
    def text_language(self) -> str:
        """Worked out once: a saved page asks for it several times, and each asks Flask-Babel."""
        return text_language(self.version)

    def position(self, item: Item) -> int:
        """The 1-based place of ``item`` among the visible questions."""
        return self.visible.index(item) + 1

    def after(self, item: Item) -> Item | None:
        """The visible question after ``item``, or None when it is the last."""
        later = self.visible[self.position(item) :]
        return later[0] if later else None

    def with_saved(self, item: Item, stored: str | None) -> Journey[AnyResponse]:
        """The journey once ``stored`` is saved for ``item`` (None: skipped), built without a query.

        After a save is committed the response is expired; routing needs only the answers, so
        the next page is worked out from these rather than by loading the journey again.
        """
        answers = {key: value for key, value in self.answers.items() if key != item.id}
        if stored is not None:
            answers[item.id] = decoded_value(item, stored)
        return Journey(self.response, self.version, answers)

    def before(self, item: Item) -> Item | None:
        """The visible question before ``item``, or None when it is the first."""
        index = self.position(item) - 1
        return self.visible[index - 1] if index > 0 else None

    def first_unanswered(self) -> Item | None:
        """Where to carry on: the first visible question with no answer yet."""
        return next((i for i in self.visible if i.id not in self.answers), None)


def journey_languages(
    version: InstrumentVersion, offered_codes: tuple[str, ...]
) -> tuple[str, ...]:
    """Languages complete for the version that the local authority offers (one at least)."""
    complete = complete_languages(version)
    offered = tuple(lang for lang in complete if lang in offered_codes)
    return offered or complete[:1]


def offer_languages(languages: tuple[str, ...]) -> None:
    """Offer only these languages in the language switch.

    A respondent who chose Welsh for a survey offered only in English is sent to the English
    page (``LanguageNotOfferedError``), rather than seeing Welsh buttons around English questions.
    """
    g.offered_languages = languages
    if current_language() not in languages:
        session["lang"] = languages[0]
        # A POST carries an answer to save; only page views are sent to the other language.
        if request.method == "GET":
            raise LanguageNotOfferedError(languages[0])


def load_response(*, allow_completed: bool = False) -> Response:
    """The session's response; raises ``SessionEndedError`` or ``AlreadyCompletedError``."""
    public_id = _session_public_id()
    response = find_response(db_session(), public_id) if public_id else None
    return _in_progress(response, allow_completed)


def loaded_journey() -> Journey[Response]:
    """The journey for this request with the ORM's response (to complete it, or to show its
    authority's contacts), read in one SQL statement; raises like ``current_journey``."""
    response, answers = _read(find_response_with_answers)
    codes = response.round.local_authority.language_codes
    return _open_journey(response, response.round, codes, answers)


def current_journey() -> Journey[ResponseFacts]:
    """The journey for this request, with the response as plain facts (one Core statement, no
    ORM objects): for question pages, saves and check your answers. Raises like
    ``load_response``, and ``RoundClosedError`` once the round has closed."""
    facts, answers = _read(find_response_facts)
    return _open_journey(facts, facts.round, facts.language_codes, answers)


def _read(
    find: Callable[[Session, str], tuple[AnyResponse, Mapping[str, AnswerValue]] | None],
) -> tuple[AnyResponse, Mapping[str, AnswerValue]]:
    """The session's response in progress and its answers, as ``find`` reads them."""
    public_id = _session_public_id()
    found = find(db_session(), public_id) if public_id else None
    if found is None:
        raise SessionEndedError
    _in_progress(found[0], allow_completed=False)
    return found


def _open_journey(
    response: AnyResponse,
    survey_round: SurveyRound | RoundFacts,
    offered_codes: tuple[str, ...],
    answers: Mapping[str, AnswerValue],
) -> Journey[AnyResponse]:
    """The journey, once its round is known to be open and its languages are offered."""
    if not round_is_open(survey_round):
        raise RoundClosedError
    version = version_of(response)
    offer_languages(journey_languages(version, offered_codes))
    return Journey(response, version, answers)


def _session_public_id() -> str | None:
    public_id = session.get(RESPONSE_KEY)
    return public_id if isinstance(public_id, str) else None


def _in_progress(response: AnyResponse | None, allow_completed: bool) -> AnyResponse:
    """``response`` unless there is none (``SessionEndedError``) or it is complete and that is
    not allowed (``AlreadyCompletedError``)."""
    if response is None:
        raise SessionEndedError
    if response.status == "completed" and not allow_completed:
        raise AlreadyCompletedError
    return response


def begin(response: Response) -> None:
    """Remember the new response in the session and forget the entry choices."""
    session.pop(ENTRY_KEY, None)
    session[RESPONSE_KEY] = response.public_id


def go_to(item: Item | None) -> HttpResponse:
    """Redirect (303) to ``item``'s question page, or to check your answers when it is None."""
    if item is None:
        return redirect(url_for("respond.check_answers"), 303)
    return redirect(url_for("respond.question", item_id=item.id), 303)
