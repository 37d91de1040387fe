"""The staff area's language switch: the officer's own choice, kept for their session.

It is a button that posts, so following a link (a Welsh report link, say) never changes it.
"""

from __future__ import annotations

from flask import redirect, request, session, url_for
from werkzeug.wrappers import Response

from survey_app.auth import bp
from survey_app.auth.access import safe_next
from survey_app.common.i18n import STAFF_LANGUAGE_KEY, SUPPORTED


@bp.post("/language")
def choose_language() -> Response:
    """Remember ``language`` for the staff area; back to the page the switch was on."""
    chosen = request.form.get("language", "")
    if chosen in SUPPORTED:
        session[STAFF_LANGUAGE_KEY] = chosen
    return redirect(safe_next(request.form.get("next"), url_for("admin.rounds")), 303)
