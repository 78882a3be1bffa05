"""An updated version of a stored plan: what changed (new, changed and removed recommendations
and actions, owners, sections), and those changes applied to the stored plan with history.
Nothing is deleted: an action no longer in the document keeps its progress and evidence and is
told so in an update; a changed action keeps its number, so everything recorded on it stays
with it; an action the document gives another owner is reassigned, as a person would."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from .action_facts import reassign_action
from .draft_rows import StoredPlan, Storer, decision_of, refuse_unnamed_rows
from .events import announce, plan_updated
from .models import Action, Agency, Partnership, Plan, ProgressUpdate, Recommendation, Section, User
from .owner_match import match_agency, owner_readings, owner_wording
from .store import plan_stored
from .update_sections import kind_of, section_changes
from .updates import IMPORTED_AUTHOR, locked, save_stamped

SAME_RECOMMENDATION, SAME_ACTION = 0.75, 0.6


@dataclass
class Change:
    kind: str  # "new", "changed", "removed", "renamed" (a section) or "moved" (a recommendation)
    what: str  # "recommendation", "action", "owner" (of an action) or "section"
    before: str = ""
    after: str = ""
    recommendation: Recommendation | None = None  # the stored one it is about
    action: Action | None = None
    item: dict[str, Any] | None = None  # the document's row (a new or changed recommendation)
    data: dict[str, Any] | None = None  # the document's action (a new or changed action)


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(a.lower().split()), " ".join(b.lower().split())).ratio()


def _best(text: str, candidates: list[Any], words: Any, least: float) -> Any:
    scored = [(c, _alike(text, words(c))) for c in candidates]
    scored = [pair for pair in scored if pair[1] >= least]
    return max(scored, key=lambda pair: pair[1])[0] if scored else None


def compare(plan: Plan, draft_plan: dict[str, Any]) -> list[Change]:
    """The changes the document makes to the stored plan: recommendations matched by their ref,
    else by a close text; actions within them by a close text."""
    stored = list(plan.recommendations.select_related("section").prefetch_related("actions")
                  .order_by("order"))
    agencies = list(plan.partnership.agencies.all())
    changes: list[Change] = []
    matched: list[tuple[Recommendation, dict[str, Any]]] = []
    for item in draft_plan["items"]:
        text = item.get("recommendation") or item.get("outcome") or ""
        ref = (item.get("ref") or "").strip()
        rec = next((r for r in stored if ref and r.ref.strip() == ref), None) or _best(
            text, stored, lambda r: r.text or r.outcome, SAME_RECOMMENDATION)
        if rec is None:
            changes.append(Change("new", "recommendation", after=text, item=item))
            continue
        stored.remove(rec)
        matched.append((rec, item))
        decided = decision_of(item.get("decision"))
        redecided = bool(decided) and (rec.decision, rec.decision_reason) != (
            decided["decision"], decided["decision_reason"])
        if (rec.text or rec.outcome) != text or rec.ref != (item.get("ref") or "") or redecided:
            before, after = rec.text or rec.outcome, text
            if redecided:  # the board's decision said beside the words, as the preview says it
                before += f"\n{_decision_said(rec.decision, rec.decision_reason)}"
                after += f"\n{_decision_said(decided['decision'], decided['decision_reason'])}"
            changes.append(Change("changed", "recommendation", before, after, rec, item=item))
        changes.extend(_compare_actions(rec, item, agencies))
    for rec in stored:
        changes.append(Change("removed", "recommendation", rec.text or rec.outcome, recommendation=rec))
    sections = section_changes(plan, draft_plan, matched)
    return [
        *(Change("new", "section", after=name) for name in sections.new),
        *(Change("renamed", "section", old, new) for old, new in sections.renamed.items()),
        *(Change("moved", "recommendation", f"{rec.ref} in {rec.section or 'no section'}",
                 f"{rec.ref} in {now}", rec, item={"section": now}) for rec, now in sections.moved),
        *changes,
    ]


def _decision_said(decision: str, reason: str) -> str:
    label = Recommendation.Decision(decision).label
    return f"Board's decision: {label}" + (f": {reason}" if reason else "")


def _owners_named(rec: Recommendation, data: dict[str, Any], agencies: list[Agency],
                  ) -> tuple[str | None, list[str]]:
    """The agency the document gives the action and those sharing it (ADR 78), by the names
    they will be stored under: the lead is the first matched to an agency, else the first
    named; none when it names none (a post alone) or the section says whose it is."""
    if rec.section and rec.section.kind == Section.Kind.AGENCY:
        return None, []
    named: list[tuple[str, bool]] = []  # each agency named once, and whether it was matched
    for reading in owner_readings(data, agencies):
        found = match_agency(reading, agencies)
        wording = reading.get("agency") or ""
        name = found.agency.name if found else next(
            (a.name for a in agencies if wording and a.is_called(wording)), wording)
        if name and name not in (n for n, _ in named):
            named.append((name, found is not None))
    lead = next((n for n, matched in named if matched), named[0][0] if named else None)
    return lead, [n for n, _ in named if n != lead]


def _with(lead: str, joint: list[str]) -> str:
    return f"{lead} with {', '.join(sorted(joint))}" if joint else lead


def _compare_actions(rec: Recommendation, item: dict[str, Any], agencies: list[Agency]) -> list[Change]:
    actions = list(rec.actions.order_by("order").prefetch_related("joint_owners"))
    changes: list[Change] = []
    for data in item["actions"]:
        found = _best(data["text"], actions, lambda a: a.text, SAME_ACTION)
        if found is None:
            changes.append(Change("new", "action", after=data["text"], recommendation=rec, data=data))
            continue
        actions.remove(found)
        due = (data.get("due") or {}).get("text") or ""
        if found.text != data["text"] or found.due_text != due:
            changes.append(Change("changed", "action", f"{found.text} ({found.due_text or 'no date'})",
                                  f"{data['text']} ({due or 'no date'})", rec, found, data=data))
        owner, joint = _owners_named(rec, data, agencies)
        held = sorted(agency.name for agency in found.joint_owners.all())
        if owner and (not (found.owner and found.owner.is_called(owner)) or sorted(joint) != held):
            before = _with(found.owner.name if found.owner else "No agency", held)
            changes.append(Change("changed", "owner", f"{found.text}: {before}",
                                  f"{data['text']}: {_with(owner, joint)}", rec, found, data=data))
    changes.extend(Change("removed", "action", a.text, recommendation=rec, action=a) for a in actions)
    return changes


# The reason of every change an update makes: how the plan's history says it was stored again.
UPDATED_FROM = "Updated from "


def apply_update(plan: Plan, draft_plan: dict[str, Any], by: User, file_name: str) -> list[Change]:
    """Apply the document's changes to the stored plan (in the caller's transaction)."""
    refuse_unnamed_rows(draft_plan)
    why = f"{UPDATED_FROM}{file_name}"
    changes = compare(plan, draft_plan)
    storer = _storer(draft_plan, plan)
    today = timezone.localdate()
    next_order = max((r.order for r in plan.recommendations.all()), default=0) + 1
    sections = _sections(plan, draft_plan, changes, by, why)
    told: list[list[object]] = []  # [action, what became of it], for its agency's leads
    for change in changes:
        if change.kind == "new" and change.what == "recommendation":
            assert change.item is not None
            section = sections.get(change.item.get("section") or "")
            storer.section_agency = section.name if section and section.kind == Section.Kind.AGENCY else None
            row = storer.recommendation(plan, section, next_order, change.item)
            storer.store_rows([row], plan.as_at)
            added = Action.objects.filter(recommendation=row[0]).values_list("pk", flat=True)
            told += [[pk, "new"] for pk in added]
            next_order += 1
        elif change.kind == "new" and change.what == "action":
            assert change.recommendation is not None and change.data is not None
            position = max((a.order for a in change.recommendation.actions.all()), default=-1) + 1
            section = change.recommendation.section
            storer.section_agency = section.name if section and section.kind == Section.Kind.AGENCY else None
            owners = storer.owners(owner_readings(change.data, storer.agencies))
            action = storer.action(change.recommendation, position, owners, change.data)
            storer.store_actions([(action, change.data)], plan.as_at)
            told.append([action.pk, "new"])
        elif change.kind == "moved":
            assert change.recommendation is not None
            rec = change.recommendation
            rec.section = sections[(change.item or {})["section"]]
            save_stamped(rec, None, by, why)
        elif change.what == "owner":
            assert change.action is not None and change.data is not None
            _reassign(storer, change.action, change.data, by, why)
        elif change.kind == "changed" and change.action is not None:
            _change_action(change.action, change.data or {}, by, why)
            told.append([change.action.pk, "changed"])
        elif change.kind == "changed" and change.recommendation is not None:
            item = change.item or {}
            change.recommendation.ref = item.get("ref") or ""
            change.recommendation.text = item.get("recommendation") or change.recommendation.text
            for name, value in decision_of(item.get("decision")).items():
                setattr(change.recommendation, name, value)
            save_stamped(change.recommendation, None, by, why)
        elif change.kind == "removed":
            told += [[a.pk, "removed"] for a in _removed(change, file_name, today, by, why)]
    plan.source_name = file_name.rsplit("/", 1)[-1]
    plan.source_sha256 = draft_plan["source"]["sha256"]
    save_stamped(plan, None, by, why)
    plan_stored.send(sender=Plan, plan=plan, updated=True)
    announce(plan_updated, plan_id=plan.pk, changes=[t for t in told if t[0] is not None])
    return changes


def _sections(plan: Plan, draft_plan: dict[str, Any], changes: list[Change], by: User, why: str,
              ) -> dict[str, Section]:
    """The plan's sections by name, the renamed renamed and the new made (after the others)."""
    order = max((s.order for s in plan.sections.all()), default=-1) + 1
    for change in changes:
        if change.what == "section" and change.kind == "renamed":
            section = plan.sections.get(name=change.before)
            section.name = change.after
            save_stamped(section, None, by, why)
        elif change.what == "section":
            Section.objects.create(
                plan=plan, order=order, name=change.after, kind=kind_of(draft_plan, change.after))
            order += 1
    return {s.name: s for s in plan.sections.all()}


