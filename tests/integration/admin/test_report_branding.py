"""An authority's officers set the logo and colour of its report cover: a real PNG or JPEG,
redrawn and stored; a colour dark enough to read on white; anything else refused kindly, and
every change audited. Another authority's officer cannot see or change it."""

from __future__ import annotations

import io

import pytest
from flask.testing import FlaskClient
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.models import AuditEvent, LocalAuthority, StaffUser
from survey_app.services.branding import branding_for
from tests.factories import make_staff
from tests.integration.auth.staff_client import csrf_token, sign_in


def _path(authority_id: int) -> str:
    return f"/admin/authorities/{authority_id}/report-cover"


def _picture(image_format: str = "PNG", size: tuple[int, int] = (240, 80)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "#8a1538").save(out, format=image_format)
    return out.getvalue()


def _post(
    client: FlaskClient,
    authority_id: int,
    upload: bytes | None = None,
    name: str = "logo.png",
    **fields: object,
):
    data: dict[str, object] = {"csrf_token": csrf_token(client, _path(authority_id)), **fields}
    if upload is not None:
        data["logo"] = (io.BytesIO(upload), name)
    return client.post(_path(authority_id), data=data, content_type="multipart/form-data")


@pytest.mark.parametrize(("image_format", "name"), [("PNG", "crest.png"), ("JPEG", "crest.jpg")])
def test_an_officer_uploads_a_logo_and_sets_a_colour_and_it_is_audited(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    image_format: str,
    name: str,
) -> None:
    authority_id = officer.local_authority_id

    answer = _post(officer_client, authority_id, _picture(image_format), name, colour="#8A1538")

    assert answer.status_code == 302
    branding = branding_for(session, authority_id)
    assert branding.logo is not None
    assert branding.logo.png.startswith(b"\x89PNG")
    assert (branding.logo.width, branding.logo.height) == (240, 80)
    assert branding.colour == "#8a1538"
    event = session.scalars(select(AuditEvent).where(AuditEvent.action == "branding.saved")).one()
    assert event.local_authority_id == authority_id
    assert event.detail == "logo replaced (240 by 80 pixels), colour #8a1538"
    page = officer_client.get(_path(authority_id)).get_data(as_text=True)
    assert 'src="data:image/png;base64,' in page
    assert f'alt="{officer.local_authority.name}"' in page


def test_saving_without_a_file_keeps_the_logo_and_removing_it_takes_it_away(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    authority_id = officer.local_authority_id
    _post(officer_client, authority_id, _picture())

    _post(officer_client, authority_id, colour="#12436d")
    kept = branding_for(session, authority_id)
    _post(officer_client, authority_id, remove_logo="y", colour="#12436d")
    removed = branding_for(session, authority_id)

    assert kept.logo is not None
    assert kept.colour == "#12436d"
    assert removed.logo is None
    assert removed.colour == "#12436d"


@pytest.mark.parametrize(
    ("upload", "name", "colour", "message"),
    [
        (b"GIF89a not really a picture at all", "logo.png", "", "must be a PNG or JPEG image"),
        (b"\x89PNG" + b"\0" * 210 * 1024, "logo.png", "", "must be smaller than 200 KB"),
        (None, "", "blue", "like #1d70b8"),
        (None, "", "#ffdd00", "Choose a darker colour"),
    ],
    ids=["renamed-non-image", "oversized", "bad-colour", "low-contrast"],
)
def test_a_bad_file_or_colour_is_refused_kindly_and_nothing_is_saved(
    officer_client: FlaskClient,
    officer: StaffUser,
    session: Session,
    upload: bytes | None,
    name: str,
    colour: str,
    message: str,
) -> None:
    authority_id = officer.local_authority_id

    answer = _post(officer_client, authority_id, upload, name, colour=colour)

    assert answer.status_code == 200
    page = answer.get_data(as_text=True)
    assert "There is a problem" in page
    assert message in page
    assert branding_for(session, authority_id).logo is None
    assert branding_for(session, authority_id).colour is None


def test_another_authoritys_officer_cannot_open_or_change_its_cover(
    client: FlaskClient, session: Session, officer: StaffUser
) -> None:
    stranger = make_staff(session)
    session.commit()
    sign_in(client, stranger)
    theirs = officer.local_authority_id
    token = csrf_token(client, _path(stranger.local_authority_id))

    assert client.get(_path(theirs)).status_code == 404
    posted = client.post(
        _path(theirs),
        data={"csrf_token": token, "colour": "#0b0c0c"},
        content_type="multipart/form-data",
    )
    assert posted.status_code == 404
    assert branding_for(session, theirs).colour is None


def test_a_service_lead_cannot_set_the_cover(client: FlaskClient, session: Session) -> None:
    lead = make_staff(session, role="service_lead")
    session.commit()
    sign_in(client, lead)

    assert client.get(_path(lead.local_authority_id)).status_code == 403


def test_a_programme_admin_sets_any_authoritys_cover(
    client: FlaskClient, session: Session, officer: StaffUser
) -> None:
    admin = make_staff(session, role="programme_admin")
    session.commit()
    sign_in(client, admin)
    authority: LocalAuthority = officer.local_authority

    assert _post(client, authority.id, colour="#0b0c0c").status_code == 302
    assert branding_for(session, authority.id).colour == "#0b0c0c"


def test_a_file_over_the_request_limit_gets_the_kind_error_page_not_a_server_error(
    officer_client: FlaskClient, officer: StaffUser, session: Session
) -> None:
    authority_id = officer.local_authority_id

    token = csrf_token(officer_client, _path(authority_id))
    upload = (io.BytesIO(b"\x89PNG" + b"\0" * 300 * 1024), "logo.png")

    answer = officer_client.post(
        _path(authority_id),
        data={"csrf_token": token, "logo": upload},
        content_type="multipart/form-data",
        headers={"Accept": "text/html"},
    )

    assert answer.status_code == 413
    assert "Go back and try again" in answer.get_data(as_text=True)
    assert branding_for(session, authority_id).logo is None
