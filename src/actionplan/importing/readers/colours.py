"""A cell's fill colour read as a RAG rating, as a person reading the tracker would."""

from __future__ import annotations

import colorsys


def rag_of_colour(rgb: str) -> str | None:
    """"FFC000" (or "FFFFC000" with alpha) → "amber"; None for white, black or no colour.

    By hue, since boards pick their own shades: reds, then orange to yellow (amber), greens,
    blues; a colour with little saturation is grey (a "closed" or "not yet due" row)."""
    hex_part = rgb[-6:]
    if len(hex_part) != 6 or any(c not in "0123456789abcdefABCDEF" for c in hex_part):
        return None
    red, green, blue = (int(hex_part[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if lightness > 0.95 or lightness < 0.08:
        return None  # white or black: no fill a person would read as a rating
    if saturation < 0.2:
        return "grey"
    degrees = hue * 360
    if degrees < 15 or degrees >= 330:
        return "red"
    if degrees < 70:
        return "amber"
    if degrees < 170:
        return "green"
    if degrees < 260:
        return "blue"
    return None  # purples and pinks are no rating
