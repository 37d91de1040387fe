"""Specification of the load bench's figures: round by round, and against each baseline.

One run's ratio of answers a second moves by a sixth between rounds on a busy machine, so the
bench prints each round's ratio beside the whole run's; and the baseline that makes Care
Voices' database round trips splits the ratio into what the shape of the requests costs and
what the code costs.
"""

from __future__ import annotations

import pytest

from bench._client import Sample
from bench._stats import ANSWER_POST, QUESTION_GET, Phase
from bench.respondent_load import ratios_by_round, reads_baseline_figures, summed_rounds


def phase(answers: int, seconds: float = 10.0) -> Phase:
    """A phase in which ``answers`` questions were shown and answered."""
    cycle = [Sample(QUESTION_GET, 200, 0.01, 1, 500), Sample(ANSWER_POST, 303, 0.01, 2, 0)]
    return Phase(cycle * answers, seconds, journeys=answers // 20)


def test_each_rounds_ratio_is_its_own_answers_over_the_baselines_of_that_round():
    rounds = [
        {"ours": phase(30), "baseline": phase(100)},
        {"ours": phase(40), "baseline": phase(100)},
    ]

    assert ratios_by_round(rounds, "ours") == "0.300 0.400"


def test_the_run_sums_every_rounds_phases_for_each_app():
    rounds = [
        {"ours": phase(30), "baseline": phase(100)},
        {"ours": phase(40, seconds=20.0), "baseline": phase(100)},
    ]

    run = summed_rounds(rounds)

    assert run["ours"].answers_per_s == pytest.approx(70 / 30)
    assert run["baseline"].answers_per_s == pytest.approx(200 / 20)


def test_the_two_ratios_through_the_baseline_with_reads_multiply_to_the_plain_ratio():
    figures = reads_baseline_figures(phase(30), phase(60), phase(100))

    assert figures["ratio_answers_per_s_to_reads_baseline"] == pytest.approx(0.5)
    assert figures["reads_baseline_ratio_answers_per_s"] == pytest.approx(0.6)
    assert figures["reads_baseline_answers_per_s"] == pytest.approx(6.0)


def test_without_the_plain_baseline_only_the_ratio_to_the_baseline_with_reads_is_given():
    figures = reads_baseline_figures(phase(30), phase(60), None)

    assert "reads_baseline_ratio_answers_per_s" not in figures
    assert figures["ratio_answers_per_s_to_reads_baseline"] == pytest.approx(0.5)
