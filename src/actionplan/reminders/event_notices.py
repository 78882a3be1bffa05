"""Telling the people concerned as soon as something happens to their actions.

plans/events.py announces each change once it is stored; here each announcement is queued as
background work, so a page never waits for an e-mail server. Each task reads the change afresh,
stores a notice for each person it concerns (the agency's leads, the submitter of evidence,
the partnership's admins of a slip, or of a decision on the evidence of a recommendation tracked
on its own, which they look after), and sends them at once, except to those who gather that
kind into their daily e-mail (sent by the next reminders run). A notice is named by its event,
so an announcement handled twice stores and sends it once; an e-mail the server refuses is
tried again by `send_retries` after a growing wait (claims.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from actionplan.plans import events
from actionplan.plans.models import Action, Agency, Evidence, Plan, Recommendation, User

from . import claims
from .letters import due_note
from .models import EVENT_KINDS, spoken
from .occasions import Owed, only_wanted, reachable
from .preferences import gathered
from .runs import send_claimed


def leads_of(agency: Agency | None) -> list[User]:
    if agency is None:
        return []
    leads = User.objects.filter(
        partnership=agency.partnership_id, role=User.Role.AGENCY_LEAD, agencies=agency
    )
    return list(reachable(leads).distinct())


def admins_of(action: Action) -> list[User]:
    return partnership_admins(action.recommendation.plan.partnership_id)


def partnership_admins(partnership_id: int) -> list[User]:
    return list(reachable(User.objects.filter(partnership=partnership_id, role=User.Role.PARTNERSHIP_ADMIN)))


def tell(owed: list[Owed]) -> None:
    """Store the notices of one event for those who want them; send those not gathered daily."""
    owed = only_wanted(owed)
    claims.record(owed)
    daily = {p.pk: gathered(p) for p in {o.recipient.pk: o.recipient for o in owed}.values()}
    at_once = [o for o in owed if o.kind not in daily[o.recipient.pk]]
    if not at_once:
        return
    runner = claims.new_runner()
    among = Q(key__in={o.key for o in at_once}, recipient__in={o.recipient.pk for o in at_once})
    result = send_claimed(claims.claim(runner, timezone.now(), among), runner, timezone.localdate(),
                          backoff=True)
    if result.retry_after is not None:
        schedule_retries(result.retry_after)


def of_action(people: list[User], kind: str, key: str, action: Action, subject: str, heading: str,
              note: str) -> list[Owed]:
    """One action and a note on it, under a subject that names the action's partnership."""
    partnership = action.recommendation.plan.partnership
    on = action.current_due or timezone.localdate()
    return [
        Owed(person, kind, key, on, action, detail=note, subject=f"{partnership}: {subject}", heading=heading)
        for person in {p.pk: p for p in people}.values()
    ]


def fetch_action(pk: int) -> Action | None:
    return Action.objects.select_related("owner", "recommendation__plan__partnership").filter(pk=pk).first()


@task()
def tell_evidence_decided(evidence_id: int) -> None:
    evidence = Evidence.objects.filter(pk=evidence_id).select_related("submitted_by").first()
    if evidence is not None and evidence.recommendation_id:
        tell_recommendation_evidence_decided(evidence)
        return
    action = fetch_action(evidence.action_id) if evidence and evidence.action_id else None
    if evidence is None or action is None:
        return  # removed since: nothing left to tell
    word, note = decision_words(evidence)
    people = leads_of(action.owner) + submitter_of(evidence)
    key = f"evidence_decided:{evidence.pk}:{evidence.decision}"
    subject, heading = f"evidence {word}", f"Evidence {word}"
    tell(of_action(people, "evidence_decided", key, action, subject, heading, note))


def decision_words(evidence: Evidence) -> tuple[str, str]:
    """"accepted" or "rejected", and the note: what the evidence was, and the reason."""
    word = "accepted" if evidence.decision == Evidence.Decision.ACCEPTED else "rejected"
    reason = f": {evidence.decision_reason}" if evidence.decision_reason else ""
    return word, f'"{evidence.description[:80]}" {word}{reason}'


def submitter_of(evidence: Evidence) -> list[User]:
    submitter = evidence.submitted_by
    if submitter is not None and list(reachable(User.objects.filter(pk=submitter.pk))):
        return [submitter]
    return []


def tell_recommendation_evidence_decided(evidence: Evidence) -> None:
    """A recommendation tracked on its own has no owning agency: its partnership's admins look
    after it (they add its evidence), so they are told, and whoever submitted the evidence; not
    the person who decided, who knows."""
    rec_id = evidence.recommendation_id
    recs = Recommendation.objects.select_related("plan__partnership")
    rec = recs.filter(pk=rec_id).first() if rec_id else None
    if rec is None:
        return
    word, note = decision_words(evidence)
    people = partnership_admins(rec.plan.partnership_id) + submitter_of(evidence)
    partnership = rec.plan.partnership
    key = f"evidence_decided:{evidence.pk}:{evidence.decision}"
    tell([
        Owed(person, "evidence_decided", key, timezone.localdate(), recommendation=rec, detail=note,
             subject=f"{partnership}: evidence {word}", heading=f"Evidence {word}")
        for person in {p.pk: p for p in people if p.pk != evidence.decided_by_id}.values()
    ])


