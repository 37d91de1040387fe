"""Entry: a code (typed or from a poster link), "in care or left care", age band, welcome.

Entering a code always starts afresh, so on a shared device nobody lands in someone else's
answers. Until the welcome page's button is pressed, the session holds only the code's row id
and the routing choices; the response is created (and committed) by that button.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from flask import redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response as HttpResponse

from questionnaires import InstrumentVersion
from survey_app.common.errors import wants_html
from survey_app.common.rate_keys import anonymous_rate_key
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session, limiter
from survey_app.respond import bp
from survey_app.respond.group_rooms import in_group_room, join_running_session
from survey_app.respond.journey import (
    ENTRY_KEY,
    RESPONSE_KEY,
    Journey,
    begin,
    go_to,
    journey_languages,
    load_response,
    offer_languages,
    text_language,
)
from survey_app.respond.skeletons import render_from_skeleton
from survey_app.services.code_facts import CodeFacts
from survey_app.services.respond_entry import (
    EntryRefusedError,
    EntryStep,
    admit_code,
    admitted_code,
    next_step,
    offered_versions,
)
from survey_app.services.responses import start_response, version_of

CODE_ENTRY_LIMIT = "30 per minute; 300 per hour; 600 per day"
"""Refused codes from one address, shared by code links, the code form and resume codes, in
units of ``code_entry_cost``: 10 a minute, 100 an hour and 200 a day, or 15, 150 and 300 from a
room in a group session. Codes that let someone in never count, so a class of children behind
one school address all get in."""
SURVEY_POST_LIMIT = "60 per minute"
"""Survey posts by one respondent, keyed on their own journey (``respondent_rate_key``), so
each child in a room behind one school or children's-home address has their own allowance."""
ROOM_POST_LIMIT = "2400 per minute"
"""All survey posts from one address, in units of ``room_post_cost``: a flood guard of 1,200 a
minute, far above a room of 40 children answering a question every ten seconds (240 a minute),
and 2,400 a minute (a question a second each) from a room in a group session."""


def code_entry_cost() -> int:
    """What a refused code costs: 3, or 2 from a room in a group session.

    One set of counters serves both ceilings, so joining a group session cannot reset them.
    """
    return 2 if in_group_room() else 3


def room_post_cost() -> int:
    """What a survey post costs of the address's flood guard: 2, or 1 in a group session."""
    return 1 if in_group_room() else 2


def respondent_rate_key() -> str:
    """One respondent's own key: their response once it exists, before that the random visit
    id their code entry made, hashed with the address key; with neither, the address key."""
    entry = session.get(ENTRY_KEY)
    own = session.get(RESPONSE_KEY) or (entry.get("visit") if isinstance(entry, dict) else None)
    address_key = anonymous_rate_key()
    if own is None:
        return address_key
    return hashlib.sha256(f"{address_key}|{own}".encode()).hexdigest()[:32]


def survey_post_limit(view: Callable[..., Any]) -> Callable[..., Any]:
    """Limit the view's POSTs per respondent (``SURVEY_POST_LIMIT``) and per address
    (``ROOM_POST_LIMIT``)."""
    view = limiter.limit(ROOM_POST_LIMIT, methods=["POST"], cost=room_post_cost)(view)
    return limiter.limit(SURVEY_POST_LIMIT, key_func=respondent_rate_key, methods=["POST"])(view)


def code_refused(response: HttpResponse) -> bool:
    """True unless the code let the respondent in: every way in is a 303 redirect."""
    return response.status_code != 303


code_entry_limit = limiter.shared_limit(
    CODE_ENTRY_LIMIT, scope="code-entry", deduct_when=code_refused, cost=code_entry_cost
)


@bp.get("/start")
def start() -> str:
    return render_template("respond/start.html", error=None)


@bp.post("/start")
@code_entry_limit
def enter_code() -> HttpResponse | tuple[str, int]:
    try:
        code = admit_code(db_session(), request.form.get("code", ""))
    except EntryRefusedError:
        return _refused()
    return _admit(code)


@bp.get("/s/<code>")
@code_entry_limit
def code_link(code: str) -> HttpResponse | tuple[str, int]:
    """Where QR posters point: admit the code, then drop it from the address bar."""
    try:
        admitted = admit_code(db_session(), code)
    except EntryRefusedError:
        return _refused()
    return _admit(admitted)


def _refused() -> tuple[str, int]:
    """The one answer to a code that cannot start a survey, whether it is unknown, revoked or
    for a closed round, so a guesser cannot tell which codes exist; the child is told what to
    do in every case."""
    error = _(
        "That code does not work. Check it and try again, or ask the adult who gave it to you"
    )
    return render_template("respond/start.html", error=error), form_status(error)


def _admit(code: CodeFacts) -> HttpResponse:
    session.pop(RESPONSE_KEY, None)
    # A random visit id: the respondent's own rate-limit key until their response exists.
    session[ENTRY_KEY] = {"code": code.id, "visit": secrets.token_urlsafe(12)}
    join_running_session(code.round_id)
    return _to_next_step(code)


@bp.get("/start/next")
def route() -> HttpResponse:
    """Send the respondent to the next entry question that still needs an answer (the
    address to carry on entering from; the entry pages themselves redirect straight there)."""
    step, _code = _current_step()
    return redirect(url_for(f"respond.{step.name}"), 303)


