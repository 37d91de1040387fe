"""`validate` exits 0 on good files and 1 on bad ones, naming file and line for each problem."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from questionnaires.cli import questionnaires_cli

BAD = Path(__file__).parent / "fixtures" / "bad"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(questionnaires_cli, list(args))
    return result.exit_code, result.output


def is_located(problem: str, path: Path, line: int) -> bool:
    """True when a ``file:line: message`` report names ``path`` (however displayed) and ``line``."""
    where = problem.split(": ", 1)[0]
    return where.endswith(f"{path.parent.name}/{path.name}:{line}")


def test_validate_passes_the_shipped_catalogue() -> None:
    code, output = run("validate")
    assert code == 0, output
    assert "No problems found." in output


def test_validate_reports_translation_completeness_per_language() -> None:
    _, output = run("validate")
    assert "cic-4-7@v1: en 100%, cy 100% (awaiting review)" in output


def test_validate_reports_an_incomplete_translation_as_not_offered() -> None:
    code, output = run("validate", str(BAD / "welsh-missing" / "v1.yaml"))
    assert code == 0
    assert "welsh-missing@v1: en 100%, cy 83.3% (not offered until complete)" in output


@pytest.mark.parametrize(
    ("case", "marker", "message"),
    [
        ("malformed-yaml", "options:", "malformed YAML"),
        ("unknown-type", "type: slider", "items[0].type: 'slider' is not one of"),
        ("duplicate-id", "# the duplicate", "duplicate item id 'pet'"),
        ("duplicate-key", 'text: {en: "Do you have a dog?"', "duplicate key 'text'"),
        ("forward-show-if", "show_if:", "show_if refers to 'pet', which comes later"),
        ("unknown-show-if", "show_if:", "show_if refers to unknown item 'dog'"),
        ("bare-no", "value: no", "YAML reads bare yes/no as true/false"),
    ],
)
def test_validate_reports_each_kind_of_bad_instrument_with_its_line(
    case: str, marker: str, message: str, find_line: Callable[[Path, str], int]
) -> None:
    path = BAD / case / "v1.yaml"
    code, output = run("validate", str(path))
    assert code == 1
    problem = next(line for line in output.splitlines() if message in line)
    assert is_located(problem, path, find_line(path, marker)), problem


@pytest.mark.parametrize(
    ("fixture", "marker", "message"),
    [
        ("dangling-item.yaml", "sources:", "item 'has_dog' is absent from instrument 'tiny'"),
        ("positive-not-option.yaml", "positive:", "positive value 'always' is not an option"),
        ("unknown-instrument.yaml", "sources:", "unknown instrument 'huge'"),
        ("base-condition-unknown.yaml", "when:", "base item 'knows_manager' is absent"),
        ("duplicate-id.yaml", "# the duplicate", "duplicate indicator id 'knows_worker'"),
    ],
)
def test_validate_reports_each_kind_of_bad_indicator_with_its_line(
    fixture: str,
    marker: str,
    message: str,
    with_indicators: Callable[[str], Path],
    find_line: Callable[[Path, str], int],
) -> None:
    root = with_indicators(fixture)
    indicators = root / "indicators.yaml"
    code, output = run("validate", str(indicators))
    assert code == 1
    problem = next(line for line in output.splitlines() if message in line)
    assert is_located(problem, indicators, find_line(indicators, marker)), problem


def test_validate_lists_every_problem_not_just_the_first(tmp_path: Path) -> None:
    path = tmp_path / "two-problems" / "v1.yaml"
    path.parent.mkdir()
    text = (
        (BAD / "duplicate-id" / "v1.yaml")
        .read_text("utf-8")
        .replace("duplicate-id", "two-problems")
    )
    anchor = "    type: yes_no\n"
    path.write_text(text.replace(anchor, anchor + '    show_if: [{item: dog, in: ["yes"]}]\n', 1))
    code, output = run("validate", str(path))
    assert code == 1
    assert "duplicate item id 'pet'" in output
    assert "show_if refers to unknown item 'dog'" in output
    assert "2 problem(s) found." in output


def test_validate_lists_every_schema_error_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "bare-no" / "v1.yaml"
    path.parent.mkdir()
    text = (BAD / "bare-no" / "v1.yaml").read_text("utf-8")
    path.write_text(text.replace("minutes: 5", "minutes: 50"))
    code, output = run("validate", str(path))
    assert code == 1
    assert "minutes: 50 is greater than the maximum of 15" in output
    assert "YAML reads bare yes/no" in output


def test_validate_reports_an_edited_published_file_at_its_status_line(tiny_copy: Path) -> None:
    path = tiny_copy / "instruments" / "tiny" / "v1.yaml"
    path.write_text(path.read_text("utf-8").replace("A few questions.", "Some questions."))
    code, output = run("validate", str(tiny_copy))
    assert code == 1
    problem = next(line for line in output.splitlines() if "was edited" in line)
    assert is_located(problem, path, 4), problem


def test_validate_reports_a_file_named_for_another_instrument(tmp_path: Path) -> None:
    path = tmp_path / "renamed" / "v1.yaml"
    path.parent.mkdir()
    path.write_text((BAD / "welsh-missing" / "v1.yaml").read_text("utf-8"))
    code, output = run("validate", str(path))
    assert code == 1
    assert "file should be named welsh-missing/v1.yaml" in output
