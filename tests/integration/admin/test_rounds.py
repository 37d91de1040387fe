"""Officers create rounds, enter denominators and move them through the lifecycle."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from questionnaires import load_catalogue
from survey_app.models import AuditEvent, StaffUser, SurveyRound
from tests.factories import make_round, make_staff
from tests.integration.auth.staff_client import post_form, sign_in

TODAY = date.today()


def _date(prefix: str, day: date) -> dict[str, list[str]]:
    return {prefix: [str(day.day), str(day.month), str(day.year)]}


def round_form(**changes: object) -> dict[str, object]:
    """A complete, valid round form with two instruments and their denominators."""
    data: dict[str, object] = {
        "name": "Spring survey",
        **_date("opens_on", TODAY),
        **_date("closes_on", TODAY + timedelta(days=28)),
        "instruments": ["cic-8-10@v1", "cic-11-17@v1"],
        "population_cic_8_10": "120",
        "population_cic_11_17": "310",
        **_date("figures_on", TODAY - timedelta(days=10)),
    }
    data.update(changes)
    return data


def _only_round(session: Session) -> SurveyRound:
    return session.scalars(select(SurveyRound)).one()


def test_an_officer_creates_a_draft_round_for_their_authority(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    page = post_form(officer_client, "/admin/rounds/new", round_form())
    survey_round = _only_round(session)
    assert page.headers["Location"] == f"/admin/rounds/{survey_round.id}"
    assert survey_round.status == "draft"
    assert survey_round.local_authority_id == officer.local_authority_id
    assert [ri.instrument for ri in survey_round.instruments] == ["cic-11-17", "cic-8-10"]
    counts = {d.age_band: (d.population, d.figures_on) for d in survey_round.denominators}
    assert counts == {
        "cic-8-10": (120, TODAY - timedelta(days=10)),
        "cic-11-17": (310, TODAY - timedelta(days=10)),
    }
    assert "Spring survey" in officer_client.get(page.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Enter a name for the round"),
        (
            _date("closes_on", TODAY - timedelta(days=1)),
            "The closing date must be the same as or after",
        ),
        ({"opens_on": ["31", "2", "2027"]}, "The opening date must be a real date"),
        ({"population_cic_8_10": "-4"}, "The number of children must be 0 or more"),
        ({"population_cic_8_10": "100001"}, "The number of children must be 100,000 or fewer"),
        ({"population_cic_11_17": str(2**31)}, "The number of children must be 100,000 or fewer"),
        ({"population_cic_8_10": "lots"}, "Enter a whole number, like 120"),
        ({"figures_on": ["", "", ""]}, "Enter the date of the figures"),
    ],
)
def test_bad_round_details_are_refused_with_a_clear_message(
    officer_client: FlaskClient, session: Session, changes: dict[str, object], message: str
) -> None:
    page = post_form(officer_client, "/admin/rounds/new", round_form(**changes))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert message in html
    assert "There is a problem" in html
    assert session.scalars(select(SurveyRound)).first() is None


def test_a_round_cannot_open_without_instruments(
    officer_client: FlaskClient, session: Session
) -> None:
    post_form(officer_client, "/admin/rounds/new", round_form(instruments=[]))
    survey_round = _only_round(session)
    page = post_form(
        officer_client,
        f"/admin/rounds/{survey_round.id}/advance",
        {},
        follow_redirects=True,
        form_page=f"/admin/rounds/{survey_round.id}",
    )
    assert "Select at least one questionnaire before opening the round" in page.get_data(
        as_text=True
    )
    session.refresh(survey_round)
    assert survey_round.status == "draft"


def test_opening_pins_the_content_hash_of_each_instrument_version(
    officer_client: FlaskClient, session: Session
) -> None:
    post_form(officer_client, "/admin/rounds/new", round_form())
    survey_round = _only_round(session)
    path = f"/admin/rounds/{survey_round.id}"
    post_form(officer_client, f"{path}/advance", {"welsh_confirmed": "y"}, form_page=path)
    session.refresh(survey_round)
    catalogue = load_catalogue()
    assert survey_round.status == "open"
    assert {ri.instrument: ri.content_hash for ri in survey_round.instruments} == {
        "cic-8-10": catalogue.get("cic-8-10@v1").content_hash,
        "cic-11-17": catalogue.get("cic-11-17@v1").content_hash,
    }
    assert "round.open" in list(session.scalars(select(AuditEvent.action)))


def test_an_open_round_keeps_its_instruments_but_its_closing_date_can_move(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority)
    session.commit()
    path = f"/admin/rounds/{survey_round.id}/edit"
    html = officer_client.get(path).get_data(as_text=True)
    assert 'name="instruments"' not in html
    assert 'name="opens_on"' not in html
    later = survey_round.closes_on + timedelta(days=7)
    post_form(
        officer_client,
        path,
        {
            "name": "Renamed",
            **_date("closes_on", later),
            "population_cic_8_10": "99",
            "population_cic_11_17": "100",
            **_date("figures_on", TODAY),
        },
    )
    session.refresh(survey_round)
    assert (survey_round.name, survey_round.closes_on) == ("Renamed", later)
    assert [ri.instrument for ri in survey_round.instruments] == ["cic-11-17", "cic-8-10"]


def test_an_open_round_refuses_new_instruments_even_if_posted(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority)
    session.commit()
    path = f"/admin/rounds/{survey_round.id}/edit"
    post_form(officer_client, path, round_form(instruments=["cic-4-7@v1"]))
    session.refresh(survey_round)
    assert [ri.instrument for ri in survey_round.instruments] == ["cic-11-17", "cic-8-10"]


@pytest.mark.parametrize("status", ["closed", "archived"])
def test_closed_and_archived_rounds_cannot_be_edited(
    officer_client: FlaskClient, officer: StaffUser, session: Session, status: str
) -> None:
    survey_round = make_round(session, officer.local_authority, status=status)
    session.commit()
    post_form(
        officer_client,
        f"/admin/rounds/{survey_round.id}/edit",
        {"name": "Changed"},
        form_page=f"/admin/rounds/{survey_round.id}",
    )
    session.refresh(survey_round)
    assert survey_round.name != "Changed"


def test_the_lifecycle_runs_open_closed_archived_and_stops(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority)
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    seen = []
    for _ in range(3):
        post_form(officer_client, f"{path}/advance", {}, form_page=path)
        session.refresh(survey_round)
        seen.append(survey_round.status)
    assert seen == ["closed", "archived", "archived"]


def test_a_service_lead_sees_the_round_but_cannot_change_it(
    client: FlaskClient, session: Session
) -> None:
    lead = make_staff(session, role="service_lead")
    survey_round = make_round(session, lead.local_authority)
    session.commit()
    sign_in(client, lead)
    path = f"/admin/rounds/{survey_round.id}"
    html = client.get(path).get_data(as_text=True)
    assert survey_round.name in html
    assert "Close the round" not in html
    assert client.get(f"{path}/edit").status_code == 403
    assert client.post(f"{path}/advance").status_code in (400, 403)
    assert client.get("/admin/rounds/new").status_code == 403


def test_each_step_of_the_lifecycle_is_told_in_a_plain_lower_case_sentence(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    survey_round = make_round(session, officer.local_authority, status="draft")
    session.commit()
    path = f"/admin/rounds/{survey_round.id}"
    told = []
    for _ in range(3):
        reply = post_form(
            officer_client,
            f"{path}/advance",
            {"welsh_confirmed": "y"},
            form_page=path,
            follow_redirects=True,
        )
        told.append(reply.get_data(as_text=True))
    for page, sentence in zip(told, ["now open.", "now closed.", "now archived."], strict=True):
        assert f"The round is {sentence}" in page
