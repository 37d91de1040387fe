"""Invisible control characters: nobody can see or delete them, so no text we keep holds them."""

from __future__ import annotations

import re

# C0 controls, DEL and the C1 controls, except tab, line feed and carriage return, which people
# do type, and Unicode's noncharacters. PostgreSQL refuses NUL, and an HTML page that echoes any
# of them back is malformed.
_CONTROL_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
    )
    + "]"
)


def without_control_characters(text: str) -> str:
    """``text`` with every invisible control character removed and nothing else changed."""
    return _CONTROL_CHARACTERS.sub("", text)
