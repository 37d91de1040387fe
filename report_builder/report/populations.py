"""Who a result is compared with, named in English and Welsh (R-STAT-6).

A national figure is named from its own benchmark row's ages ("young people aged 16 to 24
nationally" for the ONS figure care leavers are compared with, "children aged 10 to 15
nationally"), never one generic "children nationally"; a Bright Spots figure names the care
population it describes and its ages ("care leavers aged 16 to 25 in other authorities in the
Bright Spots surveys"), so it is never read as everyone of those ages; other
areas are "children in care" or "care leavers" in other areas, following the age band's
audience. Welsh mutates the noun after
"na" (than) and "â" (with), so each name carries those forms too rather than a mutation rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from report_builder.comparison.values import Benchmark, PopulationType
from report_builder.report.wording import Language

ADULT_AGE = 16
"""From this age a national population is "young people" rather than "children"."""


@dataclass(frozen=True)
class Population:
    """A comparison group's name: plain, and in Welsh after "na" (than) and "â" (with)."""

    en: str
    cy: str
    cy_than: str
    cy_with: str

    def name(self, language: Language) -> str:
        """The plain name, e.g. "care leavers in other areas"."""
        return self.en if language == "en" else self.cy

    def label(self, language: Language) -> str:
        """The name as a table label, with a capital letter."""
        name = self.name(language)
        return name[:1].upper() + name[1:]


def national_population(benchmark: Benchmark) -> Population:
    """The people a national figure describes: its population type and ages, and for the
    care-population figures the Bright Spots surveys they come from."""
    if benchmark.population_type != PopulationType.GENERAL_POPULATION:
        return _care_population(benchmark)
    low, high = benchmark.age_min, benchmark.age_max
    if high < ADULT_AGE:
        en, cy, cy_mutated = "children", "plant", "phlant"
    elif low >= ADULT_AGE:
        en, cy, cy_mutated = "young people", "pobl ifanc", "phobl ifanc"
    else:
        en, cy, cy_mutated = (
            "children and young people",
            "plant a phobl ifanc",
            "phlant a phobl ifanc",
        )
    welsh_tail = f"{low} i {high} oed yn genedlaethol"
    return Population(
        en=f"{en} aged {low} to {high} nationally",
        cy=f"{cy} {welsh_tail}",
        cy_than=f"na {cy_mutated} {welsh_tail}",
        cy_with=f"â {cy_mutated} {welsh_tail}",
    )


_CARE_POPULATIONS = {
    PopulationType.CHILDREN_IN_CARE: Population(
        en="children in care",
        cy="plant mewn gofal",
        cy_than="na phlant mewn gofal",
        cy_with="â phlant mewn gofal",
    ),
    PopulationType.CARE_LEAVERS: Population(
        en="care leavers",
        cy="ymadawyr gofal",
        cy_than="nag ymadawyr gofal",
        cy_with="ag ymadawyr gofal",
    ),
}
"""Each care population's name, in Welsh also after "na" (than) and "â" (with)."""


def _care_population(benchmark: Benchmark) -> Population:
    """A Bright Spots figure: the care population of other authorities, with its ages (the
    methods note adds the years, as for every national figure)."""
    group = _CARE_POPULATIONS[benchmark.population_type]
    low, high = benchmark.age_min, benchmark.age_max
    tail_en = f"aged {low} to {high} in other authorities in the Bright Spots surveys"
    tail_cy = f"{low} i {high} oed mewn awdurdodau eraill yn arolygon Bright Spots"
    return Population(
        en=f"{group.en} {tail_en}",
        cy=f"{group.cy} {tail_cy}",
        cy_than=f"{group.cy_than} {tail_cy}",
        cy_with=f"{group.cy_with} {tail_cy}",
    )


NATIONAL_UNMATCHED = Population(
    en="people nationally",
    cy="pobl yn genedlaethol",
    cy_than="na phobl yn genedlaethol",
    cy_with="â phobl yn genedlaethol",
)
"""The national column's name when no figure matched the age band (nothing is compared)."""

_OTHER_AREAS = {
    "in_care": Population(
        en="children in care in other areas",
        cy="plant mewn gofal mewn ardaloedd eraill",
        cy_than="na phlant mewn gofal mewn ardaloedd eraill",
        cy_with="â phlant mewn gofal mewn ardaloedd eraill",
    ),
    "care_leaver": Population(
        en="care leavers in other areas",
        cy="ymadawyr gofal mewn ardaloedd eraill",
        cy_than="nag ymadawyr gofal mewn ardaloedd eraill",
        cy_with="ag ymadawyr gofal mewn ardaloedd eraill",
    ),
}


def other_areas_population(audience: str) -> Population:
    """Children in care, or care leavers, in other areas (``audience`` of the age band)."""
    return _OTHER_AREAS[audience]
