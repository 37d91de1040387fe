"""Staff tools for participation officers and programme admins."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from survey_app.admin import routes  # noqa: E402,F401 (routes attach themselves to bp)
