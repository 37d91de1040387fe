"""Fixed PDF wording in English and Welsh (Welsh is a first draft awaiting review)."""

from __future__ import annotations

from report_builder.report.wording import Language

_WORDS: dict[str, dict[Language, str]] = {
    "subject": {
        "en": "What children in care and care leavers told us",
        "cy": "Beth ddywedodd plant mewn gofal ac ymadawyr gofal wrthym",
    },
    "not_accessible": {
        "en": "This PDF is not fully accessible: screen readers cannot follow its headings and "
        "tables. Please use the HTML version of this report and its data files (CSV), which "
        "hold the same figures.",
        "cy": "Nid yw'r PDF hwn yn gwbl hygyrch: ni all darllenwyr sgrin ddilyn ei benawdau a'i "
        "dablau. Defnyddiwch fersiwn HTML yr adroddiad hwn a'i ffeiliau data (CSV), sy'n "
        "cynnwys yr un ffigurau.",
    },
    "footer": {
        "en": "Not fully accessible: use the HTML version and CSV data.",
        "cy": "Ddim yn gwbl hygyrch: defnyddiwch y fersiwn HTML a'r data CSV.",
    },
    "page": {"en": "Page", "cy": "Tudalen"},
    "generated": {"en": "Produced on", "cy": "Cynhyrchwyd ar"},
    "contents": {"en": "Contents", "cy": "Cynnwys"},
    "summary": {"en": "Summary", "cy": "Crynodeb"},
    "bright_spots": {"en": "Bright spots", "cy": "Mannau disglair"},
    "areas": {"en": "Areas for improvement", "cy": "Meysydd i'w gwella"},
    "worth_looking_into": {"en": "Worth looking into", "cy": "Gwerth edrych arnynt"},
    "caution": {"en": "Treat with caution", "cy": "Byddwch yn ofalus"},
    "provisional_footer": {
        "en": "Provisional figures: this round is still open.",
        "cy": "Ffigurau dros dro: mae'r rownd hon yn dal ar agor.",
    },
    "none": {"en": "None called out.", "cy": "Dim wedi'u nodi."},
    "who_took_part": {"en": "Who took part", "cy": "Pwy gymerodd ran"},
    "respondents": {"en": "Respondents", "cy": "Ymatebwyr"},
    "population": {"en": "Eligible", "cy": "Yn gymwys"},
    "rate": {"en": "Response rate", "cy": "Cyfradd ymateb"},
    "age_band": {"en": "Age group", "cy": "Grŵp oedran"},
    "group": {"en": "Group", "cy": "Grŵp"},
    "count": {"en": "Number", "cy": "Nifer"},
    "percent": {"en": "Per cent", "cy": "Y cant"},
    "indicator": {"en": "Measure", "cy": "Mesur"},
    "interval": {"en": "95% interval", "cy": "Cyfwng 95%"},
    "comparisons": {"en": "Compared with", "cy": "O'i gymharu â"},
    "quotes": {"en": "In their own words", "cy": "Yn eu geiriau eu hunain"},
    "methods": {"en": "How the figures were worked out", "cy": "Sut y cyfrifwyd y ffigurau"},
    "sources": {"en": "National figures used", "cy": "Ffigurau cenedlaethol a ddefnyddiwyd"},
}


def pdf_text(language: Language) -> dict[str, str]:
    """Every fixed PDF phrase in ``language``."""
    return {key: texts[language] for key, texts in _WORDS.items()}
