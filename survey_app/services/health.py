"""Whether the database can be reached, for the health check."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from survey_app.common.logs import LOGGER_NAME


def database_is_reachable(session: Session) -> bool:
    """Run ``SELECT 1``; any database error counts as unreachable and is logged by type."""
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        logging.getLogger(LOGGER_NAME).warning(
            "database unreachable", extra={"fields": {"error": type(error).__name__}}
        )
        session.rollback()
        return False
    return True
