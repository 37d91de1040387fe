"""The monitoring page counts a round's responses and warns about low response rates."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from survey_app.services.monitoring import monitor_round
from tests.factories import make_access_code, make_answered_response, make_round, make_staff
from tests.integration.auth.staff_client import sign_in


def test_counts_by_band_mode_label_and_day_with_response_rates(session: Session) -> None:
    survey_round = make_round(session)  # cic-8-10 and cic-11-17, 100 children each
    school, _clear = make_access_code(session, survey_round, label="Virtual school")
    for _ in range(31):
        make_answered_response(session, survey_round, "cic-8-10", access_code=school)
    make_answered_response(session, survey_round, "cic-11-17", completed=False, access_code=school)
    make_answered_response(session, survey_round, "cic-11-17", mode="paper")
    figures = monitor_round(session, survey_round)
    bands = {band.instrument: band for band in figures.bands}
    assert (bands["cic-8-10"].completed, bands["cic-8-10"].rate) == (31, 31.0)
    assert not bands["cic-8-10"].is_below_minimum
    assert (bands["cic-11-17"].completed, bands["cic-11-17"].partial) == (1, 1)
    assert bands["cic-11-17"].is_below_minimum
    assert dict(figures.by_mode) == {"online": 32, "paper": 1}
    assert dict(figures.by_label) == {"Virtual school": 32, None: 1}
    assert sum(count for _day, count in figures.by_day) == 33


def test_the_minimum_rate_comes_from_the_local_authority(session: Session) -> None:
    survey_round = make_round(session)
    survey_round.local_authority.minimum_response_rate = 0
    make_answered_response(session, survey_round)
    figures = monitor_round(session, survey_round)
    assert not any(band.is_below_minimum for band in figures.bands)


def test_a_service_lead_sees_monitoring_for_their_round(
    client: FlaskClient, session: Session
) -> None:
    lead = make_staff(session, role="service_lead")
    survey_round = make_round(session, lead.local_authority)
    make_answered_response(session, survey_round)
    session.commit()
    sign_in(client, lead)
    html = client.get(f"/admin/rounds/{survey_round.id}/monitoring").get_data(as_text=True)
    assert "1 completed and 0 started but not finished" in html
    assert "1.0%" in html
    assert "Below 30%" in html
    assert 'id="monitoring-figures"' in html
