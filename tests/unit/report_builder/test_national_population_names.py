"""Specification of how a report names the people a national figure describes (R-STAT-6):
a general-population figure by its ages, a Bright Spots figure as the care population of other
authorities, so a board never reads children in care elsewhere as everyone of that age."""

import pytest

from report_builder.comparison.values import Benchmark, PopulationType
from report_builder.report.populations import national_population


def figure(population_type: PopulationType, age_min: int, age_max: int) -> Benchmark:
    """A national figure of ``population_type`` for ages ``age_min`` to ``age_max``."""
    return Benchmark(
        measure_id="m",
        indicator_id="i",
        value=0.2,
        age_min=age_min,
        age_max=age_max,
        year="2017-2019",
        source_title="t",
        source_url="https://example.org",
        sample_size=None,
        confidence="primary",
        population_type=population_type,
    )


def test_a_general_population_figure_is_named_by_its_ages():
    name = national_population(figure(PopulationType.GENERAL_POPULATION, 16, 24))

    assert name.en == "young people aged 16 to 24 nationally"


@pytest.mark.parametrize(
    ("population_type", "ages", "english", "welsh_than"),
    [
        (
            PopulationType.CARE_LEAVERS,
            (16, 25),
            "care leavers aged 16 to 25 in other authorities in the Bright Spots surveys",
            "nag ymadawyr gofal 16 i 25 oed mewn awdurdodau eraill yn arolygon Bright Spots",
        ),
        (
            PopulationType.CHILDREN_IN_CARE,
            (11, 18),
            "children in care aged 11 to 18 in other authorities in the Bright Spots surveys",
            "na phlant mewn gofal 11 i 18 oed mewn awdurdodau eraill yn arolygon Bright Spots",
        ),
    ],
)
def test_a_bright_spots_figure_is_named_as_the_care_population_elsewhere(
    population_type, ages, english, welsh_than
):
    name = national_population(figure(population_type, *ages))

    assert name.en == english
    assert name.cy_than == welsh_than
    assert "nationally" not in name.en
