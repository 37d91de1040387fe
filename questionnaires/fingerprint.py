"""Hashes that decide what may be compared.

``content_hash`` freezes a whole file (the lock records it). ``indicator_fingerprint`` covers
only what one indicator uses in one version: the item id, type, English question wording and
option codes of its source item and of any item its base rule looks at, plus the positive set
and the base rule. Two versions are comparable for an indicator exactly when these match, so a
reworded unrelated question never breaks a trend line, and a changed scale always does.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from questionnaires.model import Indicator, InstrumentVersion, Item


def content_hash(data: bytes) -> str:
    """``"sha256:<hex>"`` of the exact bytes of a file."""
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _describe(item: Item) -> dict[str, object]:
    return {
        "id": item.id,
        "type": item.type,
        "text": item.text.en,
        "options": list(item.option_values),
    }


def indicator_fingerprint(indicator: Indicator, version: InstrumentVersion) -> str:
    """``"sha256:<hex>"`` over what ``indicator`` reads in ``version``.

    Raises ``LookupError`` when the indicator reads no item in that version.
    """
    item = indicator.source_item(version)
    if item is None:
        raise LookupError(f"indicator {indicator.id!r} reads no item in {version.key}")
    definition = {
        "item": _describe(item),
        "positive": sorted(indicator.positive),
        "excluded": sorted(indicator.base.excluded),
        "when": [
            {"item": _describe(version.item(c.item)), "in": sorted(c.values)}
            for c in indicator.base.when
        ],
    }
    canonical = json.dumps(definition, sort_keys=True, ensure_ascii=False).encode()
    return content_hash(canonical)


def comparable(
    indicator: Indicator, version_a: InstrumentVersion, version_b: InstrumentVersion
) -> bool:
    """True only when ``indicator`` reads identical items, options and scoring in both versions."""
    if indicator.source_item(version_a) is None or indicator.source_item(version_b) is None:
        return False
    return indicator_fingerprint(indicator, version_a) == indicator_fingerprint(
        indicator, version_b
    )
