"""Kind pages for every way a respondent can be turned away, and the handlers that show them.

A refused code, a lost session or a round that closed mid-way each get a short page saying what
happened and what to do next, in plain words, never a stack trace. Scripts get a one-line 400.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from werkzeug.wrappers import Response as HttpResponse

from survey_app.common.errors import plain_status, wants_html
from survey_app.respond.journey import (
    AlreadyCompletedError,
    LanguageNotOfferedError,
    RoundClosedError,
    SessionEndedError,
)
from survey_app.respond.layout import this_page_in
from survey_app.services.answers import InvalidAnswerError
from survey_app.services.respond_entry import EntryRefusedError
from survey_app.services.responses import ResponseClosedError


@dataclass(frozen=True)
class KindPage:
    """The words of one kind page and where its button leads."""

    heading: str
    paragraphs: tuple[str, ...]
    link_text: str
    link_endpoint: str


_ASK = _l("Ask the person who gave you the code, or use the ‘Need help or feeling upset?’ link.")
KIND_PAGES = {
    "unknown": KindPage(
        _l("We could not find that survey"),
        (_l("Check the code or the link and try again."), _ASK),
        _l("Enter a code"),
        "respond.start",
    ),
    "revoked": KindPage(
        _l("This code no longer works"),
        (_l("The person who gave it to you may have a new one."), _ASK),
        _l("Enter a different code"),
        "respond.start",
    ),
    "closed": KindPage(
        _l("This survey is closed"),
        (_l("You cannot answer it now. Thank you for wanting to take part."), _ASK),
        _l("Go to the home page"),
        "pages.home",
    ),
    "session_ended": KindPage(
        _l("We could not find your answers on this device"),
        (
            _l("This can happen if you used another device or cleared your browser."),
            _l("If you asked for a resume code, you can use it to carry on."),
        ),
        _l("Use a resume code"),
        "respond.resume",
    ),
    "round_closed": KindPage(
        _l("This survey has now closed"),
        (
            _l("The answers you gave before it closed have been kept."),
            _l("Thank you for taking part."),
        ),
        _l("Go to the home page"),
        "pages.home",
    ),
    "bad_answer": KindPage(
        _l("Sorry, we could not save that answer"),
        (_l("Go back and try again. Anything you have already saved is still safe."),),
        _l("Carry on with the survey"),
        "respond.carry_on",
    ),
}


def kind_page(name: str, status: int = 400) -> tuple[str, int] | HttpResponse:
    """Render the kind page ``name`` for browsers, or a one-line status for scripts."""
    if not wants_html():
        return plain_status(status)
    page = KIND_PAGES[name]
    return render_template("respond/kind.html", page=page, link=url_for(page.link_endpoint)), status


def register_kind_pages(bp: Blueprint) -> None:
    """Send the journey's exceptions to their kind pages (or to the thank-you page)."""

    @bp.errorhandler(EntryRefusedError)
    def _refused(error: EntryRefusedError) -> tuple[str, int] | HttpResponse:
        return kind_page(error.reason, 404 if error.reason == "unknown" else 403)

    @bp.errorhandler(SessionEndedError)
    def _session_ended(error: SessionEndedError) -> tuple[str, int] | HttpResponse:
        # A bookmarked or refreshed survey page in a browser that holds no survey is an
        # ordinary visit, not a bad request: the page explains and offers a resume code.
        page_view = request.method == "GET" and wants_html()
        return kind_page("session_ended", 200 if page_view else 400)

    @bp.errorhandler(RoundClosedError)
    def _round_closed(error: RoundClosedError) -> tuple[str, int] | HttpResponse:
        return kind_page("round_closed", 403)

    @bp.errorhandler(AlreadyCompletedError)
    @bp.errorhandler(ResponseClosedError)
    def _completed(error: Exception) -> HttpResponse:
        return redirect(url_for("respond.done"), 303)

    @bp.errorhandler(LanguageNotOfferedError)
    def _language(error: LanguageNotOfferedError) -> HttpResponse:
        return redirect(this_page_in(error.language), 303)

    @bp.errorhandler(InvalidAnswerError)
    def _bad_answer(error: InvalidAnswerError) -> tuple[str, int] | HttpResponse:
        return kind_page("bad_answer")
