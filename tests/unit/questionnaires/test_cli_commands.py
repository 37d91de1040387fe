"""`list`, `show`, `diff`, `new-version` and `publish`, run through click as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from questionnaires.cli import questionnaires_cli
from questionnaires.loader import load_catalogue


def run(*args: str) -> Result:
    return CliRunner().invoke(questionnaires_cli, list(args))


def test_list_shows_the_four_instruments_with_versions_and_item_counts() -> None:
    result = run("list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == [
        "cic-4-7@v1",
        "cic-4-7@v2",
        "cic-8-10@v1",
        "cic-8-10@v2",
        "cic-11-17@v1",
        "cic-11-17@v2",
        "leavers-16-25@v1",
        "leavers-16-25@v2",
    ]
    catalogue = load_catalogue()
    for line in lines:
        assert f"{len(catalogue.get(line.split()[0]).items)} items" in line
        assert "published" in line


def test_show_outlines_a_version_item_by_item() -> None:
    result = run("show", "cic-8-10@v1")
    assert result.exit_code == 0, result.output
    assert "cic-8-10@v1: Your life, your care: ages 8 to 10 (published, sha256:" in result.output
    assert (
        "trust_social_worker [frequency; shown if know_social_worker in ['yes']]" in result.output
    )
    assert "indicators: trusts_social_worker" in result.output


def test_show_refuses_an_unknown_version_naming_the_known_ones() -> None:
    result = run("show", "cic-8-10@v9")
    assert result.exit_code == 2
    assert "unknown instrument version 'cic-8-10@v9'" in result.output


def test_diff_names_changed_items_and_indicators_that_lose_comparability(tiny_root: Path) -> None:
    result = run("--root", str(tiny_root), "diff", "tiny@v1", "tiny@v2")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "tiny@v1 -> tiny@v2",
        "- removed hobbies",
        "+ added pet",
        "~ changed trust_worker: English text",
        "~ changed home: option codes",
        "indicators that lose comparability:",
        "  trusts_worker",
    ]


def test_diff_of_a_version_with_itself_keeps_every_indicator_comparable() -> None:
    result = run("diff", "cic-11-17@v1", "cic-11-17@v1")
    assert result.output.splitlines()[1:] == ["no item changes", "every indicator stays comparable"]


def test_new_version_copies_the_latest_as_a_draft(tiny_copy: Path) -> None:
    result = run("--root", str(tiny_copy), "new-version", "tiny")
    assert result.exit_code == 0, result.output
    created = tiny_copy / "instruments" / "tiny" / "v3.yaml"
    text = created.read_text("utf-8")
    assert "version: 3\n" in text
    assert "status: draft\n" in text
    assert text.startswith("# Version 2 of the tiny instrument")  # comments survive the copy
    assert load_catalogue(tiny_copy).latest("tiny").key == "tiny@v3"


def test_new_version_refuses_an_unknown_instrument(tiny_copy: Path) -> None:
    result = run("--root", str(tiny_copy), "new-version", "huge")
    assert result.exit_code == 2
    assert "unknown instrument 'huge'" in result.output


def test_publish_locks_a_draft_so_later_edits_are_refused(tiny_copy: Path) -> None:
    result = run("--root", str(tiny_copy), "publish", "tiny@v2")
    assert result.exit_code == 0, result.output
    catalogue = load_catalogue(tiny_copy)
    assert [v.key for v in catalogue.published()] == ["tiny@v1", "tiny@v2"]
    assert f'"tiny@v2" = "{catalogue.get("tiny@v2").content_hash}"' in (
        tiny_copy / "published.toml"
    ).read_text("utf-8")


def test_python_dash_m_runs_the_same_commands() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "questionnaires", "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("cic-4-7@v1")


@pytest.mark.parametrize("instrument", ["cic-4-7", "cic-8-10", "cic-11-17", "leavers-16-25"])
def test_diff_of_the_shipped_versions_lists_every_removed_added_and_changed_item(
    instrument: str,
) -> None:
    catalogue = load_catalogue()
    old, new = catalogue.get(f"{instrument}@v1"), catalogue.get(f"{instrument}@v2")
    result = run("diff", old.key, new.key)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    old_ids, new_ids = {i.id for i in old.items}, {i.id for i in new.items}
    assert {f"- removed {item_id}" for item_id in old_ids - new_ids} <= set(lines)
    assert {f"+ added {item_id}" for item_id in new_ids - old_ids} <= set(lines)
    changed = {item_id for item_id in old_ids & new_ids if old.item(item_id) != new.item(item_id)}
    item_lines = [
        line for line in lines if line.startswith("~ changed ") and "version:" not in line
    ]
    assert changed == {line.split()[2].rstrip(":") for line in item_lines}
    # Version 2 changed the Welsh review status of every instrument.
    assert any(
        line.startswith("~ changed the version:") and "translation review" in line for line in lines
    )
