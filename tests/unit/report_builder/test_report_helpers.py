"""Specification of the small helpers behind fast report building: catalogue memo, records."""

from __future__ import annotations

import pandas as pd

from questionnaires import comparable, load_catalogue
from report_builder.inputs import catalogue_memo
from report_builder.inputs.frames import records


def test_remembered_catalogue_answers_are_the_catalogues_own():
    catalogue = load_catalogue()
    versions = list(catalogue.versions.values())

    for indicator in catalogue.indicators:
        for version in versions:
            reads = indicator.source_item(version) is not None
            assert catalogue_memo.has_source(indicator, version) == reads
            if reads:
                assert catalogue_memo.fingerprint(indicator, version) == indicator.fingerprint(
                    version
                )
            for other in versions:
                expected = comparable(indicator, version, other)
                assert catalogue_memo.is_comparable(indicator, version, other) == expected


def test_the_memo_forgets_everything_past_its_size(monkeypatch):
    catalogue = load_catalogue()
    monkeypatch.setattr(catalogue_memo, "_MEMO", {})
    monkeypatch.setattr(catalogue_memo, "MAX_ENTRIES", 2)
    version = next(iter(catalogue.versions.values()))

    for indicator in catalogue.indicators[:5]:
        catalogue_memo.has_source(indicator, version)

    assert len(catalogue_memo._MEMO) <= 2


def test_records_are_to_dict_records_with_missing_values_as_na():
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "count": pd.array([3, None], dtype="Int64"),
            "share": pd.array([0.5, None], dtype="Float64"),
            "n": [10, 20],
            "flag": [True, False],
        }
    )

    as_none = [{k: None if v is pd.NA else v for k, v in row.items()} for row in records(frame)]
    assert as_none == frame.to_dict("records")
    assert [type(row["n"]) for row in records(frame)] == [int, int]
