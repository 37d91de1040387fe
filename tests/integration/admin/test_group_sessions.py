"""An officer starts a group session for an open round, sees when it ends, and can end it early.

Both steps are audited; lengths outside 30 to 180 minutes, a round that is not open and a
second session at once are refused with a kind message; another authority's round is a 404.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.admin.routes.group_sessions import uk_clock
from survey_app.models import AuditEvent, StaffUser, SurveyRound
from survey_app.models.group_session import GroupSession
from tests.factories import make_round
from tests.integration.auth.staff_client import post_form


def _path(survey_round: SurveyRound) -> str:
    return f"/admin/rounds/{survey_round.id}/group-session"


def _actions(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def _start(client: FlaskClient, survey_round: SurveyRound, minutes: object = 90):
    return post_form(client, _path(survey_round), {"minutes": minutes})


def test_the_round_page_offers_a_group_session_while_the_round_is_open(
    officer_client: FlaskClient, survey_round: SurveyRound
) -> None:
    html = officer_client.get(f"/admin/rounds/{survey_round.id}").get_data(as_text=True)
    assert "No group session is running." in html
    assert f'href="{_path(survey_round)}"' in html
    form = officer_client.get(_path(survey_round)).get_data(as_text=True)
    assert 'name="minutes"' in form
    assert 'value="90"' in form


def test_starting_a_group_session_shows_its_end_time_and_is_audited(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    started = _start(officer_client, survey_round)

    html = officer_client.get(started.headers["Location"]).get_data(as_text=True)
    group = session.scalars(select(GroupSession)).one()
    assert (group.ends_at - group.opened_at).total_seconds() == 90 * 60
    until = uk_clock(group.ends_at)
    assert f"Group session started. It ends at {until}." in html
    assert f"A group session is running until {until} (UK time)." in html
    assert _actions(session)[-1] == "group_session.opened"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [(datetime(2027, 6, 14, 13, 30), "14:30"), (datetime(2027, 1, 14, 13, 30), "13:30")],
)
def test_end_times_are_shown_in_uk_time_summer_and_winter(stored: datetime, shown: str) -> None:
    assert uk_clock(stored) == shown


def test_ending_a_group_session_early_stops_it_and_is_audited(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _start(officer_client, survey_round, 30)
    page = _path(survey_round)
    assert "End the group session" in officer_client.get(page).get_data(as_text=True)

    ended = post_form(officer_client, f"{page}/end", {}, form_page=page)

    html = officer_client.get(ended.headers["Location"]).get_data(as_text=True)
    assert "Group session ended." in html
    assert "No group session is running." in html
    assert session.scalars(select(GroupSession)).one().closed_at is not None
    assert _actions(session)[-2:] == ["group_session.opened", "group_session.ended"]


@pytest.mark.parametrize("minutes", ["29", "181", "ninety", ""])
def test_a_length_outside_30_to_180_minutes_is_refused_kindly(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session, minutes: str
) -> None:
    refused = _start(officer_client, survey_round, minutes)
    assert refused.status_code == 200
    assert "There is a problem" in refused.get_data(as_text=True)
    assert session.scalars(select(GroupSession)).all() == []


def test_only_one_group_session_runs_at_a_time(
    officer_client: FlaskClient, survey_round: SurveyRound, session: Session
) -> None:
    _start(officer_client, survey_round)
    again = _start(officer_client, survey_round)
    html = officer_client.get(again.headers["Location"]).get_data(as_text=True)
    assert "A group session is already running for this round." in html
    assert len(session.scalars(select(GroupSession)).all()) == 1


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_a_round_that_is_not_open_has_no_group_session(
    officer_client: FlaskClient, officer: StaffUser, session: Session, status: str
) -> None:
    survey_round = make_round(session, officer.local_authority, status=status)
    session.commit()
    assert officer_client.get(_path(survey_round)).status_code == 302
    html = officer_client.get(f"/admin/rounds/{survey_round.id}").get_data(as_text=True)
    assert "group session" not in html.lower()


def test_another_authoritys_round_has_no_group_session_page(
    officer_client: FlaskClient, session: Session
) -> None:
    theirs = make_round(session)
    session.commit()
    assert officer_client.get(_path(theirs)).status_code == 404
