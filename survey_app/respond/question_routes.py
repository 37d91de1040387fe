"""One question per page, then check your answers, submit and thank you.

Every POST that the respondent sees acknowledged is committed before the redirect, so the next
page never shows an answer that could still be lost. A replayed POST upserts the same answer; a
POST after completion shows the thank-you page and changes nothing.
"""

from __future__ import annotations

from typing import Any

from flask import abort, get_template_attribute, redirect, request, url_for
from werkzeug.wrappers import Response as HttpResponse

from questionnaires import Item, load_catalogue
from survey_app.common.units_of_work import reading_only, unit_of_work
from survey_app.extensions import db_session
from survey_app.respond import bp
from survey_app.respond.contacts import render_with_contacts
from survey_app.respond.entry_routes import form_status, survey_post_limit
from survey_app.respond.journey import (
    AnyResponse,
    Journey,
    current_journey,
    go_to,
    load_response,
    loaded_journey,
)
from survey_app.respond.presenters import FIELD, WIDGETS, summary_rows
from survey_app.respond.question_page import QuestionPage, render_question_page
from survey_app.respond.skeletons import render_from_skeleton
from survey_app.services.answers import AnswerValue, RawValue
from survey_app.services.respond_pages import record_page
from survey_app.services.response_facts import ResponseFacts
from survey_app.services.responses import complete_response, version_of
from survey_app.services.safeguarding_alerts import raise_risk_answer_alert
from survey_app.services.signposting import closed_answer_signals_risk, first_risk_answer


@bp.get("/continue")
def carry_on() -> HttpResponse:
    """Go to the first question still unanswered, or to check your answers."""
    with reading_only(db_session()):
        item = current_journey().first_unanswered()
    return go_to(item)


def _shown_item(journey: Journey[AnyResponse], item_id: str) -> Item | None:
    """The item if the respondent may see it now; 404 for an id this version does not ask."""
    if not journey.version.has_item(item_id):
        abort(404)
    item = journey.version.item(item_id)
    return item if item in journey.visible else None


@bp.get("/q/<item_id>")
def question(item_id: str) -> HttpResponse | str:
    with reading_only(db_session()):
        journey = current_journey()
    item = _shown_item(journey, item_id)
    if item is None:
        return redirect(url_for("respond.carry_on"), 303)
    return _question_page(journey, item, journey.answers.get(item.id), None)


@bp.post("/q/<item_id>")
@survey_post_limit
def answer(item_id: str) -> HttpResponse | tuple[str, int]:
    journey = current_journey()
    item = _shown_item(journey, item_id)
    if item is None:
        return redirect(url_for("respond.carry_on"), 303)
    raw = _raw_answer(item)
    # Committed before redirecting: the next page promises this answer is safe.
    with unit_of_work(db_session()) as work:
        saved = record_page(db_session(), journey.response, item, raw, journey.text_language)
        after = journey.with_saved(item, saved.value)
        signals = load_catalogue().risk_signals
        if closed_answer_signals_risk(signals, after.version, item, after.answers.get(item.id)):
            raise_risk_answer_alert(db_session(), journey.response, item.id)
    if work.refused:
        kept = raw if item.type == "free_text" else None
        return _question_page(journey, item, kept, work.message), form_status("error")
    return _after_saving(after, item, _support_page(journey, after, item, saved.flagged))


def _support_page(
    before: Journey[ResponseFacts], after: Journey[ResponseFacts], item: Item, flagged: bool
) -> str | None:
    """The support page to show after saving ``item``, if any: free text that suggests risk
    every time; a closed answer that signals risk when it is the survey's first such answer."""
    if flagged:
        return "respond.support"
    signals = load_catalogue().risk_signals
    value = after.answers.get(item.id)
    if first_risk_answer(signals, before.version, item, value, before.answers):
        return "respond.signpost"
    return None


def _raw_answer(item: Item) -> RawValue | None:
    """What the form sent for ``item``; None when the respondent chose to skip it."""
    if request.form.get("action") == "skip":
        return None
    if WIDGETS[item.type] == "checkboxes":
        return request.form.getlist(FIELD)
    values = request.form.getlist(FIELD)
    return values if len(values) > 1 else (values[0] if values else "")


def _after_saving(journey: Journey[ResponseFacts], item: Item, support: str | None) -> HttpResponse:
    """Where to go once ``item`` is saved: the ``support`` page (an endpoint) if one is due,
    check answers or the next question."""
    following = journey.after(item)
    if support:
        return redirect(url_for(support, next=following.id if following else None), 303)
    if request.args.get("change") and not _newly_opened(journey, following):
        return redirect(url_for("respond.check_answers"), 303)
    return go_to(following)


def _newly_opened(journey: Journey[ResponseFacts], item: Item | None) -> bool:
    """True when a changed answer has just opened ``item``, a conditional question not yet seen."""
    return item is not None and bool(item.show_if) and item.id not in journey.answers


def _question_page(
    journey: Journey[AnyResponse],
    item: Item,
    value: AnswerValue | RawValue | None,
    error: str | None,
) -> str:
    lang = journey.text_language
    previous = journey.before(item)
    back = url_for("respond.question", item_id=previous.id) if previous else None
    page = QuestionPage(
        version_key=journey.version.key,
        item=item,
        text_lang=lang,
        value=value,
        error=error,
        position=journey.position(item),
        total=len(journey.visible),
        back=back or url_for("respond.welcome"),
        mode=journey.response.mode,
    )
    return render_question_page(page)


@bp.get("/check")
def check_answers() -> str:
    with reading_only(db_session()):
        journey = current_journey()
    rows = summary_rows(journey.visible, journey.answers, journey.text_language)
    last = journey.visible[-1] if journey.visible else None
    back = url_for("respond.question", item_id=last.id) if last else None
    return check_answers_page(rows, back)


def check_answers_page(rows: list[dict[str, Any]], back: str | None) -> str:
    """The check your answers page for ``rows`` (``summary_rows``), joined from a skeleton.

    The answer list is rendered on its own (``_answer_list.html``) and joined in as markup; only
    whether there is a back link shapes the rest of the page.
    """
    answers = get_template_attribute("respond/_answer_list.html", "answerList")(rows)
    return render_from_skeleton(
        "respond/check_answers.html",
        back is not None,
        lambda slots: {"answers": slots["answers"], "back": slots["back"] if back else None},
        {"answers": answers, "back": back or ""},
    )


@bp.post("/check")
@survey_post_limit
def submit() -> HttpResponse:
    journey = loaded_journey()
    # Committed before the thank-you page: it tells the respondent their answers are sent.
    with unit_of_work(db_session()):
        complete_response(db_session(), journey.response)
    return redirect(url_for("respond.done"), 303)


@bp.get("/done")
def done() -> HttpResponse | str:
    response = load_response(allow_completed=True)
    if response.status != "completed":
        return redirect(url_for("respond.carry_on"), 303)
    return render_with_contacts(
        "respond/done.html", response.round.local_authority, version_of(response)
    )
