"""Paper questionnaires: print a blank copy, key a filled-in one, key it again to check, and
correct a keying mistake."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response as HttpResponse

from questionnaires import InstrumentVersion
from survey_app.admin import bp
from survey_app.admin.forms.paper import paper_form, raw_answers
from survey_app.admin.instrument_names import band_name, version_name
from survey_app.admin.instrument_names import round_versions as named_versions
from survey_app.auth.access import ROUND_MANAGERS, scoped_round, staff_required
from survey_app.common.downloads import attachment
from survey_app.common.forms import StaffForm
from survey_app.common.i18n import SUPPORTED, current_language
from survey_app.common.units_of_work import unit_of_work, user_message
from survey_app.extensions import db_session
from survey_app.models import SurveyRound
from survey_app.services.codebook import round_versions
from survey_app.services.paper_entry import (
    PaperEntryError,
    accepts_paper,
    correct_paper_response,
    enter_paper_response,
    find_paper_response,
    keyed_answers,
    paper_reference,
    paper_responses,
    verify_paper_response,
)
from survey_app.services.paper_questionnaire import PaperWording, blank_questionnaire_pdf
from survey_app.services.responses import version_of
from survey_app.services.user_errors import UserError

# Pages read the rule for when paper can be keyed from the service.
bp.add_app_template_global(accepts_paper)


@bp.get("/rounds/<int:round_id>/paper")
@staff_required(*ROUND_MANAGERS)
def paper_entry(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    versions = named_versions(survey_round, current_language())
    return render_template(
        "admin/paper/list.html",
        survey_round=survey_round,
        versions=versions,
        names={version.key: version.name for version in versions},
        languages=_copy_languages(survey_round),
        responses=paper_responses(db_session(), survey_round),
        reference=paper_reference,
    )


@bp.route("/rounds/<int:round_id>/paper/new/<instrument>", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def paper_new(round_id: int, instrument: str) -> str | HttpResponse:
    survey_round = scoped_round(round_id)
    version = _version(survey_round, instrument)
    form = paper_form(version, current_language())
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            response = enter_paper_response(
                db_session(),
                current_user,
                survey_round,
                version,
                raw_answers(form),
                form.language.data,
            )
        if work.refusal is not None:
            _show_errors(form, work.refusal)
        else:
            flash(
                _(
                    "Saved. Write %(reference)s on the paper copy.",
                    reference=paper_reference(response),
                ),
                "success",
            )
            return redirect(url_for("admin.paper_entry", round_id=round_id))
    return _form_page(survey_round, version, form, _("Enter a paper questionnaire"))


@bp.route("/rounds/<int:round_id>/paper/check/<reference>", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def paper_check(round_id: int, reference: str) -> str:
    survey_round = scoped_round(round_id)
    response = find_paper_response(db_session(), survey_round, reference)
    if response is None:
        abort(404)
    version = version_of(response)
    form = paper_form(version, current_language(), with_language=False, button=_("Check"))
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            differences = verify_paper_response(
                db_session(), current_user, response, version, raw_answers(form), current_language()
            )
        if work.refusal is not None:
            _show_errors(form, work.refusal)
        else:
            return render_template(
                "admin/paper/checked.html",
                survey_round=survey_round,
                reference=reference,
                differences=differences,
            )
    lead = _(
        "Type the paper in again without looking at the first keying. We will show any differences."
    )
    heading = _("Check %(reference)s", reference=reference)
    return _form_page(survey_round, version, form, heading, lead)


@bp.route("/rounds/<int:round_id>/paper/correct/<reference>", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def paper_correct(round_id: int, reference: str) -> str | HttpResponse:
    """Correct a keyed paper response, starting from its stored answers."""
    survey_round = scoped_round(round_id)
    response = find_paper_response(db_session(), survey_round, reference)
    if response is None:
        abort(404)
    version = version_of(response)
    answers = keyed_answers(response, version) if request.method == "GET" else None
    button = _("Save the corrections")
    form = paper_form(
        version, current_language(), with_language=False, answers=answers, button=button
    )
    if form.validate_on_submit():
        with unit_of_work(db_session()) as work:
            changes = correct_paper_response(
                db_session(), current_user, response, version, raw_answers(form), current_language()
            )
        if work.refusal is not None:
            _show_errors(form, work.refusal)
        else:
            flash(_corrected_message(reference, len(changes)), "success")
            return redirect(url_for("admin.paper_entry", round_id=round_id))
    lead = _(
        "Change only what was keyed wrongly, looking at the paper copy. "
        "The change is recorded in the audit log."
    )
    heading = _("Correct %(reference)s", reference=reference)
    return _form_page(survey_round, version, form, heading, lead)


def _corrected_message(reference: str, count: int) -> str:
    if count == 0:
        return _("Nothing changed: %(reference)s already had these answers.", reference=reference)
    return _(
        "%(reference)s corrected. Answers changed: %(count)s.", reference=reference, count=count
    )


def _form_page(
    survey_round: SurveyRound,
    version: InstrumentVersion,
    form: StaffForm,
    heading: str,
    lead: str = "",
) -> str:
    return render_template(
        "admin/paper/form.html",
        survey_round=survey_round,
        version_name=version_name(version),
        form=form,
        heading=heading,
        lead=lead,
    )


@bp.get("/rounds/<int:round_id>/paper/<instrument>/questionnaire-<any(en, cy):language>.pdf")
@staff_required(*ROUND_MANAGERS)
def paper_questionnaire(round_id: int, instrument: str, language: str) -> HttpResponse:
    """The blank questionnaire to print, in English or Welsh."""
    survey_round = scoped_round(round_id)
    version = _version(survey_round, instrument)
    if language not in version.complete_languages():
        abort(404)
    with force_locale(SUPPORTED[language]):
        wording = _paper_wording(survey_round, version, language)
    name = f"care-voices-round-{round_id}-{instrument}-v{version.version}-{language}.pdf"
    return attachment(blank_questionnaire_pdf(version, wording), "application/pdf", name)


def _copy_languages(survey_round: SurveyRound) -> dict[str, list[str]]:
    """Each instrument's languages a blank copy can be printed in (fully translated ones)."""
    return {v.instrument: list(v.complete_languages()) for v in round_versions(survey_round)}


