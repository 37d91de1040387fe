"""``flask report build`` writes the same report as the app, from the command line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from survey_app.extensions import db
from survey_app.models import ModerationDecision
from tests.integration.reports.conftest import Demo
from tests.integration.reports.test_downloads import pdf_text
from tests.support.pdfs import image_count, shows

# Slow: each test builds whole reports; left out of `make test-fast`, run by `make test`.
pytestmark = [pytest.mark.xdist_group("reports"), pytest.mark.slow]
MARKUP_QUOTE = 'i want <b>more time with my brother &#999999999; <img src="/etc/passwd"/>'


def _build(app: Flask, round_id: int, kind: str, out: Path, *extra: str) -> list[Path]:
    args = ["report", "build", "--round", str(round_id), "--format", kind, "--out", str(out)]
    result = app.test_cli_runner().invoke(args=[*args, *extra])
    assert result.exit_code == 0, result.output
    return [Path(line) for line in result.output.split()]


def test_the_pdf_has_labels_comparisons_and_methods_and_no_small_bases(
    app: Flask, demo: Demo, tmp_path: Path
) -> None:
    [big] = _build(app, demo.current_round_id, "pdf", tmp_path)
    [small] = _build(app, demo.small_round_id, "pdf", tmp_path)

    text = pdf_text(big.read_bytes())
    assert "Trusts the adults they live with all or most of the time" in text
    assert "children in care in other areas" in text
    assert "since 2025" in text
    assert "Wilson" in text
    small_text = pdf_text(small.read_bytes())
    assert "[c]" in small_text
    bases = [int(n) for n in re.findall(r"n = (\d+)", small_text)]
    assert all(base >= 10 for base in bases)


def test_the_csv_files_are_every_table_with_markers_for_hidden_values(
    app: Flask, demo: Demo, tmp_path: Path
) -> None:
    paths = _build(app, demo.small_round_id, "csv", tmp_path)

    names = {path.name.rsplit("-", 1)[-1] for path in paths}
    assert {"indicators.csv", "comparisons.csv", "notes.csv"} <= names
    indicators = next(p for p in paths if p.name.endswith("-indicators.csv"))
    assert "[c]" in indicators.read_text(encoding="utf-8-sig")


def test_the_html_is_the_page_standing_alone_in_welsh(
    app: Flask, demo: Demo, tmp_path: Path
) -> None:
    [page] = _build(app, demo.current_round_id, "html", tmp_path, "--lang", "cy")

    html = page.read_text(encoding="utf-8")
    assert '<html lang="cy"' in html
    assert "<style>" in html
    assert "/static/" not in html
    assert "Perthnasoedd" in html


def test_an_unknown_round_is_refused(app: Flask, demo: Demo, tmp_path: Path) -> None:
    args = ["report", "build", "--round", "999999", "--out", str(tmp_path)]
    result = app.test_cli_runner().invoke(args=args)

    assert result.exit_code == 1
    assert "no survey round 999999" in result.output


@pytest.fixture
def markup_quotes(app: Flask, demo: Demo) -> Iterator[None]:
    """Every approved quote of the demo's current round reads ``MARKUP_QUOTE`` for one test."""
    query = select(ModerationDecision).where(
        ModerationDecision.round_id == demo.current_round_id,
        ModerationDecision.decision == "approved",
    )
    with app.app_context():
        originals = {d.id: d.quote for d in db.session.scalars(query)}
        for decision in db.session.scalars(query):
            decision.quote = MARKUP_QUOTE
        db.session.commit()
    yield
    with app.app_context():
        for decision in db.session.scalars(query):
            decision.quote = originals[decision.id]
        db.session.commit()


def test_the_pdf_prints_approved_quotes_holding_markup_as_typed(
    app: Flask, demo: Demo, markup_quotes: None, tmp_path: Path
) -> None:
    [pdf] = _build(app, demo.current_round_id, "pdf", tmp_path)

    assert shows(MARKUP_QUOTE, pdf_text(pdf.read_bytes()))
    assert image_count(pdf.read_bytes()) == 0  # Charts are vector drawings; no file is embedded.
