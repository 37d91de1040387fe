"""Loading: immutable, cached objects, and a clear refusal listing every problem."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from questionnaires import (
    PREFER_NOT_TO_SAY,
    LocalisedText,
    QuestionnaireError,
    load_catalogue,
)

BAD = Path(__file__).parent / "fixtures" / "bad"


def test_the_default_catalogue_is_loaded_once_and_cached() -> None:
    assert load_catalogue() is load_catalogue()


def test_loaded_objects_cannot_be_changed() -> None:
    version = load_catalogue().get("cic-4-7@v1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        version.status = "draft"  # type: ignore[misc]
    with pytest.raises(TypeError):
        version.translation_review["cy"] = "reviewed"  # type: ignore[index]
    assert isinstance(version.items, tuple)
    assert isinstance(version.items[0].options, tuple)


def test_each_version_carries_the_hash_of_its_file(tiny_root: Path) -> None:
    version = load_catalogue(tiny_root).get("tiny@v1")
    assert version.content_hash.startswith("sha256:")
    assert len(version.content_hash) == len("sha256:") + 64


def test_a_catalogue_knows_its_versions_latest_and_published(tiny_root: Path) -> None:
    catalogue = load_catalogue(tiny_root)
    assert list(catalogue.versions) == ["tiny@v1", "tiny@v2"]
    assert catalogue.latest("tiny").key == "tiny@v2"
    assert [v.key for v in catalogue.published()] == ["tiny@v1"]
    assert catalogue.indicator("trusts_worker").domain == "relationships"


def test_a_scale_has_codes_0_to_10_labelled_only_at_the_ends(tiny_root: Path) -> None:
    item = load_catalogue(tiny_root).get("tiny@v1").item("life_satisfaction")
    assert item.option_values == tuple(str(n) for n in range(11))
    assert item.options[0].label == LocalisedText("Not at all", "Dim o gwbl")
    assert item.options[10].label == LocalisedText("Completely", "Yn llwyr")
    assert all(option.label is None for option in item.options[1:10])


def test_prefer_not_to_say_is_offered_as_the_last_option(tiny_root: Path) -> None:
    item = load_catalogue(tiny_root).get("tiny@v1").item("home")
    assert item.option_values[-1] == PREFER_NOT_TO_SAY
    assert item.options[-1].label is not None
    assert item.options[-1].label.cy


def test_faces_options_name_shipped_images(tiny_root: Path) -> None:
    item = load_catalogue(tiny_root).get("tiny@v1").item("mood")
    faces = Path(__file__).parents[3] / "questionnaires" / "faces"
    assert all((faces / str(option.image)).is_file() for option in item.options)


def test_welsh_text_never_falls_back_to_english() -> None:
    text = LocalisedText("Hello")
    assert text.get("en") == "Hello"
    with pytest.raises(LookupError):
        text.get("cy")


def test_a_language_is_offered_only_when_complete(tmp_path: Path) -> None:
    root = tmp_path / "catalogue"
    shutil.copytree(BAD / "welsh-missing", root / "instruments" / "welsh-missing")
    (root / "indicators.yaml").write_text(
        "indicators:\n  - {id: has_pet, domain: relationships, label: {en: Pet, cy: Anifail},"
        " sources: {welsh-missing: pet}, positive: ['yes'], direction: higher_is_better}\n"
    )
    version = load_catalogue(root).get("welsh-missing@v1")
    assert version.languages == ("en", "cy")
    assert version.complete_languages() == ("en",)


def test_loading_refuses_a_bad_file_and_lists_every_problem(tiny_copy: Path) -> None:
    bad = tiny_copy / "instruments" / "tiny" / "v2.yaml"
    text = bad.read_text("utf-8").replace("type: faces", "type: emoji")
    bad.write_text(text.replace("id: pet", "id: home"))
    with pytest.raises(QuestionnaireError) as raised:
        load_catalogue(tiny_copy)
    messages = [problem.message for problem in raised.value.problems]
    assert any("'emoji' is not one of" in message for message in messages)
    assert "v2.yaml:" in str(raised.value)


def test_loading_refuses_a_published_file_that_was_edited(tiny_copy: Path) -> None:
    published = tiny_copy / "instruments" / "tiny" / "v1.yaml"
    published.write_text(published.read_text("utf-8").replace("Tiny survey", "Small survey"))
    with pytest.raises(QuestionnaireError, match="published version tiny@v1 was edited"):
        load_catalogue(tiny_copy)


def test_loading_refuses_a_published_file_missing_from_the_lock(tiny_copy: Path) -> None:
    (tiny_copy / "published.toml").write_text("")
    with pytest.raises(QuestionnaireError, match="tiny@v1 is published but not recorded"):
        load_catalogue(tiny_copy)


def test_loading_refuses_a_lock_entry_without_a_file(tiny_copy: Path) -> None:
    with (tiny_copy / "published.toml").open("a") as lock:
        lock.write('"tiny@v7" = "sha256:00"\n')
    with pytest.raises(QuestionnaireError, match="tiny@v7 is recorded but its file is missing"):
        load_catalogue(tiny_copy)


def test_loading_refuses_an_item_id_reused_with_other_options(tiny_copy: Path) -> None:
    other = tiny_copy / "instruments" / "other" / "v1.yaml"
    other.parent.mkdir()
    text = (tiny_copy / "instruments" / "tiny" / "v1.yaml").read_text("utf-8")
    text = text.replace("instrument: tiny", "instrument: other").replace(
        "status: published", "status: draft"
    )
    other.write_text(text.replace('"two_or_more"', '"two_plus"'))
    with pytest.raises(
        QuestionnaireError, match="item 'workers_this_year' has different type or options"
    ):
        load_catalogue(tiny_copy)
