"""The HTML report: who may read it, and what an accessible, disclosure-controlled report shows."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from survey_app.extensions import db
from survey_app.reports import routes
from survey_app.services import cached_reports
from tests.factories import make_round, make_staff
from tests.integration.reports.conftest import ADMIN, LEAD, Demo

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]
StaffClient = Callable[[str], FlaskClient]


def _page(client: FlaskClient, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def test_a_service_lead_reads_their_report_with_tables_charts_comparisons_and_quotes(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(LEAD), f"/reports/rounds/{demo.current_round_id}")

    assert "Care Voices report for Demo Borough Council" in page.h1.text
    tables = page.select("table")
    assert tables
    assert all(table.caption and table.caption.text.strip() for table in tables)
    assert all(th.get("scope") in ("col", "row") for th in page.select("table th"))
    charts = page.select("figure svg[role=img]")
    assert charts
    assert all(svg.title and svg.desc for svg in charts)
    text = page.get_text(" ")
    assert "children in care in other areas" in text
    assert "since 2025" in text
    assert "[u] low reliability" in text
    assert "Bright spots" in text
    assert "Areas for improvement" in text
    assert "Wilson" in text
    assert "Provisional figures: this round is still open" in text
    assert "Worth looking into" in text
    assert 0 < len(page.select("blockquote")) <= 10


def test_a_small_authoritys_report_collapses_to_what_can_be_shown_and_says_why(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(ADMIN), f"/reports/rounds/{demo.small_round_id}")

    text = page.get_text(" ")
    assert "No results are shown for:" in text
    assert "Ages 4 to 7" in page.select_one(".cv-report-unshown").text
    result_cells = [td.get_text(strip=True) for td in page.select(".cv-report-table td")]
    assert result_cells
    assert "[c]" not in result_cells
    assert "Questions not shown for this age group" in text
    cells = [td.get_text(strip=True) for td in page.select("td")]
    assert not any(cell.startswith("n = ") and int(cell[4:]) < 10 for cell in cells)


def test_the_welsh_report_has_welsh_labels(staff_client: StaffClient, demo: Demo) -> None:
    page = _page(staff_client(LEAD), f"/reports/rounds/{demo.current_round_id}?lang=cy")

    assert page.html["lang"] == "cy"
    assert "Adroddiad Lleisiau Gofal ar gyfer Demo Borough Council" in page.h1.text
    assert page.find("h2", id="section-relationships").text == "Perthnasoedd"
    assert "Yn ymddiried yn yr oedolion maen nhw'n byw gyda nhw" in page.get_text(" ")


def test_staff_of_another_authority_get_not_found(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    with app.app_context():
        outsider = make_staff(db.session, role="service_lead")
        db.session.commit()
        email = outsider.email
    client = staff_client(email)

    assert client.get(f"/reports/rounds/{demo.current_round_id}").status_code == 404
    assert client.get(f"/reports/rounds/{demo.current_round_id}/you-said").status_code == 404
    assert "Demo Borough" not in client.get("/reports/").get_data(as_text=True)


def test_the_list_shows_a_lead_their_own_rounds_and_an_admin_every_round(
    staff_client: StaffClient, demo: Demo
) -> None:
    lead_list = staff_client(LEAD).get("/reports/").get_data(as_text=True)
    admin_list = staff_client(ADMIN).get("/reports/").get_data(as_text=True)

    assert "Demo Borough Council" in lead_list
    assert "Demo Small Borough Council" not in lead_list
    assert "Demo Small Borough Council" in admin_list


def test_one_authoritys_list_names_it_once_and_a_list_of_many_has_a_column(
    staff_client: StaffClient, demo: Demo
) -> None:
    lead_page = _page(staff_client(LEAD), "/reports/")
    admin_page = _page(staff_client(ADMIN), "/reports/")

    assert lead_page.main.get_text(" ").count("Demo Borough Council") == 1
    assert lead_page.select_one(".govuk-caption-l").get_text(strip=True) == "Demo Borough Council"
    assert "Local authority" not in lead_page.select_one("thead").get_text()
    assert "Local authority" in admin_page.select_one("thead").get_text()


def test_a_round_nobody_has_completed_says_there_is_no_report_yet(
    app: Flask, staff_client: StaffClient, demo: Demo
) -> None:
    with app.app_context():
        admin = make_staff(db.session, role="programme_admin")
        empty = make_round(db.session)
        db.session.commit()
        email, round_id = admin.email, empty.id

    page = _page(staff_client(email), f"/reports/rounds/{round_id}")

    assert page.h1.text == "No report yet"


def test_a_comparison_no_question_could_make_is_named_once_not_repeated_in_a_column(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(ADMIN), f"/reports/rounds/{demo.small_round_id}")

    for table in page.select(".cv-report-table"):
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        for column in range(4, len(headers)):
            cells = [
                row.select("td")[column - 1].get_text(" ", strip=True)
                for row in table.select("tbody tr")
            ]
            assert not all(cell.startswith(("not compared", "no national")) for cell in cells)
    assert "No question here could be compared with these" in page.get_text(" ")


def test_demo_boroughs_gender_table_hides_only_its_small_groups(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(LEAD), f"/reports/rounds/{demo.current_round_id}")

    gender = next(t for t in page.select("table") if t.caption.get_text(strip=True) == "Gender")
    counts = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in gender.select("tbody tr")
    }
    assert counts["Girl"].isdigit()
    assert counts["Boy"].isdigit()
    assert 0 < list(counts.values()).count("[c]") <= 2
    assert "table withheld" not in gender.find_next("p").get_text()


def test_demo_boroughs_report_shows_headline_trends_over_three_rounds(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(LEAD), f"/reports/rounds/{demo.current_round_id}")

    assert page.find("h2", id="trends")
    table = page.select_one("#trends ~ table")
    rounds = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    assert rounds == ["2024", "2025", "2026"]
    charts = page.select(".cv-report-trends svg[role=img]")
    assert charts
    assert all(svg.title and svg.desc for svg in charts)
    assert "a change may be a change in who took part" in page.get_text(" ")


def test_a_second_view_of_a_closed_rounds_report_is_read_from_the_cache(
    staff_client: StaffClient, demo: Demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = staff_client(LEAD)
    path = f"/reports/rounds/{demo.previous_round_id}"
    first = _page(client, path)

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report was built again")

    monkeypatch.setattr(cached_reports, "build_round_report", must_not_run)
    monkeypatch.setattr(routes, "report_body", must_not_run)
    second = _page(client, path)

    assert second.select_one("main").get_text() == first.select_one("main").get_text()


def test_the_cover_names_the_round_and_its_dates_and_the_response_rate(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(LEAD), f"/reports/rounds/{demo.previous_round_id}")

    cover = page.select_one(".cv-report-cover").get_text(" ")
    assert "Demo Borough Council" in cover
    assert re.search(r"\d+ \w+ \d{4} to \d+ \w+ \d{4}", cover)
    assert re.search(r"That is \d+% of the [\d,]+ who could take part", cover)


def test_quotes_are_grouped_under_their_question_and_none_repeats(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = _page(staff_client(LEAD), f"/reports/rounds/{demo.current_round_id}")

    quotes = [q.get_text(" ", strip=True) for q in page.select("blockquote")]
    assert len({" ".join(q.casefold().split()) for q in quotes}) == len(quotes)
    headings = [h.get_text(strip=True) for h in page.select("#quotes ~ h3.govuk-heading-s")]
    assert any(heading.endswith("?") for heading in headings)
