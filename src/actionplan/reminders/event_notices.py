"""Telling the people concerned as soon as something happens to their actions.

plans/events.py announces each change once it is stored; here each announcement is queued as
background work, so a page never waits for an e-mail server. Each task reads the change afresh
and writes to the people it concerns: the agency's leads, and the submitter of evidence."""

from __future__ import annotations

from typing import Any

from django_tasks import task

from actionplan.plans import events
from actionplan.plans.models import Action, Agency, Evidence, Plan, User

from .letters import Section, due_note, row, write
from .models import spoken
from .occasions import reachable
from .outbox import deliver
from .preferences import wanting


def leads_of(agency: Agency | None) -> list[User]:
    if agency is None:
        return []
    leads = User.objects.filter(
        partnership=agency.partnership_id, role=User.Role.AGENCY_LEAD, agencies=agency
    )
    return list(reachable(leads).distinct())


def tell(people: list[User], kind: str, subject: str, section: Section) -> None:
    for person in wanting(list({p.pk: p for p in people}.values()), kind):
        deliver(write(person, subject, [section]))


def tell_of_action(
    people: list[User], kind: str, action: Action, subject: str, heading: str, note: str
) -> None:
    """One action and a note on it, under a subject that names the action's partnership."""
    partnership = action.recommendation.plan.partnership
    tell(people, kind, f"{partnership}: {subject}", Section(heading, [row(action, note)]))


def fetch_action(pk: int) -> Action | None:
    return Action.objects.select_related("owner", "recommendation__plan__partnership").filter(pk=pk).first()


@task()
def tell_evidence_decided(evidence_id: int) -> None:
    evidence = Evidence.objects.filter(pk=evidence_id).select_related("submitted_by").first()
    action = fetch_action(evidence.action_id) if evidence and evidence.action_id else None
    if evidence is None or action is None:
        return  # removed since: nothing left to tell
    accepted = evidence.decision == Evidence.Decision.ACCEPTED
    word = "accepted" if accepted else "rejected"
    reason = f": {evidence.decision_reason}" if evidence.decision_reason else ""
    note = f'"{evidence.description[:80]}" {word}{reason}'
    people = leads_of(action.owner)
    submitter = evidence.submitted_by
    if submitter is not None and list(reachable(User.objects.filter(pk=submitter.pk))):
        people.append(submitter)
    tell_of_action(people, "evidence_decided", action, f"evidence {word}", f"Evidence {word}", note)


@task()
def tell_action_assigned(action_id: int) -> None:
    action = fetch_action(action_id)
    if action is None or action.owner is None:
        return
    tell_of_action(leads_of(action.owner), "action_assigned", action, f"an action for {action.owner.name}",
                   "An action given to your agency", f"now owned by {action.owner.name}")


@task()
def tell_due_revised(action_id: int) -> None:
    action = fetch_action(action_id)
    if action is None or action.current_due is None:
        return
    note = f"now due {spoken(action.current_due)}: {action.revised_due_reason}"
    tell_of_action(leads_of(action.owner), "due_revised", action, "a due date revised", "Due date revised",
                   note)


@task()
def tell_plan_imported(plan_id: int) -> None:
    """Each lead hears once of all their agencies' actions in the new plan."""
    plan = Plan.objects.filter(pk=plan_id).select_related("partnership").first()
    if plan is None:
        return
    actions = list(Action.objects.filter(recommendation__plan=plan, owner__isnull=False)
                   .select_related("owner", "recommendation__plan"))
    by_lead: dict[int, tuple[User, list[Action]]] = {}
    for action in actions:
        for lead in wanting(leads_of(action.owner), "plan_imported"):
            by_lead.setdefault(lead.pk, (lead, []))[1].append(action)
    for lead, theirs in by_lead.values():
        section = Section(f"Actions for your agency in {plan.title}", [row(a, due_note(a)) for a in theirs])
        deliver(write(lead, f"{plan.partnership}: a plan imported with actions for you", [section]))


WORK = {
    "evidence_decided": (events.evidence_decided, tell_evidence_decided),
    "action_assigned": (events.action_assigned, tell_action_assigned),
    "due_revised": (events.due_revised, tell_due_revised),
    "plan_imported": (events.plan_imported, tell_plan_imported),
}


def queue(work: Any) -> Any:
    """A receiver that queues `work` with the facts announced."""

    def receive(sender: object, **facts: Any) -> None:
        facts.pop("signal", None)
        work.enqueue(**facts)

    return receive


def connect() -> None:
    for name, (signal, work) in WORK.items():
        signal.connect(queue(work), weak=False, dispatch_uid=f"reminders:{name}")
