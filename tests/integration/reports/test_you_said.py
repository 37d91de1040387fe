""" "You said, we will": officers plan actions per age group; children get plain words and,
at the next round, "you said, we did"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from questionnaires import load_catalogue
from survey_app.extensions import db
from survey_app.models import AuditEvent, StaffUser, SurveyRound, YouSaidAction
from survey_app.services.action_plans import ActionDraft, PlanError, add_action
from tests.integration.auth.staff_client import post_form
from tests.integration.reports.conftest import ADMIN, LEAD, OFFICER, Demo
from tests.integration.reports.test_downloads import pdf_text

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]
StaffClient = Callable[[str], FlaskClient]
BAND = "cic-11-17"
PLAN = {
    "indicator_id": "afraid_of_school_bullying",
    "text": "We will work with your school to stop bullying.",
    "text_cy": "Byddwn ni'n gweithio gyda'ch ysgol i atal bwlio.",
    "owner": "Virtual School",
    "due_on": ["30", "6", "2027"],
    "status": "planned",
}


def _soup(page: object) -> BeautifulSoup:
    return BeautifulSoup(page.get_data(as_text=True), "html.parser")  # type: ignore[attr-defined]


def _actions(app: Flask, round_id: int, band: str) -> list[YouSaidAction]:
    with app.app_context():
        query = select(YouSaidAction).where(
            YouSaidAction.round_id == round_id, YouSaidAction.age_band == band
        )
        return list(db.session.scalars(query.order_by(YouSaidAction.position)))


def _events(app: Flask, action: str) -> list[AuditEvent]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _add(app: Flask, round_id: int, band: str, **changes: object) -> int:
    """An action written straight through the service, as the demo officer."""
    fields = {**PLAN, "due_on": date(2027, 6, 30), "english_only": False, **changes}
    with app.app_context():
        officer = db.session.scalars(select(StaffUser).where(StaffUser.email == OFFICER)).one()
        survey_round = db.session.get_one(SurveyRound, round_id)
        catalogue = load_catalogue()
        action = add_action(
            db.session,
            officer,
            survey_round,
            band,
            ActionDraft(**fields),  # type: ignore[arg-type]
            catalogue,
        )
        db.session.commit()
        return action.id


def test_an_officer_plans_an_action_that_children_see_after_what_they_told_us(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    base = f"/reports/rounds/{demo.current_round_id}/you-said"

    saved = post_form(staff_client(OFFICER), f"{base}/{BAND}/actions/new", PLAN)
    page = staff_client(LEAD).get(f"{base}/{BAND}")

    assert saved.status_code == 302
    [action] = _actions(app, demo.current_round_id, BAND)
    assert (action.owner, action.due_on, action.status) == (
        "Virtual School",
        date(2027, 6, 30),
        "planned",
    )
    items = [li.get_text(" ", strip=True) for li in _soup(page).select("main li")]
    planned = next(item for item in items if PLAN["text"] in item)
    assert "So we will:" in planned
    assert "scared to go to school because of bullying" in planned
    [event] = [
        e for e in _events(app, "you_said.added") if e.detail == f"action {action.id}, planned"
    ]
    assert PLAN["text"] not in (event.subject or "") + (event.detail or "")


def test_the_plan_page_shows_the_welsh_text_escaped_inside_a_welsh_span(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    _add(app, demo.current_round_id, BAND, text_cy="Plannu gardd <b>newydd</b>")

    page = staff_client(LEAD).get(f"/reports/rounds/{demo.current_round_id}/you-said")

    spans = _soup(page).select('.govuk-summary-list__value > span[lang="cy"]')
    [welsh] = [span for span in spans if "Plannu gardd" in span.get_text()]
    assert welsh.get_text() == "Plannu gardd <b>newydd</b>"
    assert welsh.find("b") is None
    assert "&lt;span" not in page.get_data(as_text=True)


def test_a_plan_without_welsh_owner_or_date_is_refused_with_kind_messages(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    path = f"/reports/rounds/{demo.current_round_id}/you-said/cic-8-10/actions/new"
    before = _actions(app, demo.current_round_id, "cic-8-10")

    page = post_form(
        staff_client(OFFICER), path, {**PLAN, "text_cy": "", "owner": " ", "due_on": ["", "", ""]}
    )

    assert page.status_code == 200
    summary = _soup(page).select_one(".govuk-error-summary").get_text(" ", strip=True)
    assert "Enter what you will do in Welsh, or say the action is in English only" in summary
    assert "Enter the role or team who will make it happen" in summary
    assert "Enter the date it will be done by" in summary
    assert _actions(app, demo.current_round_id, "cic-8-10") == before


def test_a_done_action_needs_what_was_done_and_an_indicator_the_group_was_asked(
    staff_client: StaffClient, demo: Demo
) -> None:
    path = f"/reports/rounds/{demo.current_round_id}/you-said/cic-4-7/actions/new"
    plan = {**PLAN, "indicator_id": "finding_money_hard", "status": "done"}

    page = post_form(staff_client(OFFICER), path, plan)

    text = page.get_data(as_text=True)
    assert "This age group was not asked about that in this round" in text
    assert "Enter what you did, in English, now that it is done" in text


def test_the_form_offers_only_indicators_the_groups_questionnaire_asked(
    staff_client: StaffClient, demo: Demo
) -> None:
    path = f"/reports/rounds/{demo.current_round_id}/you-said/cic-4-7/actions/new"

    page = staff_client(OFFICER).get(path)

    offered = {o["value"] for o in _soup(page).select("select[name=indicator_id] option")}
    assert "has_pet" not in offered
    assert "afraid_of_school_bullying" not in offered
    assert "general" in offered


def test_an_indicator_the_groups_questionnaire_did_not_ask_is_refused_kindly(
    app: Flask, demo: Demo
) -> None:
    with pytest.raises(PlanError) as refused:
        _add(app, demo.current_round_id, "cic-4-7", indicator_id="has_pet")

    assert refused.value.problems == {"indicator_id": "not_asked"}


def test_changing_an_action_to_done_is_audited_and_keeps_its_place(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    action_id = _add(app, demo.current_round_id, "leavers-16-25", indicator_id="finding_money_hard")
    path = f"/reports/rounds/{demo.current_round_id}/you-said/leavers-16-25/actions/{action_id}"
    done = {
        **PLAN,
        "indicator_id": "finding_money_hard",
        "english_only": "y",
        "text_cy": "",
        "status": "done",
        "done_text": "We ran money sessions every month.",
    }

    saved = post_form(staff_client(OFFICER), path, done)

    assert saved.status_code == 302
    action = next(
        a for a in _actions(app, demo.current_round_id, "leavers-16-25") if a.id == action_id
    )
    assert (action.status, action.done_text, action.english_only) == (
        "done",
        done["done_text"],
        True,
    )
    assert action.text_cy is None
    assert any(e.detail == f"action {action_id}, done" for e in _events(app, "you_said.changed"))


def test_an_age_group_takes_six_actions_at_most(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    for _ in range(6):
        _add(app, demo.small_round_id, "cic-11-17")
    path = f"/reports/rounds/{demo.small_round_id}/you-said/cic-11-17/actions/new"

    page = post_form(staff_client(ADMIN), path, PLAN)

    assert page.status_code == 200
    assert "An age group can have 6 actions at most" in page.get_data(as_text=True)
    assert len(_actions(app, demo.small_round_id, "cic-11-17")) == 6


def test_another_authoritys_actions_cannot_be_read_changed_or_removed(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    theirs = _add(app, demo.other_round_id, "cic-8-10")
    officer = staff_client(OFFICER)
    own_base = f"/reports/rounds/{demo.current_round_id}/you-said/cic-8-10/actions"
    own_round = f"{own_base}/{theirs}"
    their_round = f"/reports/rounds/{demo.other_round_id}/you-said/cic-8-10/actions/{theirs}"

    assert officer.get(own_round).status_code == 404
    assert officer.get(their_round).status_code in (403, 404)
    assert post_form(officer, own_round, PLAN, form_page=f"{own_base}/new").status_code == 404
    removed = post_form(officer, f"{own_round}/remove", {}, form_page=f"{own_base}/new")
    assert removed.status_code == 404
    assert [a.id for a in _actions(app, demo.other_round_id, "cic-8-10")] == [theirs]


def test_an_officer_removes_an_action_and_the_removal_is_audited(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    action_id = _add(app, demo.previous_round_id, "cic-11-17")
    path = f"/reports/rounds/{demo.previous_round_id}/you-said/cic-11-17/actions/{action_id}"

    removed = post_form(staff_client(OFFICER), f"{path}/remove", {}, form_page=path)

    assert removed.status_code == 302
    assert action_id not in [a.id for a in _actions(app, demo.previous_round_id, "cic-11-17")]
    assert any(e.detail == f"action {action_id}, planned" for e in _events(app, "you_said.removed"))


def test_service_leads_read_the_plan_but_do_not_write_it(
    staff_client: StaffClient, demo: Demo
) -> None:
    lead = staff_client(LEAD)
    base = f"/reports/rounds/{demo.current_round_id}/you-said"

    assert lead.get(base).status_code == 200
    assert lead.get(f"{base}/{BAND}/actions/new").status_code == 403


def test_an_age_group_the_round_did_not_ask_is_not_found(
    staff_client: StaffClient, demo: Demo
) -> None:
    path = f"/reports/rounds/{demo.current_round_id}/you-said/cic-99-100"

    assert staff_client(OFFICER).get(path).status_code == 404


def test_the_next_round_shows_what_was_done_last_time_in_english_and_welsh(
    staff_client: StaffClient, demo: Demo
) -> None:
    """The demo seed's previous round has a done action for every age group."""
    path = f"/reports/rounds/{demo.current_round_id}/you-said/cic-8-10"
    lead = staff_client(LEAD)

    english = _soup(lead.get(path)).get_text(" ", strip=True)
    welsh = _soup(lead.get(f"{path}?lang=cy")).get_text(" ", strip=True)

    assert "Your social worker now gives you a card with their name and photo." in english
    assert "Last time, some of you said you know who your social worker is." in english
    assert "Mae eich gweithiwr cymdeithasol nawr yn rhoi cerdyn i chi gyda'i enw a'i lun." in welsh
    assert "eich bod chi'n gwybod pwy yw eich gweithiwr cymdeithasol" in welsh
    assert "Your social worker now gives you" not in welsh


