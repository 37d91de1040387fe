"""The shared public pages render in English and Welsh inside the common layout."""

import re

import pytest
from flask.testing import FlaskClient

PAGES = ["/", "/privacy", "/accessibility"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_with_skip_link_and_footer_links(client: FlaskClient, path: str) -> None:
    page = client.get(path)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'href="#main-content"' in html
    assert 'href="/privacy"' in html
    assert 'href="/accessibility"' in html
    assert '<html lang="en"' in html


@pytest.mark.parametrize("path", PAGES)
def test_welsh_is_chosen_with_lang_and_kept_for_later_pages(client: FlaskClient, path: str) -> None:
    assert '<html lang="cy"' in client.get(f"{path}?lang=cy").get_data(as_text=True)
    assert '<html lang="cy"' in client.get("/privacy").get_data(as_text=True)


def test_unknown_page_gets_the_kind_not_found_page(client: FlaskClient) -> None:
    page = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert "Page not found" in page.get_data(as_text=True)


def test_non_browser_clients_get_a_short_plain_error(client: FlaskClient) -> None:
    page = client.get("/no-such-page", headers={"Accept": "application/json"})
    assert page.status_code == 404
    assert page.get_data(as_text=True) == "404\n"
    assert page.mimetype == "text/plain"


@pytest.mark.parametrize(
    "path", ["/static/govuk/govuk-frontend.min.css", "/assets/images/favicon.svg"]
)
def test_govuk_frontend_assets_are_served(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    response.close()
    assert response.status_code == 200


def test_the_home_page_offers_the_survey_and_staff_sign_in(client: FlaskClient) -> None:
    html = client.get("/").get_data(as_text=True)
    start = r'<a href="/start"[^>]*class="govuk-button[^"]*"[^>]*>\s*Start the survey'
    assert re.search(start, html)
    assert re.search(r'<a class="govuk-link" href="/auth/sign-in">\s*Staff sign in', html)
