"""Columns of text for a terminal: a CJK character takes two columns, a combining mark none, so
padding by the number of characters misaligns a table that holds 凱基 or 恒生."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """How many terminal columns `text` takes (East Asian wide and full-width: two)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, columns: int) -> str:
    """`text` left-aligned in `columns` terminal columns (never cut)."""
    return text + " " * max(0, columns - display_width(text))
