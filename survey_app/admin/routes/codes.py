"""Access codes: issue a batch, show it once, print it, revoke codes.

Codes are stored only as hashes, so a batch's clear codes exist in one place after they are made:
the officer's session cookie, *sealed* (encrypted and authenticated with a key derived from
``SECRET_KEY``, see ``common/sealing.py``), because the cookie itself is only signed and anyone
holding it could read it. The seal names the officer who made the batch and expires after 30
minutes; it is dropped when the officer presses "I have printed the codes", makes another batch
or signs out. So the poster and the cards can both be printed, and a failed download tried
again, without any clear code reaching the database, a log or a readable cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from survey_app.admin import bp
from survey_app.admin.forms.codes import ANYONE, ButtonForm, CodeBatchForm
from survey_app.admin.instrument_names import band_name, round_versions
from survey_app.auth.access import ROUND_MANAGERS, scoped_round, staff_required
from survey_app.common.downloads import attachment
from survey_app.common.forms import SelectChoice, add_error, submitted
from survey_app.common.i18n import SUPPORTED, current_language
from survey_app.common.sealing import seal, unseal
from survey_app.common.units_of_work import unit_of_work
from survey_app.extensions import db_session
from survey_app.models import AccessCode, SurveyRound
from survey_app.services.access_codes import (
    codes_of_round,
    issue_batch,
    issues_codes,
    revoke_code,
)
from survey_app.services.codebook import round_versions as sorted_versions
from survey_app.services.posters import PosterText, PrintedCode, cards_pdf, poster_pdf

# Pages read the rule for when codes can be made from the service.
bp.add_app_template_global(issues_codes)

BATCH_KEY = "code_batch"
BATCH_LIFETIME = timedelta(minutes=30)


@bp.route("/rounds/<int:round_id>/codes", methods=["GET", "POST"])
@staff_required(*ROUND_MANAGERS)
def codes(round_id: int) -> str | Response:
    survey_round = scoped_round(round_id)
    form = CodeBatchForm()
    bands = _band_names(survey_round)
    form.audience.choices = _audience_choices(bands)
    if form.validate_on_submit():
        audience = None if form.audience.data == ANYONE else form.audience.data
        with unit_of_work(db_session()) as work:
            issued = issue_batch(
                db_session(),
                current_user,
                survey_round,
                label=submitted(form.label.data),
                audience=audience,
                count=submitted(form.count.data),
            )
        if work.refused:
            add_error(form.label, work.message)
        else:
            _keep_batch(survey_round, submitted(form.label.data).strip(), audience, issued)
            return redirect(url_for("admin.code_batch", round_id=round_id))
    return render_template(
        "admin/codes/list.html",
        survey_round=survey_round,
        form=form,
        codes=codes_of_round(db_session(), survey_round),
        button=ButtonForm(),
        band_names=bands,
    )


@bp.get("/rounds/<int:round_id>/codes/batch")
@staff_required(*ROUND_MANAGERS)
def code_batch(round_id: int) -> str:
    survey_round = scoped_round(round_id)
    batch = _held_batch(survey_round)
    return render_template(
        "admin/codes/batch.html", survey_round=survey_round, batch=batch, button=ButtonForm()
    )


@bp.get("/rounds/<int:round_id>/codes/poster.pdf")
@staff_required(*ROUND_MANAGERS)
def code_poster(round_id: int) -> Response:
    return _pdf(scoped_round(round_id), poster_pdf, "posters")


@bp.get("/rounds/<int:round_id>/codes/cards.pdf")
@staff_required(*ROUND_MANAGERS)
def code_cards(round_id: int) -> Response:
    return _pdf(scoped_round(round_id), cards_pdf, "cards")


@bp.post("/rounds/<int:round_id>/codes/forget")
@staff_required(*ROUND_MANAGERS)
def forget_codes(round_id: int) -> Response:
    scoped_round(round_id)
    if ButtonForm().validate_on_submit():
        session.pop(BATCH_KEY, None)
        flash(_("The codes have been removed from this page."), "success")
    return redirect(url_for("admin.codes", round_id=round_id))


@bp.post("/rounds/<int:round_id>/codes/<int:code_id>/revoke")
@staff_required(*ROUND_MANAGERS)
def revoke(round_id: int, code_id: int) -> Response:
    survey_round = scoped_round(round_id)
    code = db_session().get(AccessCode, code_id)
    if code is None or code.round_id != survey_round.id:
        abort(404)
    if ButtonForm().validate_on_submit():
        with unit_of_work(db_session()):
            revoke_code(db_session(), current_user, code)
        flash(_("Code revoked: it can no longer start a survey."), "success")
    return redirect(url_for("admin.codes", round_id=round_id))


def _band_names(survey_round: SurveyRound) -> dict[str, str]:
    """The round's age groups by instrument id: "Children in care aged 8 to 10"."""
    named = round_versions(survey_round, current_language())
    return {version.instrument: version.band for version in named}


