"""The sections of an updated version of a plan: a section the document names that the stored
plan lacks is new, or, when every recommendation under it was under one stored section that the
document no longer names, that section renamed (all its recommendations went there; the largest
such section when several did); a recommendation now under another section is
moved. Sections are never deleted: one left empty keeps its history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import Plan, Recommendation, Section


@dataclass
class SectionChanges:
    new: list[str]  # names, in the document's order
    renamed: dict[str, str]  # stored name -> the document's name
    moved: list[tuple[Recommendation, str]]  # a recommendation and the section it is now under


def section_changes(plan: Plan, draft_plan: dict[str, Any],
                    matched: list[tuple[Recommendation, dict[str, Any]]]) -> SectionChanges:
    """`matched`: each stored recommendation with the document's row it was matched to."""
    stored = {s.name for s in plan.sections.all()}
    named = [s["name"] for s in draft_plan.get("sections", [])]
    named += [n for item in draft_plan["items"] if (n := item.get("section") or "") and n not in named]
    unknown = [name for name in named if name not in stored]
    went_to: dict[str, list[str]] = {name: [] for name in stored if name not in named}
    for rec, item in matched:
        if rec.section and rec.section.name in went_to:
            went_to[rec.section.name].append(item.get("section") or "")
    renamed: dict[str, str] = {}
    for old, places in sorted(went_to.items(), key=lambda pair: -len(pair[1])):
        if len(set(places)) == 1 and places[0] in unknown and places[0] not in renamed.values():
            renamed[old] = places[0]
    moved = [(rec, now) for rec, item in matched
             if (now := item.get("section") or "") != _renamed(rec, renamed) and now]
    return SectionChanges([n for n in unknown if n not in renamed.values()], renamed, moved)


def _renamed(rec: Recommendation, renamed: dict[str, str]) -> str:
    name = rec.section.name if rec.section else ""
    return renamed.get(name, name)


def kind_of(draft_plan: dict[str, Any], name: str) -> str:
    return next((s.get("kind") or Section.Kind.OTHER for s in draft_plan.get("sections", [])
                 if s["name"] == name), Section.Kind.OTHER)
