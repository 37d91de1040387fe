"""The programme view: every authority's latest round on headline questions, for admins only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.integration.reports.conftest import ADMIN, LEAD, OFFICER, Demo

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]
StaffClient = Callable[[str], FlaskClient]


def test_admins_see_each_authority_with_small_values_hidden(
    staff_client: StaffClient, demo: Demo
) -> None:
    page = staff_client(ADMIN).get("/reports/programme")

    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    rows = {
        tuple(cell.get_text(strip=True) for cell in row.select("th, td"))
        for row in soup.select("tbody tr")
    }
    names = {row[0] for row in rows}
    assert {"Demo Borough Council", "Demo Small Borough Council", "Demo City Council"} <= names
    assert any(row[0] == "Demo Small Borough Council" and row[2] == "[c]" for row in rows)
    assert all(svg.title and svg.desc for svg in soup.select("svg[role=img]"))


@pytest.mark.parametrize("email", [OFFICER, LEAD])
def test_other_staff_may_not_see_the_programme_view(
    staff_client: StaffClient, demo: Demo, email: str
) -> None:
    assert staff_client(email).get("/reports/programme").status_code == 403


def test_each_point_is_labelled_with_its_authority_and_response_rates_are_listed(
    staff_client: StaffClient, demo: Demo
) -> None:
    soup = BeautifulSoup(
        staff_client(ADMIN).get("/reports/programme").get_data(as_text=True), "html.parser"
    )

    chart = soup.select_one("svg[role=img]")
    assert "Demo City Council" in [t.get_text(strip=True) for t in chart.select("text")]
    rates = next(
        t for t in soup.select("table") if "Response rates" in t.caption.get_text(strip=True)
    )
    rows = {row.th.get_text(strip=True): row for row in rates.select("tbody tr")}
    assert {"Demo Borough Council", "Demo Small Borough Council"} <= set(rows)
    assert rows["Demo City Council"].select("td")[-1].get_text(strip=True).endswith("%")


def test_the_programme_view_covers_every_headline_indicator_asked(
    staff_client: StaffClient, demo: Demo
) -> None:
    soup = BeautifulSoup(
        staff_client(ADMIN).get("/reports/programme").get_data(as_text=True), "html.parser"
    )

    headings = [h.get_text(strip=True) for h in soup.select("h2")]
    assert any(h.startswith("Feels safe in their home (happy face") for h in headings)
    assert any(h.startswith("Trusts their personal adviser") for h in headings)
