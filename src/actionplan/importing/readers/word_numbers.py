"""Word's automatic numbering: the number a list paragraph shows ("1.", "2.3", "b)", "iv."),
which Word draws from the numbering part and is no text of the paragraph.

A paragraph is numbered by its own w:numPr or by its style's, a style's taken from the style
it is based on where it says nothing itself (w:basedOn); a level no numPr gives is the one the
list links to the style (w:lvl/w:pStyle), as Word's numbered headings are. The list (w:num)
names an abstract list whose levels say how each number is written (w:numFmt) and shown
(w:lvlText, "%1.%2."), a legal level (w:isLgl) showing every number in figures ("1.1" under
"I."). Lists sharing an abstract list count on together, as Word does, unless a list starts a
level again (w:startOverride); a number restarts the levels below it; a level may start at 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

BULLET = "•"
_LEVELS = 9


@dataclass(frozen=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    legal: bool = False  # w:isLgl: every number of its text in figures
    style: str | None = None  # w:pStyle: the paragraph style numbered at this level


@dataclass
class _List:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride by level
    met: bool = False


class WordNumbers:
    """The numbers of a document's list paragraphs, read in the document's order."""

    def __init__(self, document: Any) -> None:
        numbering = _numbering_element(document)
        self.levels: dict[str, dict[int, _Level]] = {}
        self.lists: dict[str, _List] = {}
        self.styles = _style_numbers(document)
        # None: a level not yet counted since the number above it (a level may start at 0).
        self.counts: dict[str, list[int | None]] = {}
        if numbering is None:
            return
        for abstract in numbering.iterchildren(qn("w:abstractNum")):
            self.levels[abstract.get(qn("w:abstractNumId"))] = {
                _number(lvl.get(qn("w:ilvl")), 0): _level(lvl)
                for lvl in abstract.iterchildren(qn("w:lvl"))}
        for num in numbering.iterchildren(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            if abstract_id is None:
                continue
            starts = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[_number(override.get(qn("w:ilvl")), 0)] = _number(start.get(qn("w:val")), 1)
            self.lists[num.get(qn("w:numId"))] = _List(abstract_id.get(qn("w:val")), starts)

    def label(self, p: Any) -> str | None:
        """The number paragraph p shows ("1.2"), BULLET for a bullet, None when it is no
        list paragraph. Called once a paragraph, in order: each call counts."""
        found = self._num_pr(p)
        if found is None:
            return None
        num_id, level = found
        listed = self.lists.get(num_id)
        levels = self.levels.get(listed.abstract, {}) if listed else {}
        if listed is None or level not in levels:
            return BULLET if num_id != "0" else None  # numId 0: numbering taken off
        if levels[level].fmt in ("bullet", "none") or "%" not in levels[level].text:
            return BULLET
        counts = self.counts.setdefault(listed.abstract, [None] * _LEVELS)
        if not listed.met:
            listed.met = True
            for restarted, start in listed.starts.items():
                counts[restarted:] = [start - 1] + [None] * (_LEVELS - restarted - 1)
        counted = counts[level]
        counts[level] = levels[level].start if counted is None else counted + 1
        counts[level + 1:] = [None] * (_LEVELS - level - 1)
        return _shown(levels, counts, level)

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        """(list id, level) from the paragraph's numPr, else from its style's; a level given by
        neither is the list's level linked to the style, else the first."""
        properties = p.pPr
        num_pr = properties.numPr if properties is not None else None
        style = properties.pStyle.val if properties is not None and properties.pStyle is not None \
            else None
        from_style = self.styles.get(style or "", _StyleNumber())
        num_id = (_val(num_pr, "w:numId") if num_pr is not None else None) or from_style.num_id
        if num_id is None:
            return None
        level = (_val(num_pr, "w:ilvl") if num_pr is not None else None) or from_style.level
        if level is None and from_style.num_id == num_id:
            level = self._linked_level(num_id, from_style.named_by)
        return num_id, _number(level, 0)

    def _linked_level(self, num_id: str, style: str | None) -> str | None:
        """The list's level naming the style (w:pStyle), as Word links numbered headings."""
        listed = self.lists.get(num_id)
        levels = self.levels.get(listed.abstract, {}) if listed else {}
        return next((str(number) for number, shown in levels.items() if shown.style == style),
                    None)


def _shown(levels: dict[int, _Level], counts: list[int | None], level: int) -> str:
    text, legal = levels[level].text, levels[level].legal
    for above in range(level, -1, -1):  # %10 is no level: from the deepest down
        placeholder = f"%{above + 1}"
        if placeholder in text:
            shown = levels.get(above, _Level())
            count = counts[above]
            number = shown.start if count is None else count
            text = text.replace(placeholder, _formatted(number, "decimal" if legal else shown.fmt))
    return text.strip()


def _formatted(number: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)  # decimal, and any format not read: its figure


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out += numeral * count
    return out


def _level(lvl: Any) -> _Level:
    return _Level(_number(_val(lvl, "w:start"), 1),
                  _val(lvl, "w:numFmt") or "decimal", _val(lvl, "w:lvlText") or "",
                  _on(lvl, "w:isLgl"), _val(lvl, "w:pStyle"))


def _on(element: Any, tag: str) -> bool:
    """A switch such as <w:isLgl/>: on when present, unless its value says off."""
    child = element.find(qn(tag))
    return child is not None and child.get(qn("w:val")) not in ("0", "false", "off")


def _val(element: Any, tag: str) -> str | None:
    child = element.find(qn(tag))
    value = child.get(qn("w:val")) if child is not None else None
    return str(value) if value is not None else None


def _numbering_element(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # a document with no numbering part
        return None


@dataclass(frozen=True)
class _StyleNumber:
    num_id: str | None = None
    level: str | None = None
    named_by: str | None = None  # the style whose numPr gave the list: a level may name it


def _style_numbers(document: Any) -> dict[str, _StyleNumber]:
    """Each paragraph style's list and level, for paragraphs numbered by their style: each
    taken from the nearest style up the basedOn chain that gives it, as Word inherits them
    one by one (a style may give the level alone, its base the list)."""
    styles = {style.get(qn("w:styleId")): style
              for style in document.styles.element.iterchildren(qn("w:style"))}
    found: dict[str, _StyleNumber] = {}
    for style_id in styles:
        num_id = level = named_by = None
        seen: set[str] = set()
        at: str | None = style_id
        while at is not None and at in styles and at not in seen:  # a loop of basedOn ends
            seen.add(at)
            properties = styles[at].find(qn("w:pPr"))
            num_pr = properties.find(qn("w:numPr")) if properties is not None else None
            if num_pr is not None:
                if num_id is None and (num_id := _val(num_pr, "w:numId")):
                    named_by = at
                level = level or _val(num_pr, "w:ilvl")
            at = _val(styles[at], "w:basedOn")
        if num_id:
            found[style_id] = _StyleNumber(num_id, level, named_by)
    return found


def _number(value: str | None, otherwise: int) -> int:
    """A level or start as Word writes it; a value no Word writes (hand-edited XML) reads as the
    default, so a damaged list shows its numbers from there rather than stopping the import."""
    return int(value) if value is not None and value.isdigit() else otherwise
