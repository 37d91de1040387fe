"""A round's report from the cache when nothing it is made from has changed, else built and
stored (``report_fingerprint``, ``report_cache``)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from questionnaires import Catalogue
from report_builder.report.model import Report
from survey_app.models import SurveyRound
from survey_app.services.report_cache import CacheKey, ReportCache
from survey_app.services.report_fingerprint import report_fingerprint
from survey_app.services.reporting import build_round_report


def round_report_key(session: Session, survey_round: SurveyRound, language: str) -> CacheKey:
    """The cache key of the report of ``survey_round`` in ``language`` as things stand now."""
    fingerprint = report_fingerprint(session, survey_round, language)
    return CacheKey(survey_round.id, language, fingerprint)


def cached_round_report(
    session: Session,
    catalogue: Catalogue,
    cache: ReportCache,
    survey_round: SurveyRound,
    language: str,
) -> tuple[CacheKey, Report]:
    """The report and its key; raises ``NoResponsesError`` (nothing is stored) when no
    response is completed."""
    key = round_report_key(session, survey_round, language)
    report = cache.report(
        key, lambda: build_round_report(session, catalogue, survey_round.id, language)
    )
    return key, report
