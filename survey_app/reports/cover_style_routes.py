"""The authority's colour for the report page's cover, as a one-rule stylesheet.

The page's Content-Security-Policy allows stylesheets from this site only (no inline style),
so the colour an officer chose reaches the page as this small stylesheet, linked from the
report page's head. The PDF and the one-file report carry the same rule in a ``<style>``
element of their own (``ReportCover.style``), since no such policy applies to them.
"""

from __future__ import annotations

from flask import Response

from survey_app.auth.access import scoped_authority, staff_required
from survey_app.extensions import db_session
from survey_app.reports import bp
from survey_app.reports.cover import colour_style
from survey_app.services.branding import branding_for


@bp.get("/authorities/<int:authority_id>/cover-style")
@staff_required()
def cover_style(authority_id: int) -> Response:
    authority = scoped_authority(authority_id)
    colour = branding_for(db_session(), authority.id).colour
    reply = Response(colour_style(colour), mimetype="text/css")
    reply.headers["Cache-Control"] = "no-store"
    return reply
