"""Posters and cards print Welsh letters, not black boxes (Helvetica stops at Latin-1)."""

from __future__ import annotations

import pytest

from survey_app.services.posters import PosterText, cards_pdf, poster_pdf
from tests.support.pdfs import pdf_text

WELSH = PosterText(
    title="Bywyd yn eich tŷ",
    round_name="Cyngor Bro Ŵyŷ 2026",
    scan="Sganiwch y cod neu ewch i",
    code_label="Cod:",
    privacy="Does neb yn gwybod pwy ŷch chi",
    language="cy",
)


@pytest.mark.parametrize("make_pdf", [poster_pdf, cards_pdf])
def test_welsh_circumflexes_print_on_posters_and_cards(make_pdf) -> None:
    pdf = make_pdf(["ABCD-EFGH"], lambda code: f"https://example.test/s/{code}", WELSH)

    text = pdf_text(pdf)

    assert "Bywyd yn eich tŷ" in text