def test_the_staff_report_shows_what_was_done_after_the_last_round_in_both_languages(
    staff_client: StaffClient, demo: Demo
) -> None:
    path = f"/reports/rounds/{demo.current_round_id}"
    lead = staff_client(LEAD)

    english = _soup(lead.get(path)).select_one("#you-said-we-did").find_parent("main")
    welsh = _soup(lead.get(f"{path}?lang=cy")).get_text(" ", strip=True)

    assert "We will work with schools to stop bullying." in english.get_text(" ", strip=True)
    assert "We trained teachers in 12 schools" in english.get_text(" ", strip=True)
    assert "Fe wnaethon ni hyfforddi athrawon mewn 12 ysgol am fwlio a bod mewn gofal." in welsh
    assert "We trained teachers in 12 schools" not in welsh


def test_a_report_whose_last_round_did_nothing_has_no_you_said_we_did(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = staff_client(ADMIN).get(f"/reports/rounds/{demo.small_round_id}")

    assert _soup(page).select_one("#you-said-we-did") is None


def test_the_plan_page_lists_last_rounds_done_actions(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = staff_client(LEAD).get(f"/reports/rounds/{demo.current_round_id}/you-said")

    text = _soup(page).get_text(" ", strip=True)
    assert "We trained teachers in 12 schools about bullying and being in care." in text


def test_the_childrens_page_speaks_to_children_in_their_words_not_the_reports_labels(
    staff_client: StaffClient, demo: Demo
) -> None:
    young = staff_client(LEAD).get(f"/reports/rounds/{demo.previous_round_id}/you-said/cic-8-10")
    older = staff_client(LEAD).get(f"/reports/rounds/{demo.previous_round_id}/you-said/{BAND}")

    young_text = _soup(young).get_text(" ", strip=True)
    older_text = _soup(older).get_text(" ", strip=True)
    assert "Thank you for telling us about your life. Here is what you said." in young_text
    assert "Here is what you said, and what we will do about it." in older_text
    for text in (young_text, older_text):
        assert "Knows who their social worker is" not in text
        assert "(happy face" not in text
        assert "of you said you" in text
    assert re.search(r"(About \d+ in 10|Nearly all|Fewer than 1 in 10) of you said you", young_text)


@pytest.mark.parametrize("band", ["cic-8-10", BAND])
def test_the_welsh_childrens_page_uses_the_welsh_childrens_words(
    staff_client: StaffClient, demo: Demo, band: str
) -> None:
    path = f"/reports/rounds/{demo.previous_round_id}/you-said/{band}?lang=cy"

    items = [
        li.get_text(" ", strip=True) for li in _soup(staff_client(LEAD).get(path)).select("main li")
    ]

    assert items
    assert any(re.search(r"(eich bod chi|bod gennych chi|nad )", item) for item in items)
    assert not any("Yn gwybod pwy yw eu gweithiwr" in item for item in items)


def test_the_youngest_hear_their_main_results_when_nothing_is_called_out(
    staff_client: StaffClient, demo: Demo
) -> None:
    """The 4-7s' version 2 asks with faces: their main results are the faces indicators."""
    page = staff_client(LEAD).get(f"/reports/rounds/{demo.current_round_id}/you-said/cic-4-7")

    told = [li.get_text(" ", strip=True) for li in _soup(page).select("main li")]
    assert any(
        re.match(r"About \d+ in 10 of you said you feel safe in your home\.", t) for t in told
    )


def test_an_english_only_action_is_marked_english_on_the_welsh_page(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    _add(
        app,
        demo.current_round_id,
        "cic-4-7",
        indicator_id="likes_bedroom_faces",
        english_only=True,
        text_cy="",
    )

    page = staff_client(LEAD).get(
        f"/reports/rounds/{demo.current_round_id}/you-said/cic-4-7?lang=cy"
    )

    marked = _soup(page).find("span", lang="en", string=PLAN["text"])
    assert marked is not None


def test_a_group_with_nothing_called_out_hears_its_main_results_in_plain_words(
    staff_client: StaffClient, demo: Demo
) -> None:
    """Issue 13: enough of Demo City's 8-10s answered, but nothing was called out; the page
    says what they said instead of "we did not hear from enough of you"."""
    page = staff_client(ADMIN).get(f"/reports/rounds/{demo.other_round_id}/you-said/cic-8-10")

    soup = _soup(page)
    text = soup.get_text(" ")
    told = [li.get_text(" ", strip=True) for li in soup.select("main li")]
    assert "What you told us" in text
    assert any(re.match(r"(About \d+ in 10|Nearly all|Fewer than 1 in 10) of you", t) for t in told)
    assert any("said you always feel safe where you live" in t for t in told)
    assert "Nothing stood out clearly this time." in text
    assert "We did not hear from enough of you" not in text
    assert "Provisional" not in text


def test_an_open_rounds_page_and_postcards_say_the_figures_are_provisional(
    staff_client: StaffClient, demo: Demo
) -> None:
    base = f"/reports/rounds/{demo.current_round_id}/you-said/{BAND}"
    lead = staff_client(LEAD)

    assert "Provisional figures: this round is still open" in lead.get(base).get_data(as_text=True)
    assert "Provisional figures: this round is still open" in pdf_text(
        lead.get(f"{base}/postcard.pdf").get_data()
    )


def test_the_postcards_print_four_cards_with_last_rounds_and_this_rounds_actions(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    _add(
        app,
        demo.current_round_id,
        "cic-8-10",
        indicator_id="likes_school",
        text="We will plan more days out.",
    )
    officer = staff_client(OFFICER)

    reply = officer.get(f"/reports/rounds/{demo.current_round_id}/you-said/cic-8-10/postcard.pdf")

    assert reply.mimetype == "application/pdf"
    assert reply.headers["Cache-Control"] == "no-store"
    text = pdf_text(reply.data)
    assert text.count("We will plan more days out.") == 4
    assert text.count("You said, we did") == 4
    assert "Your social worker now gives you a card with their name and photo." in text