@task()
def tell_action_assigned(action_id: int) -> None:
    action = fetch_action(action_id)
    if action is None or action.owner is None:
        return
    key = f"action_assigned:{action.pk}:{action.owner_id}:{action.version}"
    name = action.owner.name
    tell(of_action(leads_of(action.owner), "action_assigned", key, action, f"an action for {name}",
                   "An action given to your agency", f"now owned by {name}"))


@task()
def tell_due_revised(action_id: int) -> None:
    action = fetch_action(action_id)
    if action is None or action.current_due is None:
        return
    note = f"now due {spoken(action.current_due)}: {action.revised_due_reason}"
    key = f"due_revised:{action.pk}:{action.current_due}"
    tell(of_action(leads_of(action.owner), "due_revised", key, action, "a due date revised",
                   "Due date revised", note))


@task()
def tell_status_slipped(action_id: int, by_id: int | None = None) -> None:
    """The owning agency's leads and the partnership's admins, but not whoever recorded it."""
    action = fetch_action(action_id)
    if action is None or action.revised_due_date is None:
        return
    people = [p for p in leads_of(action.owner) + admins_of(action) if p.pk != by_id]
    note = f"now due {spoken(action.revised_due_date)}: {action.status_reason}"
    key = f"status_slipped:{action.pk}:{action.revised_due_date}"
    tell(of_action(people, "status_slipped", key, action, "an action slipped", "Action slipped", note))


def plan_notices(plan: Plan, kind: str, key: str, subject: str, heading: str,
                 notes: dict[int, str]) -> list[Owed]:
    """Each lead told once of all their agencies' actions among `notes` (action: what to say)."""
    actions = Action.objects.filter(pk__in=notes, owner__isnull=False).select_related(
        "owner", "recommendation__plan"
    ).order_by("recommendation__order", "order")
    today = timezone.localdate()
    return [
        Owed(lead, kind, f"{key}:{action.pk}", today, action, detail=notes[action.pk],
             subject=f"{plan.partnership}: {subject}", heading=heading)
        for action in actions
        for lead in leads_of(action.owner)
    ]


@task()
def tell_plan_imported(plan_id: int) -> None:
    plan = Plan.objects.filter(pk=plan_id).select_related("partnership").first()
    if plan is None:
        return
    actions = Action.objects.filter(recommendation__plan=plan, owner__isnull=False)
    notes = {a.pk: due_note(a) for a in actions}
    heading = f"Actions for your agency in {plan.title}"
    subject = "a plan imported with actions for you"
    tell(plan_notices(plan, "plan_imported", f"plan_imported:{plan.pk}", subject, heading, notes))


@task()
def tell_plan_updated(plan_id: int, changes: list[list[Any]]) -> None:
    """What an updated version of the plan changed of each lead's actions."""
    plan = Plan.objects.filter(pk=plan_id).select_related("partnership").first()
    if plan is None or not changes:
        return
    words = {"new": "new in this version", "changed": "changed in this version",
             "removed": "no longer in the document: kept with its progress"}
    notes = {int(pk): words.get(str(what), str(what)) for pk, what in changes}
    version = (plan.source_sha256 or "")[:16]
    tell(plan_notices(plan, "plan_updated", f"plan_updated:{plan.pk}:{version}",
                      f"an updated version of {plan.title} applied", f"Changed in {plan.title}", notes))


@task()
def send_retries() -> int:
    """Send the event e-mails whose wait after a refusal is over; returns the e-mails sent."""
    runner = claims.new_runner()
    claimed = claims.claim(runner, timezone.now(), Q(attempts__gt=0, kind__in=EVENT_KINDS))
    result = send_claimed(claimed, runner, timezone.localdate(), backoff=True)
    if result.retry_after is not None:
        schedule_retries(result.retry_after)
    return len(result.letters)


def schedule_retries(when: datetime) -> None:
    """Queue the next attempt for when its wait is over. A queue that cannot wait (the immediate
    backend) leaves it to the next reminders run, which claims what is due."""
    if send_retries.get_backend().supports_defer:
        send_retries.using(run_after=when).enqueue()


WORK = {
    "evidence_decided": (events.evidence_decided, tell_evidence_decided),
    "action_assigned": (events.action_assigned, tell_action_assigned),
    "due_revised": (events.due_revised, tell_due_revised),
    "plan_imported": (events.plan_imported, tell_plan_imported),
    "status_slipped": (events.status_slipped, tell_status_slipped),
    "plan_updated": (events.plan_updated, tell_plan_updated),
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
