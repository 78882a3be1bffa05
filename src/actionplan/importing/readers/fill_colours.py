"""A cell's fill colour read as a RAG rating, as a person reading the tracker would."""

from __future__ import annotations

import colorsys

_ROWS_NAMED = 10  # in a warning; a long tracker's rows are counted after these


def colour_messages(read: dict[tuple[str, str | None], list[int]]) -> list[tuple[int, str]]:
    """(first row, message) for each fill colour read in a RAG column, with its rows: what
    was inferred, for the person importing to check."""
    found = []
    for (rgb, rag), rows in read.items():
        said = (f"RAG read from cell colour {rgb} as {rag}" if rag else
                f"RAG cell colour {rgb} is no rating: left empty")
        found.append((rows[0], f"{said} ({rows_named(rows)})"))
    return found


def rows_named(rows: list[int]) -> str:
    shown = ", ".join(map(str, rows[:_ROWS_NAMED]))
    more = len(rows) - _ROWS_NAMED
    return f"row{'s' if len(rows) > 1 else ''} {shown}" + (f" and {more} more" if more > 0
                                                           else "")


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


# Excel numbers a theme's colours light 1, dark 1, light 2, dark 2, then the six accents;
# the theme file lists dark 1, light 1, dark 2, light 2, accents.
_THEME_ORDER = (1, 0, 3, 2, 4, 5, 6, 7, 8, 9)
_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def theme_colours(theme_xml: bytes | None) -> list[str]:
    """A workbook theme's colours as RGB, in the order Excel's theme numbers use."""
    if not theme_xml:
        return []
    from xml.etree import ElementTree

    try:
        scheme = ElementTree.fromstring(theme_xml).find(f".//{_DRAWING}clrScheme")
    except ElementTree.ParseError:
        return []
    listed: list[str] = []
    for entry in list(scheme) if scheme is not None else []:
        colour = entry.find(f"{_DRAWING}srgbClr")
        system = entry.find(f"{_DRAWING}sysClr")
        listed.append(colour.get("val", "") if colour is not None else
                      system.get("lastClr", "") if system is not None else "")
    return [listed[i] for i in _THEME_ORDER if i < len(listed)]


def tinted(rgb: str, tint: float) -> str:
    """A theme colour lightened (tint > 0) or darkened (tint < 0) as Excel shows it."""
    red, green, blue = (int(rgb[-6:][i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    lightness = lightness * (1 + tint) if tint < 0 else lightness * (1 - tint) + tint
    return "".join(f"{round(c * 255):02X}" for c in colorsys.hls_to_rgb(hue, lightness,
                                                                          saturation))
