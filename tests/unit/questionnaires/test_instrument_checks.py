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
        (
            "  - id: mood\n    type: faces\n",
            "  - id: mood\n    type: faces\n    source: [nowhere]\n",
            "source 'nowhere' is not listed under sources",
        ),
        (
            '      - {value: "very_happy"',
            '      - {value: "very_very_happy"',
            "a faces item must offer exactly",
        ),
        (
            "translation_review: {cy: awaiting_review}",
            "translation_review: {cy: machine}",
            "'machine' is not one of ['machine_translated', 'awaiting_review', 'reviewed']",
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


FIVE_FACES = [
    '{value: "very_sad", label: {en: "Very sad", cy: "Trist iawn"}, image: very-sad.svg}',
    '{value: "sad", label: {en: "Sad", cy: "Trist"}, image: sad.svg}',
    '{value: "in_between", label: {en: "In between", cy: "Rhywle yn y canol"}, '
    "image: in-between.svg}",
    '{value: "happy", label: {en: "Happy", cy: "Hapus"}, image: happy.svg}',
    '{value: "very_happy", label: {en: "Very happy", cy: "Hapus iawn"}, image: very-happy.svg}',
]


def test_a_faces_item_may_offer_three_faces_for_the_youngest_children(tmp_path: Path) -> None:
    five = "".join(f"      - {option}\n" for option in FIVE_FACES)
    three = "".join(f"      - {option}\n" for option in FIVE_FACES[1:4])
    text = TINY_V2.read_text("utf-8")
    assert five in text
    assert loads_cleanly(tmp_path, text.replace(five, three))


def loads_cleanly(tmp_path: Path, text: str) -> bool:
    path = tmp_path / "tiny" / "v2.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    loaded, version = read_instrument(path)
    return loaded.problems == () and version is not None


def test_an_item_may_cite_a_source_the_file_lists(tmp_path: Path) -> None:
    listed = (
        'sources:\n  ons:\n    title: "ONS guidance"\n    url: "https://www.ons.gov.uk/"\nitems:\n'
    )
    text = TINY_V2.read_text("utf-8")
    cited = text.replace("items:\n", listed, 1).replace(
        "  - id: mood\n    type: faces\n", "  - id: mood\n    type: faces\n    source: [ons]\n", 1
    )
    assert loads_cleanly(tmp_path, cited)
