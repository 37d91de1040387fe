"""Synthetic national-style data and reports shared by the report-building specifications.

Six synthetic areas, two rounds each: SYN001's "feels safe" improves in 2026 and SYN006 is
small, so its bases fall under the suppression thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import pytest

from demo_data.synthetic import (
    SyntheticDesign,
    synthetic_populations,
    synthetic_quotes,
    synthetic_responses,
)
from questionnaires import Catalogue, load_catalogue
from report_builder.comparison.national_benchmarks import load_benchmarks
from report_builder.indicators.counts import indicator_counts
from report_builder.inputs import columns as col
from report_builder.report.build import build_report
from report_builder.report.model import Report

SMALL_LA = "SYN006"
LARGE_LA = "SYN001"


@dataclass(frozen=True)
class National:
    """One synthetic dataset with everything build_report needs."""

    catalogue: Catalogue
    responses: pd.DataFrame
    counts: pd.DataFrame
    quotes: pd.DataFrame
    populations: dict
    benchmarks: pd.DataFrame

    def report(self, la_code: str, *, language: str = "en", adjust: str = "bh") -> Report:
        """The 2026 report of ``la_code``, compared with its 2025 round."""
        return build_report(
            self.responses,
            self.catalogue,
            self.benchmarks,
            la_code=la_code,
            round_id=f"{la_code}-2026",
            previous_round_id=f"{la_code}-2025",
            denominators=self.populations[f"{la_code}-2026"],
            quotes=self.quotes,
            adjust=adjust,
            language=language,
            counts=self.counts,
            generated_on=date(2026, 3, 2),
        )


V1_STAND_INS = {
    "ons_high_anxiety_yesterday": "high_anxiety_yesterday",
    "lonely_often_or_always": "often_lonely",
}
"""The packaged figures re-pointed at version 1 indicators, for these tests only.

The packaged file compares only version 2's exact ONS questions (version 1 reworded them), so a
version 1 report has no national comparison. The synthetic rounds here are version 1; these
stand-ins keep the national comparison machinery exercised without claiming a real match."""


def v1_test_benchmarks() -> pd.DataFrame:
    """The packaged benchmark rows of ``V1_STAND_INS``, re-pointed at the version 1 ids."""
    packaged = load_benchmarks()
    rows = packaged.loc[packaged[col.INDICATOR_ID].isin(list(V1_STAND_INS))]
    return rows.assign(**{col.INDICATOR_ID: rows[col.INDICATOR_ID].map(V1_STAND_INS)})


@pytest.fixture(scope="session")
def national() -> National:
    catalogue = load_catalogue()
    # Both years answered in questionnaire version 1, whose indicators these tests specify.
    design = SyntheticDesign(n_las=6, versions={"2025": 1, "2026": 1})
    responses = synthetic_responses(catalogue, design, seed=11)
    return National(
        catalogue=catalogue,
        responses=responses,
        counts=indicator_counts(responses, catalogue),
        quotes=synthetic_quotes(responses, seed=11),
        populations=synthetic_populations(responses, seed=11),
        benchmarks=v1_test_benchmarks(),
    )


@pytest.fixture(scope="session")
def large_report(national) -> Report:
    return national.report(LARGE_LA)


@pytest.fixture(scope="session")
def small_report(national) -> Report:
    return national.report(SMALL_LA)
