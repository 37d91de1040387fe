"""Kind error pages for people, and short plain answers for scripts; never a stack trace."""

from __future__ import annotations

import logging

from flask import Flask, Response, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from survey_app.common.logs import LOGGER_NAME
from survey_app.common.units_of_work import user_message
from survey_app.services.user_errors import UserError

PAGES = {
    400: "errors/400.html",
    403: "errors/403.html",
    404: "errors/404.html",
    405: "errors/400.html",
    413: "errors/400.html",
    429: "errors/429.html",
}


def wants_html() -> bool:
    """True when the client is a browser that would rather see a page than plain text."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json", "text/plain"])
    return best == "text/html"


def plain_status(status: int) -> Response:
    """The one-line ``text/plain`` reply scripts get instead of a page: just the status code."""
    return Response(f"{status}\n", status, mimetype="text/plain")


def render_error(status: int, message: str = "") -> Response:
    """Render the page for ``status`` (or a one-line ``text/plain`` reply for other clients),
    saying ``message`` too when there is one."""
    if not wants_html():
        return plain_status(status)
    template = PAGES.get(status, "errors/500.html")
    page = render_template(template, status=status, message=message)
    return Response(page, status, mimetype="text/html")


def register_error_handlers(app: Flask) -> None:
    """Route every HTTP error, CSRF failure and unexpected exception to ``render_error``."""

    @app.errorhandler(CSRFError)
    def _csrf(error: CSRFError) -> Response:
        return render_error(400)

    @app.errorhandler(UserError)
    def _refused(error: UserError) -> Response:
        # A view shows its refusals on its own page (units_of_work); one that escapes still
        # reaches the person as what it is, a request to change something, never a 500.
        return render_error(400, user_message(error))

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Response:
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        # The type only: an exception message could quote an answer.
        logging.getLogger(LOGGER_NAME).error(
            "unhandled error", extra={"fields": {"error": type(error).__name__}}
        )
        return render_error(InternalServerError.code)
