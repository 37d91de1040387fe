"""Regression pins on the statsmodels behaviour the reference tests rely on (R-STAT-3).

The reference tests are in ``tests/support/reference_statistics.py``.

If an upgrade breaks one of these, repeat the docs/sources.md S11 check before changing the
pins. The figures are the ones checked locally in docs/sources.md S15 and S11.
"""

import pytest
from statsmodels.stats.proportion import confint_proportions_2indep


def test_newcomb_method_name_still_gives_the_hybrid_score_interval():
    """docs/sources.md S15: 12/40 vs 5/35, Newcombe 95% CI for the difference is -3.5 to
    +33.1 points."""
    lower, upper = confint_proportions_2indep(
        12, 40, 5, 35, method="newcomb", compare="diff", alpha=0.05
    )

    assert (round(lower, 4), round(upper, 4)) == (-0.0352, 0.3311)


def test_score_interval_for_a_difference_still_fails_on_the_known_case():
    """docs/sources.md S11 / statsmodels issue #10269: method="score" raises on 12/40 vs 5/35.

    This is why report_builder never calls it. If this starts passing, the bug may be fixed:
    re-check the 900-case grid before considering the score interval.
    """
    with pytest.raises(ValueError, match="different signs"):
        confint_proportions_2indep(12, 40, 5, 35, method="score", compare="diff", alpha=0.05)
