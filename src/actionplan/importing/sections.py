"""What kind of grouping a section is: an agency, a learning theme or a board function."""

from __future__ import annotations

import re

from .draft import Section

_AGENCY_WORDS = re.compile(
    r"\b(council|nhs|trust|police|constabulary|services?|association|hospitals?|barnardo'?s"
    r"|ccg|housing|probation|school|academy|health|healthcare|citihealth|authority"
    r"|department|adults|charity|partnership)\b", re.I)


def section_kind(name: str, plan_kind: str) -> str:
    if plan_kind == "workplan" or re.search(r"\bfunction\b", name, re.I):
        return "function"
    if plan_kind == "composite_action_plan":
        return "theme"
    if _AGENCY_WORDS.search(name) and not _LOWER_CASE_WORD.search(name):
        return "agency"
    return "other"


# An agency's name capitalises its words ("Nottingham University Hospitals NHS Trust"); a
# theme is a phrase ("Hospital discharge", "Health and wellbeing of carers").
_LOWER_CASE_WORD = re.compile(r"(?<![\w'/-])(?!(?:and|of|the|for|in|on|at|to)\b)[a-z][a-z]+\b")


def make_sections(names: list[str], plan_kind: str) -> list[Section]:
    return [Section(name, section_kind(name, plan_kind)) for name in names]
