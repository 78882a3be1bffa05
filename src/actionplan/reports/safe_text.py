"""Keep spreadsheet cells text: a cell starting with =, +, -, @, a tab or a carriage return is
run as a formula by Excel and LibreOffice (CSV/formula injection). Such text is written with a
leading apostrophe and read back without it."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def unescape(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text
