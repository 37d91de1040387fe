"""Specification of comparison/national_benchmarks.py: the packaged file and age-band matching."""

import itertools

import pandas as pd
import pytest

from report_builder.comparison.national_benchmarks import (
    benchmarks_by_indicator,
    best_match,
    load_benchmarks,
    match_benchmark,
)
from report_builder.comparison.values import PopulationType
from report_builder.inputs import columns as col


@pytest.fixture(scope="module")
def national() -> pd.DataFrame:
    """The packaged national comparator file."""
    return load_benchmarks()


def write_rows(path, rows: list[dict]) -> str:
    """A benchmark CSV built from the packaged file's first row, with fields overridden."""
    base = load_benchmarks().iloc[0].to_dict()
    pd.DataFrame([{**base, **row} for row in rows]).to_csv(path, index=False)
    return str(path)


def test_the_packaged_file_loads_with_typed_columns(national):
    """Every column in the README is present, plus indicator_id; ages are whole numbers."""
    assert tuple(national.columns) == col.BENCHMARK_COLUMNS
    assert national[col.AGE_MIN].dtype == "int64"
    assert national[col.VALUE_PCT].between(0, 100).all()
    assert set(national[col.CONFIDENCE]) <= {"primary", "secondary"}


def test_every_packaged_figure_comes_from_its_primary_release(national):
    """benchmarks README: each row is read from its primary release, with a web address, a year,
    the population and its type and the table or section; a blank sample size says why in the
    notes."""
    assert (national[col.CONFIDENCE] == "primary").all()
    assert national[col.POPULATION_TYPE].isin([kind.value for kind in PopulationType]).all()
    assert national[col.SOURCE_URL].str.match(r"^https?://").all()
    assert national[col.YEAR].str.contains(r"\d{4}").all()
    for column in (col.POPULATION, col.SOURCE_TITLE, col.SOURCE_TABLE):
        assert (national[column].str.strip() != "").all()
    unsized = national[col.SAMPLE_SIZE].isna()
    assert national.loc[unsized, col.NOTES].str.contains("sample size").all()


def test_care_leavers_sixteen_to_twenty_five_match_the_ons_sixteen_to_twenty_four_figure(national):
    """docs/sources.md B2: care leavers (16-25) sit beside ONS 16-24; 82.9% of 16-24s rated their
    life satisfaction 7 or more in 2014-15 (APS)."""
    found = match_benchmark(national, "ons_high_life_satisfaction", 16, 25)

    assert found is not None
    assert found.measure_id == "ons_aps_high_life_satisfaction_16_24_2015"
    assert found.value == pytest.approx(0.829)
    assert found.sample_size is None


def test_an_age_band_two_years_off_gets_no_national_comparison(national):
    """README: no forced comparison; 11-17s against a 16-24 figure, or against ONS 10-15
    (two years off at the top), get none."""
    assert match_benchmark(national, "ons_high_life_satisfaction", 11, 17) is None


def test_an_indicator_with_no_benchmark_gets_none(national):
    """docs/sources.md B5: no general-population "likes school" figure was found."""
    assert match_benchmark(national, "likes_school", 11, 17) is None


@pytest.mark.parametrize(
    "indicator_id",
    ["low_life_satisfaction", "high_anxiety_yesterday", "often_lonely"],
)
def test_version_one_reworded_questions_get_no_ons_figure(national, indicator_id):
    """Version 1 reworded the ONS questions and the loneliness scale, so its indicators are
    never set beside the ONS figures (benchmarks README)."""
    assert match_benchmark(national, indicator_id, 16, 25) is None


def test_the_loneliness_figure_is_the_ons_direct_question_for_care_leavers(national):
    """docs/sources.md B14: 9% of 16-24s in England felt lonely often or always in 2024/25."""
    found = match_benchmark(national, "lonely_often_or_always", 16, 25)

    assert found is not None
    assert found.value == pytest.approx(0.09)
    assert found.year == "2024-2025"


def test_the_latest_release_wins(tmp_path):
    """README: a new release is a new row with its year, never an edit of an old one."""
    path = write_rows(
        tmp_path / "b.csv",
        [
            {col.MEASURE_ID: "old", col.YEAR: "2017-2019", col.VALUE_PCT: 3},
            {col.MEASURE_ID: "new", col.YEAR: "2023", col.VALUE_PCT: 5},
        ],
    )

    found = match_benchmark(load_benchmarks(path), "ons_high_life_satisfaction", 16, 24)

    assert found is not None
    assert found.measure_id == "new"


