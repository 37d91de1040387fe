"""Text a respondent or a member of staff might type that a PDF or spreadsheet could mistake
for instructions: ReportLab markup, entities, formula triggers, control characters, very long
words, right-to-left script and emoji. Hypothesis strategies for the property tests."""

from __future__ import annotations

import re

from hypothesis import strategies as st

MARKUP = (
    "<",
    "&",
    "<b>",
    "</para>",
    "i want <b>more time with my brother",
    '<img src="/etc/passwd"/>',
    "&#999999999;",
    '<font name="x">',
    "<a href='javascript:alert(1)'>click</a>",
    "<onDraw name='x'/>",
    "&amp; &lt; &nbsp;",
    "<![CDATA[x]]> <!-- x",
)
"""Markup and entities that print exactly as typed once escaped (DejaVu Sans has every glyph)."""

FORMULAS = (
    '=HYPERLINK("http://evil.test","Click for help")',
    "=1+1",
    "+44 20 7946 0000",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=cmd",
    "\r=cmd",
    "-",
)
"""Cells a spreadsheet would run as formulas (OWASP's list of first characters)."""

OTHER = (
    "\x00\x07\x1b\x7f",
    "w" * 600,
    "مرحبا، أريد المزيد من الوقت",
    "😀👍🏽🏳️‍🌈",
    "\u202eevil\u202c \u200b\ufeff",
)

literal_text = st.one_of(
    st.sampled_from(MARKUP + FORMULAS[:5]),
    st.text(st.characters(codec="latin-1", categories=("L", "N", "P", "S")), min_size=1),
)
"""Printable text whose every character the PDFs' font can show, so it can be read back."""

untrusted_text = st.one_of(
    st.sampled_from(MARKUP + FORMULAS + OTHER),
    st.text(),
    st.tuples(st.sampled_from(MARKUP + FORMULAS + OTHER), st.text()).map("".join),
)
"""Anything at all, leaning towards the nasty cases."""

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""What the answer service removes from free text (tab and line breaks stay); openpyxl refuses
these characters, so no spreadsheet is ever asked to hold them."""

stored_text = untrusted_text.map(lambda text: CONTROL_CHARACTERS.sub("", text)).filter(bool)
"""Anything at all, as the app stores it."""
