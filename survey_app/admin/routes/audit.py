"""The audit log, for programme admins."""

from __future__ import annotations

from flask import render_template, request

from survey_app.admin import bp
from survey_app.auth.access import ADMINS, staff_required
from survey_app.extensions import db_session
from survey_app.services.audit import PAGE_SIZE, recent_events


@bp.get("/audit")
@staff_required(*ADMINS)
def audit_log() -> str:
    page = request.args.get("page", 1, type=int)
    events = recent_events(db_session(), page=page)
    return render_template(
        "admin/audit.html", events=events, page=page, has_more=len(events) == PAGE_SIZE
    )