def test_a_file_missing_a_column_is_refused(tmp_path):
    """Inputs are checked first and the error names what is missing."""
    path = tmp_path / "b.csv"
    load_benchmarks().drop(columns=[col.CONFIDENCE]).to_csv(path, index=False)

    with pytest.raises(ValueError, match="confidence"):
        load_benchmarks(path)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (col.VALUE_PCT, 0, "value_pct"),
        (col.VALUE_PCT, 100, "value_pct"),
        (col.AGE_MIN, 30, "age_min"),
        (col.SAMPLE_SIZE, 0, "sample_size"),
        (col.SAMPLE_SIZE, "many", "sample_size"),
        (col.CONFIDENCE, "high", "confidence"),
        (col.INDICATOR_ID, "Low Life", "snake_case"),
        (col.SOURCE_URL, "www.ons.gov.uk", "source_url"),
        (col.SOURCE_URL, "", "source_url"),
        (col.YEAR, "recent", "year"),
        (col.POPULATION_TYPE, "everyone", "population_type"),
        (col.POPULATION_TYPE, "", "population_type"),
        (col.POPULATION, " ", "population"),
        (col.SOURCE_TABLE, "", "source_table"),
        (col.NOTES, "", "sample_size"),
    ],
)
def test_a_row_breaking_a_rule_is_refused_by_name(tmp_path, field, value, message):
    """A bad release is refused before any report uses it, naming the rule and the measure."""
    path = write_rows(tmp_path / "b.csv", [{col.MEASURE_ID: "broken", field: value}])

    with pytest.raises(ValueError, match=f"{message}.*broken"):
        load_benchmarks(path)


def test_duplicate_measure_ids_are_refused(tmp_path):
    """measure_id identifies one figure; a duplicate would make matching ambiguous."""
    path = write_rows(tmp_path / "b.csv", [{col.MEASURE_ID: "same"}, {col.MEASURE_ID: "same"}])

    with pytest.raises(ValueError, match="duplicate measure_id"):
        load_benchmarks(path)


def test_among_one_release_the_closest_ages_win_then_the_earlier_row(tmp_path):
    path = write_rows(
        tmp_path / "b.csv",
        [
            {col.MEASURE_ID: "wide", col.YEAR: "2023", col.AGE_MIN: 15, col.AGE_MAX: 25},
            {col.MEASURE_ID: "close", col.YEAR: "2023", col.AGE_MIN: 16, col.AGE_MAX: 25},
            {col.MEASURE_ID: "twin", col.YEAR: "2023", col.AGE_MIN: 16, col.AGE_MAX: 25},
        ],
    )

    found = match_benchmark(load_benchmarks(path), "ons_high_life_satisfaction", 16, 24)

    assert found is not None
    assert found.measure_id == "close"


def test_matching_against_the_grouped_file_gives_match_benchmarks_choice(national):
    """``assessment.assess`` reads the file once (``benchmarks_by_indicator``) and matches every
    band."""
    grouped = benchmarks_by_indicator(national)

    for row in national.to_dict("records"):
        for low, high in itertools.product(range(-2, 3), repeat=2):
            band = (row[col.AGE_MIN] + low, row[col.AGE_MAX] + high)
            expected = match_benchmark(national, row[col.INDICATOR_ID], *band)
            assert best_match(grouped[row[col.INDICATOR_ID]], *band) == expected


def test_a_published_sample_size_reaches_the_comparison(tmp_path):
    """docs/statistics.md §3.1: a published sample size decides whether the figure is fixed."""
    path = write_rows(tmp_path / "b.csv", [{col.MEASURE_ID: "sized", col.SAMPLE_SIZE: 2500}])

    found = match_benchmark(load_benchmarks(path), "ons_high_life_satisfaction", 16, 24)

    assert found is not None
    assert found.sample_size == 2500


def test_care_leavers_low_life_satisfaction_is_the_bright_spots_care_leaver_figure(national):
    """No primary ONS figure for 16-24s' low band was read, so care leavers' ONS life
    satisfaction 0-4 sits beside Bright Spots' 26% of care leavers (2017-2019, 1,804 answers),
    and the row says it describes care leavers, not everyone of those ages."""
    found = match_benchmark(national, "ons_low_life_satisfaction", 16, 25)

    assert found is not None
    assert found.value == pytest.approx(0.26)
    assert found.population_type == PopulationType.CARE_LEAVERS
    assert found.sample_size == 1804


def test_a_general_population_figure_wins_over_a_newer_care_population_one(tmp_path):
    """README: children in care elsewhere are already the "other areas" comparison, so a
    Bright Spots figure is used only where no general-population figure fits the band."""
    care = {col.POPULATION_TYPE: "care_leavers", col.SOURCE_TITLE: "Bright Spots report"}
    path = write_rows(
        tmp_path / "b.csv",
        [
            {col.MEASURE_ID: "care", col.YEAR: "2025", **care},
            {col.MEASURE_ID: "general", col.YEAR: "2015"},
        ],
    )

    found = match_benchmark(load_benchmarks(path), "ons_high_life_satisfaction", 16, 25)

    assert found is not None
    assert found.measure_id == "general"


def test_a_care_population_row_must_come_from_bright_spots(tmp_path):
    """The report names a care-population figure as Bright Spots' (report/populations.py), so
    a row of another source cannot claim that population."""
    path = write_rows(
        tmp_path / "b.csv",
        [{col.MEASURE_ID: "elsewhere", col.POPULATION_TYPE: "children_in_care"}],
    )

    with pytest.raises(ValueError, match="Bright Spots.*elsewhere"):
        load_benchmarks(path)