def _paper_wording(
    survey_round: SurveyRound, version: InstrumentVersion, language: str
) -> PaperWording:
    """The printed copy's own words, in the active locale (the copy's language)."""
    closes = format_date(survey_round.closes_on, "d MMMM y")
    return PaperWording(
        language=language,
        authority=survey_round.local_authority.name,
        round_name=survey_round.name,
        age_group=band_name(version),
        hand_back=_("Please hand this back by %(day)s.", day=closes),
        code_batch=_("Code batch (the adult helping you fills this in):"),
        reference=_("Office use: reference"),
        instructions=_(
            "Tick one box for each question, unless it says you can tick more. "
            "You can leave out any question you do not want to answer."
        ),
        tick_all=_("Tick all the answers that are true for you."),
        write_here=_("Write your answer in the box."),
        go_to=_("If you answered %(answers)s, go to question %(number)s."),
        go_to_end=_("If you answered %(answers)s, you have finished."),
        only_if=_("Answer this only if you answered %(answers)s to question %(number)s."),
        or_word=_("or"),
        page=_("Page %(page)s"),
        thanks=_("Thank you. Please give this back to the adult who gave it to you."),
    )


def _version(survey_round: SurveyRound, instrument: str) -> InstrumentVersion:
    for version in round_versions(survey_round):
        if version.instrument == instrument:
            return version
    abort(404)


def _show_errors(form: StaffForm, error: UserError) -> None:
    """Each message on its question; one about the whole form on the language or the button."""
    problems = error.problems if isinstance(error, PaperEntryError) else {"": error}
    for item_id, problem in problems.items():
        target = form._fields.get(item_id) or form._fields.get("language") or form.submit
        target.errors = [*target.errors, user_message(problem)]