def _reassign(storer: Storer, action: Action, data: dict[str, Any], by: User, why: str) -> None:
    """The document gives the action to another agency: reassigned with the reason, as in the
    app (its history and the agency told), the named person kept."""
    storer.section_agency = None
    readings = owner_readings(data, storer.agencies)
    fresh = Action.objects.get(pk=action.pk)  # as it is now: a change of its text came first
    owners = storer.owners(readings)
    reassign_action(fresh, by, owner=owners[0] if owners else None, owner_role=owner_wording(readings),
                    owner_person=fresh.owner_person, reason=why, joint_owners=owners[1:])


def _storer(draft_plan: dict[str, Any], plan: Plan) -> Storer:
    partnership: Partnership = plan.partnership
    storer = Storer(draft_plan, partnership)
    storer.result = StoredPlan(plan)
    storer.section_agency = None
    storer.plan_reviews = list(plan.reviews.all())
    return storer


def _change_action(compared: Action, data: dict[str, Any], by: User, why: str) -> None:
    # The row as it is now, locked: someone may have posted progress since the comparison,
    # and saving the compared copy would write their change back.
    action = locked(compared)
    due = data.get("due") or {}
    action.text = data.get("text") or action.text
    action.ref = (data.get("ref") or action.ref)[:50]  # the document may number it anew
    if (due.get("text") or "") != action.due_text:
        action.due_text = due.get("text") or ""
        action.due_date = date.fromisoformat(due["date"]) if due.get("date") else None
        action.due_precision = due.get("precision") or ""
        action.due_kind = due.get("kind") or action.due_kind
    save_stamped(action, None, by, why)


def _removed(change: Change, file_name: str, today: date, by: User, why: str) -> list[Action]:
    """No longer in the document: said in an update of each action (or in a note of a
    recommendation tracked on itself), nothing deleted."""
    said = f"No longer in the updated document {file_name}: kept with its progress and evidence."
    rec = change.recommendation
    actions = [change.action] if change.action else list(rec.actions.all()) if rec else []
    for action in actions:
        save_stamped(ProgressUpdate(action=action, written_on=today, author_name=IMPORTED_AUTHOR,
                                    status=action.status, text=said))
    if rec is not None and change.action is None and not actions:
        rec.notes = [*rec.notes, {"column": "Update", "text": said}]
        save_stamped(rec, None, by, why)
    return actions
