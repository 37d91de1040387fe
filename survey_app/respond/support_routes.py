"""Help, the kind support pages, faces images, and saving to come back later."""

from __future__ import annotations

from flask import redirect, render_template, request, send_from_directory, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as HttpResponse

from questionnaires import InstrumentVersion
from questionnaires.loader import FACES_DIR
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import LocalAuthority, Response
from survey_app.respond import bp
from survey_app.respond.contacts import PageParts, contacts, render_with_contacts
from survey_app.respond.entry_routes import (
    code_entry_limit,
    form_status,
    survey_post_limit,
)
from survey_app.respond.journey import (
    ENTRY_KEY,
    RESPONSE_KEY,
    Journey,
    SessionEndedError,
    begin,
    current_journey,
    load_response,
    loaded_journey,
)
from survey_app.services.respond_entry import EntryRefusedError, admitted_code, round_is_open
from survey_app.services.responses import version_of
from survey_app.services.resume_codes import find_resumable, issue_resume_code
from survey_app.services.safeguarding_settings import settings_for


def _whose_survey() -> tuple[LocalAuthority | None, InstrumentVersion | None]:
    """The local authority whose survey this browser is on and the questionnaire being
    answered, as far as they are known yet, so help fits the respondent."""
    try:
        response = load_response(allow_completed=True)
        return response.round.local_authority, version_of(response)
    except SessionEndedError:
        pass
    entry = session.get(ENTRY_KEY)
    try:
        code = admitted_code(db_session(), entry.get("code") if isinstance(entry, dict) else None)
    except EntryRefusedError:
        return None, None
    return db_session().get(LocalAuthority, code.authority_id), None


@bp.get("/help", endpoint="help")
def help_page() -> str:
    in_survey = bool(session.get(RESPONSE_KEY) or session.get(ENTRY_KEY))
    return render_template("respond/help.html", in_survey=in_survey, **contacts(*_whose_survey()))


def _onward(journey: Journey[Response]) -> str:
    """Where "Carry on" leads from a support page: the ``next`` question, if this
    questionnaire asks it, otherwise check your answers."""
    following = request.args.get("next", "")
    if journey.version.has_item(following):
        return url_for("respond.question", item_id=following)
    return url_for("respond.check_answers")


@bp.get("/support")
def support() -> str:
    """Shown straight after free text that suggests risk: kind words and who to talk to."""
    journey = loaded_journey()
    authority = journey.response.round.local_authority
    page: PageParts = ((), {}, {"onward": _onward(journey)})
    return render_with_contacts("respond/support.html", authority, journey.version, page)


@bp.get("/support/answer")
def signpost() -> str:
    """Shown once per survey after a closed answer that signals risk (never feeling safe,
    a life scored 0 or 1 ...): kind words and who to talk to, and whether a trained person is
    told (only where the authority turned risk-answer alerts on). A questionnaire a grown-up
    helps with (the youngest children's) gets very simple words for the child first."""
    journey = loaded_journey()
    authority = journey.response.round.local_authority
    variables = {
        "alerted": settings_for(db_session(), authority.id).alert_on_risk_answers,
        "simple_words": journey.version.trusted_adult,
    }
    page: PageParts = (tuple(variables.values()), variables, {"onward": _onward(journey)})
    return render_with_contacts("respond/signpost.html", authority, journey.version, page)


@bp.get("/faces/<name>")
def face(name: str) -> HttpResponse:
    """The faces-scale pictures, served from the questionnaires package (never a third party)."""
    return send_from_directory(FACES_DIR, name, max_age=86400)


@bp.get("/save")
def save_for_later() -> str:
    current_journey()
    return render_template("respond/save.html", code=None)


@bp.post("/save")
@survey_post_limit
def issue_code() -> str:
    journey = loaded_journey()
    # Committed before the code is shown: it must work as soon as the respondent writes it down.
    with unit_of_work(db_session()):
        code = issue_resume_code(db_session(), journey.response)
    return render_template("respond/save.html", code=code)


@bp.get("/resume")
def resume() -> str:
    return render_template("respond/resume.html", error=None)


@bp.post("/resume")
@code_entry_limit
def enter_resume_code() -> HttpResponse | tuple[str, int]:
    response = find_resumable(db_session(), request.form.get("code", ""))
    # A closed round's code is refused like an unknown one, so guessing finds no codes.
    if response is None or not round_is_open(response.round):
        error = _(
            "That resume code does not work. Check it and try again. If it still does not "
            "work, the survey may have closed"
        )
        return render_template("respond/resume.html", error=error), form_status(error)
    begin(response)
    return redirect(url_for("respond.carry_on"), 303)
