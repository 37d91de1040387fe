"""The report cache's files: one set per round and language, written whole, signed models."""

from __future__ import annotations

from pathlib import Path

import pytest

from survey_app.services.report_cache import MODEL, CacheKey, ReportCache


@pytest.fixture
def cache(tmp_path: Path) -> ReportCache:
    return ReportCache(tmp_path / "report-cache", b"secret")


def _names(cache: ReportCache) -> set[str]:
    return {path.name for path in cache.folder.iterdir()}


def test_a_stored_file_is_returned_without_building_it_again(cache: ReportCache) -> None:
    key = CacheKey(3, "en", "aaa")
    cache.file(key, "pdf", lambda: b"%PDF first")

    assert cache.file(key, "pdf", lambda: b"%PDF second") == b"%PDF first"


def test_a_new_fingerprint_replaces_every_older_entry_of_its_round_and_language(
    cache: ReportCache,
) -> None:
    old, other_language, other_round = (
        CacheKey(3, "en", "old"),
        CacheKey(3, "cy", "old"),
        CacheKey(30, "en", "old"),
    )
    for key in (old, other_language, other_round):
        cache.file(key, "pdf", lambda: b"%PDF")
    cache.file(old, "html", lambda: b"<p>")

    cache.file(CacheKey(3, "en", "new"), "html", lambda: b"<p>new")

    assert _names(cache) == {
        "round-3-en-new.html",
        "round-3-cy-old.pdf",
        "round-30-en-old.pdf",
    }


def test_a_model_whose_signature_does_not_match_is_built_again(cache: ReportCache) -> None:
    key = CacheKey(3, "en", "aaa")
    cache.report(key, lambda: "first")  # type: ignore[arg-type,return-value]
    stored = cache.folder / key.file_name(MODEL)
    stored.write_bytes(b"x" * 32 + stored.read_bytes()[32:])

    rebuilt = cache.report(key, lambda: "second")  # type: ignore[arg-type,return-value]

    assert rebuilt == "second"


def test_the_folder_is_the_apps_alone(cache: ReportCache) -> None:
    cache.file(CacheKey(3, "en", "aaa"), "pdf", lambda: b"%PDF")

    assert cache.folder.stat().st_mode & 0o077 == 0
    assert all(path.stat().st_mode & 0o077 == 0 for path in cache.folder.iterdir())
