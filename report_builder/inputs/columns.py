"""Column names for every frame report_builder reads or writes: the one source of truth.

Other modules import these names rather than spelling strings, so a renamed column is a one-line
change (CR-12, docs/architecture.md).
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
POPULATION_TYPE = "population_type"
AGE_MIN = "age_min"
AGE_MAX = "age_max"
VALUE_PCT = "value_pct"
YEAR = "year"
SOURCE_TITLE = "source_title"
SOURCE_URL = "source_url"
SOURCE_TABLE = "source_table"
SAMPLE_SIZE = "sample_size"
CONFIDENCE = "confidence"
NOTES = "notes"

BENCHMARK_COLUMNS = (
    MEASURE_ID,
    INDICATOR_ID,
    DESCRIPTION,
    POPULATION,
    POPULATION_TYPE,
    AGE_MIN,
    AGE_MAX,
    VALUE_PCT,
    YEAR,
    SOURCE_TITLE,
    SOURCE_URL,
    SOURCE_TABLE,
    SAMPLE_SIZE,
    CONFIDENCE,
    NOTES,
)

# Responses frame (long format): one row per response and answered item (inputs.py).
# Skipped items have no row; a multi_choice answer is a JSON list string such as
# '["education", "work"]'; free text is the text itself. ``completed`` repeats on every row of a
# response. Repeated text columns may be pandas categoricals (the synthetic generator and the
# benchmark use them to keep ~3 million rows small).
RESPONSE_ID = "response_id"
ROUND_ID = "round_id"
PERIOD = "period"
INSTRUMENT = "instrument"
VERSION = "version"
CONTENT_HASH = "content_hash"
MODE = "mode"
LANGUAGE = "language"
ITEM_ID = "item_id"
VALUE = "value"
COMPLETED = "completed"

RESPONSE_COLUMNS = (
    RESPONSE_ID,
    ROUND_ID,
    LA_CODE,
    PERIOD,
    INSTRUMENT,
    VERSION,
    CONTENT_HASH,
    MODE,
    LANGUAGE,
    ITEM_ID,
    VALUE,
    COMPLETED,
)

# Quotes frame: one row per free-text answer put forward as a quote. Only rows whose
# ``review_state`` is "approved" may ever be shown (R-SDC-6 c).
QUOTE_COLUMNS = (QUOTE_ID, LA_CODE, ROUND_ID, INSTRUMENT, ITEM_ID, QUOTE_TEXT, REVIEW_STATE)

# Indicator counts (indicators.indicator_counts): AGE_BAND holds the instrument id, and
# FINGERPRINT the indicator's definition hash in the version answered, so only comparable
# versions are ever pooled or compared.
FINGERPRINT = "fingerprint"
COUNT_COLUMNS = (
    INDICATOR_ID,
    LA_CODE,
    ROUND_ID,
    PERIOD,
    AGE_BAND,
    FINGERPRINT,
    NUMERATOR,
    DENOMINATOR,
)