def _audience_choices(bands: dict[str, str]) -> list[SelectChoice]:
    choices = [SelectChoice(ANYONE, _("Anyone in this round (they choose their questionnaire)"))]
    only = [SelectChoice(key, _("%(band)s only", band=band)) for key, band in bands.items()]
    return choices + only


def _keep_batch(
    survey_round: SurveyRound, label: str, audience: str | None, issued: list[tuple[int, str]]
) -> None:
    batch = {"round_id": survey_round.id, "staff_id": current_user.id, "label": label}
    codes = {"codes": [clear for _n, clear in issued], "numbers": [n for n, _c in issued]}
    session[BATCH_KEY] = seal({**batch, "audience": audience, **codes}, BATCH_KEY)


def _held_batch(survey_round: SurveyRound) -> dict[str, Any] | None:
    """The clear codes of this officer's last batch for this round, while they may be shown."""
    sealed = session.get(BATCH_KEY)
    batch = unseal(sealed, BATCH_KEY, BATCH_LIFETIME) if isinstance(sealed, str) else None
    if batch is None or "numbers" not in batch:  # Sealed before codes were numbered.
        session.pop(BATCH_KEY, None)
        return None
    if batch["round_id"] != survey_round.id or batch["staff_id"] != current_user.id:
        return None
    return batch


PdfRenderer = Callable[[list[PrintedCode], Callable[[str], str], PosterText], bytes]


def _pdf(survey_round: SurveyRound, render: PdfRenderer, kind: str) -> Response:
    """The held batch's posters or cards, in ``?language=`` (en or cy; else the page's)."""
    batch = _held_batch(survey_round)
    if batch is None:
        abort(404)
    language = request.args.get("language", current_language())
    if language not in SUPPORTED:
        abort(404)
    with force_locale(SUPPORTED[language]):
        text = _poster_text(survey_round, batch, language)
    codes = [PrintedCode(c, n) for c, n in zip(batch["codes"], batch["numbers"], strict=True)]
    body = render(codes, _code_link, text)
    name = f"care-voices-{kind}-round-{survey_round.id}-{language}.pdf"
    return attachment(body, "application/pdf", name)


def _poster_text(survey_round: SurveyRound, batch: dict[str, Any], language: str) -> PosterText:
    """The words of a poster or card in the active locale (the sheet's language); a batch for
    anyone names every age group of the round, youngest first."""
    audience = batch["audience"]
    groups = [
        band_name(version)
        for version in sorted_versions(survey_round)
        if audience in (None, version.instrument)
    ]
    return PosterText(
        title=_("Tell us how life is going"),
        authority=survey_round.local_authority.name,
        age_group=" · ".join(groups),
        closes=_(
            "The survey closes on %(day)s.",
            day=format_date(survey_round.closes_on, "d MMMM y"),
        ),
        scan=_("Scan the QR code or type the link"),
        code_label=_("Your code:"),
        privacy=_("It is private: we never ask for your name."),
        batch=_("Batch: %(label)s", label=batch["label"]),
        number=_("Code #%(number)s"),
        language=language,
    )


def _code_link(code: str) -> str:
    return url_for("respond.code_link", code=code, _external=True)
