"""Programme admins name each authority's safeguarding contacts, outcomes and escalation delay."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, LocalAuthority, StaffUser
from survey_app.services.safeguarding_settings import (
    SafeguardingDetails,
    SettingsError,
    save_settings,
    settings_for,
)
from tests.factories import make_authority, make_staff
from tests.integration.auth.staff_client import post_form, sign_in


@pytest.fixture
def authority(session: Session) -> LocalAuthority:
    made = make_authority(session)
    session.commit()
    return made


@pytest.fixture
def admin_client(client: FlaskClient, session: Session) -> FlaskClient:
    admin = make_staff(session, "programme_admin")
    session.commit()
    sign_in(client, admin)
    return client


def _path(authority: LocalAuthority) -> str:
    return f"/admin/authorities/{authority.id}/safeguarding"


def test_an_admin_saves_contacts_outcomes_and_delay_and_it_is_audited(
    admin_client: FlaskClient, session: Session, authority: LocalAuthority
) -> None:
    page = admin_client.get(_path(authority)).get_data(as_text=True)
    assert "Referred under our safeguarding procedure" in page  # the usual list, shown

    answer = post_form(
        admin_client,
        _path(authority),
        {
            "contacts": "DSL@Council.example\r\n\r\nduty@council.example",
            "outcomes": "Referred to MASH\r\nNo action needed",
            "escalation_hours": "12",
        },
    )

    assert answer.status_code == 302
    saved = settings_for(session, authority.id)
    assert saved.contacts == ("DSL@council.example", "duty@council.example")
    assert saved.outcomes == ("Referred to MASH", "No action needed")
    assert saved.escalation_hours == 12
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "safeguarding.settings_saved")
    ).one()
    assert event.local_authority_id == authority.id
    assert (
        event.detail
        == "2 contacts, 2 own outcomes, escalation after 12 hours, risk answers do not alert"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"contacts": "not an address"}, "is not one"),
        ({"contacts": "a@council.example\na@COUNCIL.example"}, "is in the list twice"),
        ({"outcomes": "Referred\nreferred"}, "is in the list twice"),
        ({"outcomes": "x" * 201}, "200 characters or fewer"),
        ({"escalation_hours": "0"}, "from 1 to 168"),
        ({"escalation_hours": "a day"}, "hours"),
    ],
)
def test_settings_that_cannot_work_are_refused_kindly(
    admin_client: FlaskClient,
    session: Session,
    authority: LocalAuthority,
    fields: dict[str, str],
    message: str,
) -> None:
    data = {"contacts": "dsl@council.example", "outcomes": "", "escalation_hours": "24", **fields}

    answer = post_form(admin_client, _path(authority), data)

    assert answer.status_code == 200
    assert message in answer.get_data(as_text=True)
    assert settings_for(session, authority.id).contacts == ()


def test_officers_cannot_change_safeguarding_settings(
    client: FlaskClient, session: Session, authority: LocalAuthority
) -> None:
    officer: StaffUser = make_staff(session, local_authority=authority)
    session.commit()
    sign_in(client, officer)

    assert client.get(_path(authority)).status_code == 403


def test_outside_production_the_demos_test_addresses_can_be_contacts(
    admin_client: FlaskClient, session: Session, authority: LocalAuthority
) -> None:
    data = {"contacts": "officer@demo.care-voices.test", "outcomes": "", "escalation_hours": "24"}

    answer = post_form(admin_client, _path(authority), data)

    assert answer.status_code == 302
    assert settings_for(session, authority.id).contacts == ("officer@demo.care-voices.test",)


def test_production_refuses_a_test_address_mail_could_never_reach(
    session: Session, authority: LocalAuthority
) -> None:
    admin = make_staff(session, "programme_admin")
    details = SafeguardingDetails(("dsl@council.test",), (), 24)

    with pytest.raises(SettingsError):
        save_settings(session, admin, authority, details)

    saved = save_settings(session, admin, authority, details, test_domains=True)
    assert saved.contacts == ("dsl@council.test",)
