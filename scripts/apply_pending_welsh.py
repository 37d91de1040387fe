"""Fill the Welsh catalogue from the pending JSON files, and list what is still missing.

Engineers who add interface strings put their Welsh in a pending JSON file (``{"msgid": "Welsh"}``)
so that parallel work never collides in the ``.po`` file. ``make translations`` runs this after
``pybabel update``; the merged entries then live in the catalogue, and the pending files can go.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

TRANSLATIONS = Path(__file__).resolve().parent.parent / "survey_app" / "translations"
CATALOGUE = TRANSLATIONS / "cy" / "LC_MESSAGES" / "messages.po"


def pending_welsh() -> dict[str, str]:
    """Every pending msgid → Welsh pair, later files winning on a clash."""
    merged: dict[str, str] = {}
    for path in sorted((TRANSLATIONS / "pending").glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def main() -> int:
    """Apply the pending Welsh; exit 1 when any message is still untranslated."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="cy")
    welsh = pending_welsh()
    for message in catalogue:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if message.id and key in welsh:
            message.string = welsh[key]
            message.flags.discard("fuzzy")
    with CATALOGUE.open("wb") as handle:
        write_po(handle, catalogue, width=100)
    missing = [m.id for m in catalogue if m.id and (not m.string or m.fuzzy)]
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
