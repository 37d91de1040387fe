"""Specification of the load bench's baselines: the plain one, and the one with Care Voices'
round trips, which differs from it only in its reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from bench import baseline_app


def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, reads: bool) -> Flask:
    url = f"sqlite:///{tmp_path / 'baseline.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    baseline_app.ensure_table(url)
    return baseline_app.create(reads=reads)


@pytest.mark.parametrize(("reads", "page_sql", "save_sql"), [(False, 0, 1), (True, 1, 2)])
def test_a_question_cycle_sends_the_statements_of_its_kind_of_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reads: bool, page_sql: int, save_sql: int
) -> None:
    client = served(tmp_path, monkeypatch, reads=reads).test_client()

    page = client.get("/q/3")
    saved = client.post("/q/3", data={"action": "continue", "answer": "often"})

    assert (page.status_code, page.headers["X-Bench-SQL"]) == (200, str(page_sql))
    assert (saved.status_code, saved.headers["X-Bench-SQL"]) == (303, str(save_sql))
    assert saved.headers["Location"] == "/q/4"
