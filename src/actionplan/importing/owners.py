"""An owner cell read into the agency it names and the role within it.

"Head of Safeguarding, Eastshire CCG" -> role "Head of Safeguarding", agency "Eastshire CCG";
"NSCB Business Manager" -> agency "NSCB", role "Business Manager"; "Named Nurse" -> a role
alone; "Eastshire Council" -> an agency alone. Which of the partnership's agencies that is,
if any, is decided where the agencies are known (the plans' owner matching).

An owner cell may name several owners of a joint action: "ASC / ICB", "Police and Health",
"Children's Social Care; Education" (`owner_names`); the first leads it (ADR 78).
"""

from __future__ import annotations

import re

from .draft import OwnerReading

# Words that make a wording an organisation: "Eastshire CCG", "Riverton Police".
_AGENCY_WORDS = re.compile(
    r"\b(council|ccg|icb|nhs|trust|police|constabulary|services?|partnership|board|"
    r"hospitals?|schools?|academy|college|university|probation|housing|homes|authority|"
    r"department|division|directorate|cafcass|barnardo'?s|charity|foundation|practice|"
    r"surgery|ambulance|fire|prison|community rehabilitation|healthcare|health|"
    r"social care|social work|early help|education|maternity|youth justice|youth offending|"
    r"centre|center)\b",
    re.I)
# Words that make a wording a post: "Head of Safeguarding", "Named Nurse", "CSP Chair".
_ROLE_WORDS = re.compile(
    r"\b(head|manager|chair|chairs?person|lead|director|officer|nurse|midwife|doctor|gp|"
    r"designated|named|co-?ordinator|worker|advis[eo]r|practitioner|consultant|"
    r"commissioner|deputy|assistant|principal|chief|superintendent|inspector|sergeant|"
    r"administrator|secretary|representatives?|reps?|member|members|specialist|"
    r"professional|clinician|trainer|team leader|business unit)\b", re.I)
# A leading acronym: "NSCB Business Manager", "CSP Chair", "ICB Designated Nurse".
_ACRONYM_FIRST = re.compile(r"^([A-Z][A-Z&]{1,7})\s+(.+)$")
# A place and an acronym: "Greyford SAB", "Riverton LSCP" (a board's or partnership's unit).
_PLACE_ACRONYM = re.compile(r"(?:[A-Z][a-z]+\s+){1,3}[A-Z][A-Z&]{1,7}")
# The parts of an owner wording: "Role, Agency", "Role - Agency", "Role (Agency)".
_PARTS = re.compile(r"\s*,\s*|\s+[-–—]\s+|\s*\(\s*|\s*\)\s*")


# What separates the owners of a list: "ASC / ICB", "NSCB/Director of Children's Services",
# "Children's Social Care; Education" ("cross-authority" is one: no capital after the slash).
_LIST = re.compile(r"\s*;\s*|\s*/\s*(?=[A-Z])")
# "Police and Health", "Police, Health & Education": owners only when each names an agency alone.
_AND = re.compile(r"\s*,\s*|\s+(?:and|&)\s+", re.I)
# Agencies' own names with "and" in them, kept whole whatever their parts read as.
_ONE_NAME = re.compile(r"\b(?:fire (?:and|&) rescue|health (?:and|&) (?:social care|wellbeing)|"
                       r"police (?:and|&) crime|children (?:and|&) families|"
                       r"mental health (?:and|&) learning disabilit)", re.I)


def owner_names(cell: str) -> list[str]:
    """The owners an owner cell names, each as written: "ASC / ICB" and "Police and Health"
    name two, "Head of Safeguarding, Eastshire CCG" and "Children and Families Service" one.
    "and" joins owners only between agencies named alone; a name the parts misread
    ("Riverton Health and Wellbeing Board") is kept whole by the store when it is one of the
    partnership's (its names and aliases), and a warning names the rows either way."""
    names: list[str] = []
    for part in _LIST.split(cell):
        pieces = _AND.split(part)
        joined = re.search(r"\s(?:and|&)\s", part, re.I) and not _ONE_NAME.search(part)
        if joined and len(pieces) > 1 and all(_names_agency_alone(p) for p in pieces):
            names.extend(pieces)
        else:
            names.append(part)
    return [name.strip() for name in names if name.strip()]


def _names_agency_alone(wording: str) -> bool:
    reading = read_owner(wording)
    return reading.role is None and reading.agency is not None


def read_owner(text: str) -> OwnerReading:
    """The agency and role an owner wording names; either may be None."""
    wording = " ".join(text.split()).rstrip(".")
    parts = [part for part in _PARTS.split(wording) if part.strip()]
    if len(parts) > 1:
        agencies = [part for part in parts if _is_agency(part)]
        if not agencies:
            return OwnerReading(text, None, ", ".join(parts))
        # "Riverton Homes (Housing Officer)": a post can start with an agency's word; a part
        # naming no post at all is the likelier agency.
        agencies = [part for part in agencies if not _ROLE_WORDS.search(part)] or agencies
        roles = [part for part in parts if part is not agencies[-1]]
        return OwnerReading(text, agencies[-1], ", ".join(roles) or None)
    if acronym := _ACRONYM_FIRST.match(wording):
        rest = acronym.group(2)
        if _ROLE_WORDS.search(rest) and not _AGENCY_WORDS.search(rest):
            return OwnerReading(text, acronym.group(1), rest)
    if _is_agency(wording):
        return _agency_then_post(text, wording)
    if _ROLE_WORDS.search(wording):
        return OwnerReading(text, None, wording)
    return OwnerReading(text, None, None)


def _agency_then_post(text: str, wording: str) -> OwnerReading:
    """"Riverton Police Inspector": the agency's name, then a post in it."""
    agency = list(_AGENCY_WORDS.finditer(wording))
    end = agency[-1].end() if agency else len(wording)
    if _ROLE_WORDS.search(wording, end) is None:
        return OwnerReading(text, wording, None)
    return OwnerReading(text, wording[:end].strip(), wording[end:].strip())


def _is_agency(part: str) -> bool:
    """An organisation's name: an acronym alone, or agency words with no post's word
    before them ("Director of Children's Services" is a post)."""
    if re.fullmatch(r"[A-Z][A-Z&]{1,7}", part) or (
            _PLACE_ACRONYM.fullmatch(part) and not _ROLE_WORDS.search(part)):
        return True
    agency, role = _AGENCY_WORDS.search(part), _ROLE_WORDS.search(part)
    return agency is not None and (role is None or agency.start() < role.start())
