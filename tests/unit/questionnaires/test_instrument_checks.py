"""Meaning checks on a single instrument file, each reported with its line.

Each case edits the draft tiny@v2 in a temporary folder, so the only problem is the one named.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from questionnaires.loader import read_instrument

TINY_V2 = (
    Path(__file__).parent / "fixtures" / "catalogues" / "tiny" / "instruments" / "tiny" / "v2.yaml"
)


def problems_after(tmp_path: Path, old: str, new: str) -> list[str]:
    text = TINY_V2.read_text("utf-8")
    assert old in text
    path = tmp_path / "tiny" / "v2.yaml"
    path.parent.mkdir()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    loaded, version = read_instrument(path)
    assert version is None
    return [str(problem) for problem in loaded.problems]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("A few questions.", "A few questions, e.g. this one.", "instead of an abbreviation"),
        ("A few questions.", "A few  questions.", "double space"),
        (
            "    sensitive: true\n    prefer_not_to_say: true\n",
            "    sensitive: true\n",
            "must offer prefer_not_to_say",
        ),
        (", image: sad.svg}", "}", "every faces option needs an image"),
        ("image: sad.svg", "image: grumpy.svg", "image 'grumpy.svg' is not in faces/"),
        ('{value: "dont_know"', '{value: "unsure"', "a yes_no item must offer exactly"),
        (
            '{value: "somewhere_else"',
            '{value: "prefer_not_to_say"',
            "use 'prefer_not_to_say: true'",
        ),
        ('in: ["yes"]', 'in: ["maybe"]', "show_if value 'maybe' is not an option of 'know_worker'"),
        ("age_min: 8", "age_min: 12", "age_min is greater than age_max"),
        ("    max_length: 200\n", "", "'max_length' is a required property"),
        (
            "    type: scale_0_10\n",
            "    type: scale_0_10\n    options: *yes_no\n",
            "does not use (options",
        ),
        (
            "    type: count_band\n",
            "    type: count_band\n    max_length: 5\n",
            "does not use (options, ends or max_length)",
        ),
        (
            "title: {en:",
            'title: {fr: "Petit", en:',
            "Additional properties are not allowed ('fr' was unexpected)",
        ),
    ],
)
def test_each_meaning_problem_is_reported_with_its_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    problems = problems_after(tmp_path, old, new)
    matching = [problem for problem in problems if message in problem]
    assert matching, problems
    assert all(problem.split(": ", 1)[0].rsplit(":", 1)[1].isdigit() for problem in matching)