def _to_next_step(code: CodeFacts) -> HttpResponse:
    """Redirect straight to the next entry question for the choices in the session: one hop
    where going by ``/start/next`` took two, each a round trip on a child's slow phone."""
    entry = session[ENTRY_KEY]
    step = next_step(offered_versions(code), entry.get("audience"), entry.get("instrument"))
    return redirect(url_for(f"respond.{step.name}"), 303)


def _current_step() -> tuple[EntryStep, CodeFacts]:
    entry = session.get(ENTRY_KEY)
    if not isinstance(entry, dict):
        raise EntryRefusedError("unknown")
    code = admitted_code(db_session(), entry.get("code"))
    versions = offered_versions(code)
    if versions:
        offer_languages(journey_languages(versions[0], code.language_codes))
    return next_step(versions, entry.get("audience"), entry.get("instrument")), code


def _remember(key: str, value: str) -> None:
    session[ENTRY_KEY] = {**session[ENTRY_KEY], key: value}


def form_status(error: str | None) -> int:
    """200 for a page, even one showing errors; 400 when a script sent something invalid."""
    return 400 if error and not wants_html() else 200


def _started_already() -> bool:
    """True after the welcome button, when a replayed entry page should carry on instead."""
    return bool(session.get(RESPONSE_KEY)) and not session.get(ENTRY_KEY)


def _choice_page(step_name: str) -> HttpResponse | tuple[str, int]:
    """Show or handle one routing question ("care" or "age")."""
    if _started_already():
        return redirect(url_for("respond.carry_on"), 303)
    step, code = _current_step()
    if step.name != step_name:
        return redirect(url_for(f"respond.{step.name}"), 303)
    options = values_for(step)
    chosen = request.form.get("choice", "")
    if request.method == "POST" and chosen in {o["value"] for o in options}:
        _remember("audience" if step_name == "care" else "instrument", chosen)
        return _to_next_step(code)
    error = _("Select one answer to continue") if request.method == "POST" else None
    shape = (tuple((option["value"], option["text"]) for option in options), error)
    page = render_from_skeleton(
        f"respond/{step_name}.html", shape, lambda _slots: {"options": options, "error": error}, {}
    )
    return page, form_status(error)


def values_for(step: EntryStep) -> list[dict[str, Any]]:
    """Radio items for the care or age question, built from the versions still possible."""
    if step.name == "care":
        labels = {"in_care": _("I am in care now"), "care_leaver": _("I have left care")}
        audiences = dict.fromkeys(v.audience for v in step.choices)
        return [{"value": a, "text": labels.get(a, a)} for a in audiences]
    return [
        {
            "value": v.instrument,
            "text": _("%(low)s to %(high)s years old", low=v.age_min, high=v.age_max),
        }
        for v in step.choices
    ]


@bp.route("/start/care", methods=["GET", "POST"])
@survey_post_limit
def care() -> HttpResponse | tuple[str, int]:
    return _choice_page("care")


@bp.route("/start/age", methods=["GET", "POST"])
@survey_post_limit
def age() -> HttpResponse | tuple[str, int]:
    return _choice_page("age")


@bp.get("/welcome")
def welcome() -> HttpResponse | str:
    if _started_already():
        return _welcome_page(version_of(load_response()), started=True)
    step, _code = _current_step()
    if step.version is None:
        return redirect(url_for(f"respond.{step.name}"), 303)
    return _welcome_page(step.version, started=False)


def _welcome_page(version: InstrumentVersion, *, started: bool) -> str:
    """The welcome page for ``version``; ``started`` once the response exists."""
    variables = {"version": version, "lang": text_language(version), "started": started}
    shape = (version.key, version.content_hash, variables["lang"], started)
    return render_from_skeleton("respond/welcome.html", shape, lambda _slots: variables, {})


@bp.get("/before-you-start")
def before_you_start() -> HttpResponse | str:
    """For the adult helping a young child (``helper_briefing`` versions): who should help,
    and how to read the questions without steering the answers. Its button starts the survey."""
    if _started_already():
        return redirect(url_for("respond.carry_on"), 303)
    step, _code = _current_step()
    if step.version is None:
        return redirect(url_for(f"respond.{step.name}"), 303)
    if not step.version.helper_briefing:
        return redirect(url_for("respond.welcome"), 303)
    version = step.version
    shape = (version.key, version.content_hash)
    return render_from_skeleton(
        "respond/before_you_start.html", shape, lambda _slots: {"version": version}, {}
    )


@bp.post("/welcome")
@survey_post_limit
def begin_survey() -> HttpResponse:
    """Create the response and commit it, so the first question already has somewhere to go."""
    if _started_already():
        return redirect(url_for("respond.carry_on"), 303)
    step, code = _current_step()
    if step.version is None:
        return redirect(url_for(f"respond.{step.name}"), 303)
    mode = "trusted_adult" if step.version.trusted_adult else "online"
    language = text_language(step.version)
    with unit_of_work(db_session()):
        response = start_response(
            db_session(),
            code.round_id,
            step.version,
            mode=mode,
            language=language,
            access_code_id=code.id,
        )
    begin(response)
    # Straight to the first question (what /continue would find, with no answers yet): one hop.
    return go_to(Journey(response, step.version, {}).first_unanswered())
