"""Text is fitted to its box by measuring it: as large as it may be, never wider than the box."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from report_builder.render.fonts import sans_fonts
from survey_app.services.print_fit import ELLIPSIS, Spec, fit

REGULAR, BOLD = sans_fonts()


def test_short_text_keeps_the_largest_size_on_one_line() -> None:
    fitted = fit("Your code: otter-maple-42", 300, Spec(BOLD, 20, 8))

    assert (fitted.lines, fitted.size) == (("Your code: otter-maple-42",), 20)


def test_text_shrinks_until_it_fits_the_lines_allowed() -> None:
    text = "Rhondda Cynon Taf County Borough Council"

    fitted = fit(text, 200, Spec(REGULAR, 12, 6, 1))

    assert fitted.lines == (text,)
    assert fitted.size < 12
    assert stringWidth(text, REGULAR, fitted.size) <= 200


def test_a_word_longer_than_the_line_is_broken_between_letters() -> None:
    link = "https://care-voices.example.gov.uk/s/otter-maple-42"

    fitted = fit(link, 60, Spec(REGULAR, 8, 8, 10))

    assert "".join(fitted.lines) == link
    assert all(stringWidth(line, REGULAR, 8) <= 60 for line in fitted.lines)


def test_text_too_long_even_at_the_smallest_size_ends_in_an_ellipsis_within_the_box() -> None:
    fitted = fit("Council " * 80, 100, Spec(REGULAR, 9, 6, 2))

    assert len(fitted.lines) == 2
    assert fitted.size == 6
    assert fitted.lines[-1].endswith(ELLIPSIS)
    assert all(stringWidth(line, REGULAR, 6) <= 100 for line in fitted.lines)
