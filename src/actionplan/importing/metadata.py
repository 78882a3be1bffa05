"""The plan's title block: board, review codes, kind of plan and date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .draft import Item, Plan

# The bodies that publish reviews' plans, under their names old and new: safeguarding
# children boards (LSCBs) and the partnerships that replaced them, safeguarding adults
# boards, and the community safety partnerships that own domestic homicide reviews.
_BODY = (r"(?:Local\s+)?Safeguarding\s+(?:Children(?:'s)?|Adults?)\s+(?:Board|Partnership)"
         r"|(?:Children(?:'s)?|Adults?)\s+Safeguarding\s+(?:Board|Partnership)"
         r"|Safeguarding\s+(?:Partnership|Board)(?:\s+for\s+(?:Children|Adults))?"
         r"|Community\s+Safety\s+Partnership")
# A place's name is up to three capitalised words ("Haldon Vale", "Tower Hamlets"), or two
# joined by "and"; never a word of the title around it ("Action Plan Haldon Vale…").
_PLACE_WORD = (r"(?-i:(?!(?:The|Action|Plan|Review|Report|Annual|Case|Serious|Safeguarding)\b)"
               r"[A-Z][\w'-]+)")
_BOARD = re.compile(
    r"\b((?:(?:North|South|East|West|Central|Greater|Mid)\s+)?"
    rf"{_PLACE_WORD}(?:\s+and\s+{_PLACE_WORD}|(?:\s+{_PLACE_WORD}){{0,2}})\s+(?:{_BODY})"
    r"|Safer\s+[A-Z][\w'-]+\s+Partnership)\b", re.I)
_REVIEW_CODE = re.compile(r"\b([A-Z]{2}\d{2}|Child [A-Z]|Adult [A-Z]|Case [A-Z])\b")
# A review named by its subject's pseudonym in quotes after the kind of review:
# "SAR 'Mrs B'", "Domestic Homicide Review: ‘Adam’", "CSPR “Child Q”".
_REVIEW_KIND = (r"(?:SCR|L?CSPR|SAR|DHR|DARDR|Serious\s+Case\s+Review|Rapid\s+Review"
                r"|Safeguarding\s+Adults?\s+Review|Domestic\s+(?:Homicide|Abuse\s+Related\s+Death)"
                r"\s+Review|(?:Local\s+)?Child\s+Safeguarding\s+Practice\s+Review)")
# A review numbered by the board, on a line naming a kind of review: "Rapid review RR-26-07",
# "CSPR/2024/01 action plan" (letters, then numbers parted by a dash or slash; never "Q3").
_NUMBERED_REVIEW = re.compile(r"\b([A-Z]{2,5}[-/]\d{2,4}(?:[-/]\d{1,4})?)(?![-/\w])")
_REVIEW_NAMED = re.compile(
    rf"\b{_REVIEW_KIND}\s*[:–-]?\s*(?:into\s+)?['‘\"“]([^'’\"”]{{1,40}})['’\"”]", re.I)
# Or unquoted, right after the kind and a colon or dash, or "into the death of": "SAR: Mr D",
# "Domestic Homicide Review into the death of Jean - action plan". A pseudonym is a title and
# an initial or one name, standing alone up to a dash, comma or the line's end.
_REVIEW_UNQUOTED = re.compile(
    rf"\b{_REVIEW_KIND}(?:\s*(?::|[–-]|\s+into\s+the\s+death\s+of)\s*"
    r"(?-i:((?:Mr|Mrs|Ms|Miss|Baby|Child|Adult)\.?\s+[A-Z]|[A-Z][a-z]+))"
    # A title and an initial need no colon or dash: "SAR Mr T - actions".
    r"|\s+(?-i:((?:Mr|Mrs|Ms|Miss|Baby)\.?\s+[A-Z])))(?=\s*(?:$|[-–—,:(]))",
    re.I | re.M)
_NO_NAMES = frozenset(("action", "actions", "update", "overview", "summary", "report",
                       "learning", "recommendations", "plan", "progress"))
_MONTH_YEAR = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d{2})\b", re.I)
# A date in figures is the plan's only where a label says it is a date: "Date of report:
# 12/04/2027", "Date agreed: 3.2.27"; other figures in a title block are periods or versions.
_LABELLED_DATE = re.compile(
    r"\bdate\b[^:]{0,30}:\s*\d{1,2}[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)?\d{2})(?!\d)", re.I)
_KINDS = (
    ("composite_action_plan", re.compile(r"composite\s+action\s+plan", re.I)),
    ("workplan", re.compile(r"\bwork\s*plan\b", re.I)),
    ("improvement_plan", re.compile(r"\bimprovement\s+plan\b", re.I)),
    ("review_action_plan", re.compile(r"\baction\s+(?:plan|tracker)\b", re.I)),
)
# An e-mail's subject as pasted above a plan: "Subject: RE: FW: SAR Mrs K - actions agreed".
_EMAIL_LABELS = re.compile(r"^\s*(?:subject\s*:\s*)?(?:(?:re|fwd?)\s*:\s*)*", re.I)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_TITLE_WORDS = 12  # longer lines are prose, whose dates and names are not the plan's


def read_plan(lines: Sequence[str], items: Sequence[Item], fallback_title: str) -> Plan:
    short = [line for line in lines if 0 < len(line.split()) <= _TITLE_WORDS
             and not line.endswith(".")]
    block = " ".join(short)
    title, kind = _title(short)
    plan = Plan(title=title or fallback_title, kind=kind, notes=list(lines))
    # A line of its own names the board best (the block runs a logo's words into the name);
    # a name broken over lines, or a long title line, still names it when no line does.
    board = (next((found for line in short if (found := _BOARD.search(line))), None)
             or _BOARD.search(block) or _BOARD.search(" ".join(lines)))
    plan.board = _board_name(board.group(1)) if board else None
    named = [name.strip() for name in _REVIEW_NAMED.findall(block)] + [
        name for line in short for name in _unquoted_names(line)]
    plan.reviews = list(dict.fromkeys(_REVIEW_CODE.findall(block) + _numbered(short) + named))
    if plan.kind == "composite_action_plan" and not plan.reviews:
        # A composite plan's reviews are the ones its lines cite.
        cited = {ref for item in items for ref in item.review_refs if ref.lower() != "all"}
        plan.reviews = sorted(cited)
    plan.date = _plan_date(short)
    return plan


def _plan_date(lines: Sequence[str]) -> str | None:
    """yyyy-mm of the title block: a month and year anywhere in it, else a labelled date."""
    block = " ".join(lines)
    if date := _MONTH_YEAR.search(block):
        return f"{date.group(2)}-{_MONTHS.index(date.group(1).lower()) + 1:02d}"
    for line in lines:
        if (labelled := _LABELLED_DATE.search(line)) and 1 <= int(labelled["m"]) <= 12:
            year = labelled["y"] if len(labelled["y"]) == 4 else f"20{labelled['y']}"
            return f"{year}-{int(labelled['m']):02d}"
    return None


def names_a_plan(text: str) -> bool:
    """"Improvement Plan", "WORKPLAN 2007 / 2008": a title, never a section."""
    return _kind_named(text) is not None


def _kind_named(text: str) -> str | None:
    """The first kind of plan the text names, in _KINDS order."""
    return next((kind for kind, pattern in _KINDS if pattern.search(text)), None)


def _title(lines: Sequence[str]) -> tuple[str | None, str]:
    """The first line naming a kind of plan, and that kind; else the first naming a review (an
    e-mail's subject, a note's heading: "DHR 'Rosa' - actions from the panel"), as the board
    would title the plan rather than by its file's name. An e-mail's labels are no title."""
    for line in lines:
        kind = _kind_named(line)
        if kind:
            return _EMAIL_LABELS.sub("", line), kind
    naming = next((line for line in lines if _names_a_review(line)), None)
    return (_EMAIL_LABELS.sub("", naming) if naming else None), "review_action_plan"


def _names_a_review(line: str) -> bool:
    """"SAR 'Mrs B'", "Rapid Review: Baby T", "Serious Case Review Child A"."""
    return bool(_REVIEW_NAMED.search(line) or _unquoted_names(line) or _numbered([line]) or (
        _REVIEW_CODE.search(line) and re.search(_REVIEW_KIND, line, re.I)))


def _numbered(lines: Sequence[str]) -> list[str]:
    return [code for line in lines if re.search(_REVIEW_KIND, line, re.I)
            for code in _NUMBERED_REVIEW.findall(line)]


def _unquoted_names(line: str) -> list[str]:
    return [" ".join(name.split()) for found in _REVIEW_UNQUOTED.findall(line)
            for name in found if name and name.lower() not in _NO_NAMES]


def _board_name(raw: str) -> str:
    words = raw.split()
    if raw.isupper() or any(w.isupper() and len(w) > 4 for w in words):
        words = [w.capitalize() for w in words]  # "NOTTINGHAMSHIRE SAFEGUARDING…" shouted
    return " ".join(words)
