"""Routes of the ``admin`` blueprint, one module per use case."""

from survey_app.admin.routes import (  # noqa: F401 (each module attaches its views to bp)
    audit,
    authorities,
    branding,
    codes,
    exports,
    group_sessions,
    moderation,
    monitoring,
    paper,
    rounds,
    safeguarding,
    users,
)
