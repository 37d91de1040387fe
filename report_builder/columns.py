"""Column names for every frame report_builder reads or writes: the one source of truth.

Other modules import these names rather than spelling strings, so a renamed column is a one-line
change (style.md §5.5, house rule 12).
"""

from __future__ import annotations

# Indicator counts and the displayed table built from them.
INDICATOR_ID = "indicator_id"
LA_CODE = "la_code"
AGE_BAND = "age_band"
NUMERATOR = "numerator"
DENOMINATOR = "denominator"
PERCENT = "percent"
CI_LOWER = "ci_lower"
CI_UPPER = "ci_upper"
MARKER = "marker"
NOTE = "note"

# Quasi-identifiers a breakdown may use (R-SDC-5).
GENDER = "gender"
ETHNICITY = "ethnicity"
PLACEMENT_TYPE = "placement_type"

# Free-text quotes (R-SDC-6).
QUOTE_ID = "quote_id"
QUOTE_TEXT = "text"
REVIEW_STATE = "review_state"
THEME = "theme"

# National benchmark file (report_builder/benchmarks/national.csv).
MEASURE_ID = "measure_id"
DESCRIPTION = "description"
POPULATION = "population"
AGE_MIN = "age_min"
AGE_MAX = "age_max"
VALUE_PCT = "value_pct"
YEAR = "year"
SOURCE_TITLE = "source_title"
SOURCE_URL = "source_url"
SAMPLE_SIZE = "sample_size"
CONFIDENCE = "confidence"
NOTES = "notes"

BENCHMARK_COLUMNS = (
    MEASURE_ID,
    INDICATOR_ID,
    DESCRIPTION,
    POPULATION,
    AGE_MIN,
    AGE_MAX,
    VALUE_PCT,
    YEAR,
    SOURCE_TITLE,
    SOURCE_URL,
    SAMPLE_SIZE,
    CONFIDENCE,
    NOTES,
)
