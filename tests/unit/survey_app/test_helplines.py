"""The helplines file: checked on load, and filtered by age band, nation and helping adults."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from survey_app.services.helplines import (
    HelplineDataError,
    helplines_for,
    parse_helplines,
    shipped_helplines,
)

TODAY = date(2026, 12, 3)
GOOD = """services:
  - id: kids_line
    name: {en: "Kids line", cy: "Llinell plant"}
    for: {en: "Under 12s", cy: "Plant dan 12"}
    ages: {min: 0, max: 11}
    nations: [england, wales]
    phone:
      number: "0800 000 111"
      hours: {en: "Any time", cy: "Unrhyw bryd"}
    web: {url: "https://kids.example/", label: {en: "Website", cy: "Gwefan"}}
    source: "https://kids.example/contact"
    last_checked: "2026-11-30"
"""


def _ids(services: tuple) -> list[str]:
    return [service.id for service in services]


def test_a_good_file_loads_with_a_tap_to_call_address() -> None:
    (service,) = parse_helplines(GOOD, TODAY)
    assert service.phone is not None
    assert service.phone.tel == "tel:0800000111"
    assert service.name.get("cy") == "Llinell plant"
    assert service.last_checked == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('cy: "Llinell plant"', 'xx: "Llinell plant"'), "name"),
        (('"0800 000 111"', '"0800 OOO 111"'), "does not match"),
        (("min: 0, max: 11", "min: 12, max: 11"), "ages.min is above ages.max"),
        (('"2026-11-30"', '"2026-02-30"'), "is not a real date"),
        (('"2026-11-30"', '"2026-12-25"'), "is in the future"),
        (('"https://kids.example/contact"', '"http://kids.example/contact"'), "source"),
        (("nations: [england, wales]", "nations: [scotland]"), "nations"),
        (("    phone:\n", "    fax:\n"), "fax"),
    ],
)
def test_a_broken_entry_stops_the_file_loading(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(HelplineDataError) as raised:
        parse_helplines(GOOD.replace(*change), TODAY)
    assert any(expected in problem for problem in raised.value.problems)


def test_two_services_with_one_id_are_refused() -> None:
    twice = GOOD + GOOD.removeprefix("services:\n")
    with pytest.raises(HelplineDataError, match="the id is used twice"):
        parse_helplines(twice, TODAY)


def test_a_file_that_is_not_yaml_is_refused_kindly() -> None:
    with pytest.raises(HelplineDataError, match="not valid YAML"):
        parse_helplines("services: [", TODAY)


def test_every_shipped_service_was_checked_in_the_last_year() -> None:
    """Numbers and hours change: re-check each against its source and update last_checked."""
    stale = [s.id for s in shipped_helplines() if s.last_checked < date.today() - timedelta(366)]
    assert stale == []


def test_every_shipped_service_can_be_reached_by_phone_or_text_in_both_languages() -> None:
    for service in shipped_helplines():
        lines = [line for line in (service.phone, service.text) if line]
        assert lines, service.id
        assert all(line.hours.has("cy") and line.hours.has("en") for line in lines)


def test_services_fit_the_age_band_and_the_nation() -> None:
    shipped = shipped_helplines()
    young_wales = _ids(helplines_for(shipped, ages=(8, 10), nation="wales", trusted_adult=False))
    leavers = _ids(helplines_for(shipped, ages=(16, 25), nation="england", trusted_adult=False))
    assert "meic" in young_wales
    assert "become" not in young_wales
    assert "samaritans" not in young_wales
    assert {"become", "the_mix", "samaritans", "shout", "childline"} <= set(leavers)
    assert "meic" not in leavers


def test_services_for_helping_adults_show_only_when_an_adult_helps() -> None:
    shipped = shipped_helplines()
    helped = helplines_for(shipped, ages=(4, 7), nation="england", trusted_adult=True)
    alone = helplines_for(shipped, ages=(8, 10), nation="england", trusted_adult=False)
    assert "nspcc" in _ids(helped)
    assert "nspcc" not in _ids(alone)


def test_with_nothing_known_every_service_is_shown() -> None:
    shipped = shipped_helplines()
    assert helplines_for(shipped, ages=None, nation=None, trusted_adult=False) == shipped
