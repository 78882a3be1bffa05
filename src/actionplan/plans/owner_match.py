"""Which of the partnership's agencies an imported owner names, and how sure that is.

The importer reads an owner cell into the agency and the role it names ("Head of
Safeguarding, Eastshire CCG" -> "Eastshire CCG", "Head of Safeguarding"). Here that agency
wording is matched to the partnership's agencies by name and alias. A match is trusted only
when confident; a wording that merely contains a one-word alias ("Cross authority 'Health
co-sleeping' group" and an agency called "Health") is no match, and two agencies matching
equally well are none: the person importing decides.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from actionplan.importing.owners import read_owner

from .models import Agency
from .models.partnership import normalise_name

CONFIDENT = 0.7


@dataclass(frozen=True)
class AgencyMatch:
    agency: Agency
    # 1: its very name or alias; 0.8: its name of two words or more, whole, within the
    # wording; a close spelling scores its similarity less 0.15.
    confidence: float


def match_agency(reading: Mapping[str, Any], agencies: Sequence[Agency]) -> AgencyMatch | None:
    """The agency an owner reading ({"text", "agency", "role"}) names, when confident."""
    wordings = [normalise_name(w) for w in (reading.get("agency"), reading.get("text")) if w]
    scored = sorted(((_score(wordings, agency), agency) for agency in agencies),
                    key=lambda pair: -pair[0])
    if not scored or scored[0][0] < CONFIDENT:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None  # two agencies as likely: not ours to choose
    return AgencyMatch(scored[0][1], scored[0][0])


def likely_agencies(
    reading: Mapping[str, Any], agencies: Sequence[Agency], limit: int = 3,
) -> list[AgencyMatch]:
    """The agencies an owner reading most likely names, best first, however unsure: for the
    person importing to choose among. A close spelling counts here even when not confident."""
    wordings = [normalise_name(w) for w in (reading.get("agency"), reading.get("text")) if w]
    scored = [AgencyMatch(agency, max(_score(wordings, agency), _likeness(wordings, agency)))
              for agency in agencies]
    likely = sorted((m for m in scored if m.confidence >= LIKELY), key=lambda m: -m.confidence)
    return likely[:limit]


LIKELY = 0.3


def _likeness(wordings: list[str], agency: Agency) -> float:
    ratios = [difflib.SequenceMatcher(None, w, name).ratio() for w in wordings for name in agency.names()]
    return round(max(ratios, default=0.0) - 0.15, 2)


def _score(wordings: list[str], agency: Agency) -> float:
    best = 0.0
    for wording in wordings:
        for name in agency.names():
            if wording == name:
                return 1.0
            if len(name.split()) > 1 and f" {name} " in f" {wording} ":
                best = max(best, 0.8)
            ratio = difflib.SequenceMatcher(None, wording, name).ratio()
            if ratio >= 0.9:
                best = max(best, round(ratio - 0.15, 2))
    return best


def owner_readings(
    action: Mapping[str, Any], agencies: Sequence[Agency] = (),
) -> list[dict[str, Any]]:
    """An imported action's owner readings; drafts from before they were read get them
    read now from the owners' wording. Owners read from one cell ("Youth Offending and Early
    Help Service" read as "Youth Offending" and "Early Help Service") are one again when the
    whole cell is one of `agencies`' names or aliases."""
    if not action.get("owner_readings"):
        return [vars(read_owner(text)) for text in action.get("owners") or []]
    readings: list[dict[str, Any]] = []
    for reading in action["owner_readings"]:
        joint = reading.get("joint")
        if joint and any(agency.is_called(joint) for agency in agencies):
            if not any(r["text"] == joint for r in readings):
                readings.append({**vars(read_owner(joint)), "role": reading.get("role")})
        else:
            readings.append(reading)
    return readings


def owner_wording(readings: Sequence[Mapping[str, Any]]) -> str:
    """The owners as the action shows them: each as written, with its post when the post
    came from a column of its own ("Head of Safeguarding, Eastshire ICB"); the owners of one
    cell ("Police and Health") as the cell says them, once."""
    return "; ".join(dict.fromkeys(
        (reading.get("joint") or reading["text"])
        if not reading.get("role") or reading["role"] in reading["text"]
        else f"{reading['role']}, {reading['text']}" for reading in readings))
