"""Question-page skeletons built when a worker starts, before it serves its first child.

Each worker process keeps its own skeletons (``skeletons.py``) and would otherwise build each
one the first time a child asks for that page: about 150 per worker for a round of four
questionnaires, each a full render. Under load that was about a tenth of every worker's CPU for
its first minutes, and again after every restart (``docs/scaling.md``), paid by the first
children on each worker. gunicorn calls ``warm_question_pages`` once per worker
(``post_worker_init`` in ``gunicorn.conf.py``): every question of every questionnaire an open
round uses, unanswered and without an error, in each language the round's authority offers.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, g, url_for
from flask_babel import refresh
from sqlalchemy import select

from questionnaires import InstrumentVersion, load_catalogue
from survey_app.extensions import db_session
from survey_app.models import LocalAuthority, RoundInstrument, SurveyRound
from survey_app.models.authority import language_codes
from survey_app.respond.journey import journey_languages, text_language
from survey_app.respond.question_page import QuestionPage, render_question_page

EXTENSION = "warm_respondent_pages"
"""Where ``create_app`` leaves the warm-up for gunicorn's hook to find (absent in other apps)."""

_OPEN_ROUNDS_QUESTIONNAIRES = (
    select(RoundInstrument.instrument, RoundInstrument.version, LocalAuthority.languages)
    .join(SurveyRound, SurveyRound.id == RoundInstrument.round_id)
    .join(LocalAuthority, LocalAuthority.id == SurveyRound.local_authority_id)
    .where(SurveyRound.status == "open")
    .distinct()
)


def register_warm_pages(app: Flask) -> None:
    """Let gunicorn's ``post_worker_init`` hook warm ``app`` (``app.extensions[EXTENSION]``)."""
    app.extensions[EXTENSION] = lambda: warm_question_pages(app)


def warm_question_pages(app: Flask) -> int:
    """Build the skeleton of each question page open rounds can show; return how many pages."""
    with app.app_context():
        wanted = list(_open_questionnaires())
    return sum(_warm(app, version, offered) for version, offered in wanted)


def _open_questionnaires() -> Iterator[tuple[InstrumentVersion, tuple[str, ...]]]:
    """Each questionnaire open rounds use, with the languages its authority offers it in."""
    versions = load_catalogue().versions
    for instrument, number, languages in db_session().execute(_OPEN_ROUNDS_QUESTIONNAIRES):
        version = versions.get(f"{instrument}@v{number}")
        if version is not None:
            yield version, journey_languages(version, language_codes(languages))


def _warm(app: Flask, version: InstrumentVersion, offered: tuple[str, ...]) -> int:
    """Render each of ``version``'s questions, unanswered, in each of the ``offered`` languages."""
    mode = "trusted_adult" if version.trusted_adult else "online"
    for lang in offered:
        for item in version.items:
            with app.test_request_context(_address(app, item.id, lang)):
                refresh()  # as each request starts (layout.py): no language cached from before
                g.offered_languages = offered
                page = QuestionPage(
                    version_key=version.key,
                    item=item,
                    text_lang=text_language(version),
                    value=None,
                    error=None,
                    position=1,
                    total=len(version.items),
                    back="/",
                    mode=mode,
                )
                render_question_page(page)
    return len(offered) * len(version.items)


def _address(app: Flask, item_id: str, lang: str) -> str:
    """The question's address in ``lang``, as a child's browser would ask for it."""
    with app.test_request_context():
        return url_for("respond.question", item_id=item_id, lang=lang)
