"""Two partnerships side by side, each with plans, actions and evidence, for the page tests.

Riverton (alice, bob for the police, frank for health, charlie, dave) and Elsewhere (eve). Every
title of one partnership is distinctive, so a page of the other can be searched for leaks.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse

from actionplan.plans.models import (
    Action,
    Agency,
    Evidence,
    ImportDraft,
    Plan,
    ProgressUpdate,
    Recommendation,
    ReportFile,
    Review,
    Theme,
    User,
)
from actionplan.plans.updates import submit_evidence
from actionplan.reminders.models import Meeting, Notice, Preferences, ReminderSettings
from factories import (
    ActionFactory,
    AgencyFactory,
    PlanFactory,
    RecommendationFactory,
    ReviewFactory,
)
from personas import (
    make_alice,
    make_bob,
    make_charlie,
    make_dave,
    make_eve,
    person,
    riverton,
    riverton_police,
)

PDF = b"%PDF-1.4\n% a small test document\n%%EOF\n"


@dataclass
class World:
    plan: Plan
    review: Review
    police_action: Action
    health_action: Action
    police_evidence: Evidence
    other_plan: Plan
    other_review: Review
    other_action: Action
    other_evidence: Evidence


# Words that appear only in one partnership's rows: a page of the other must never show them.
RIVERTON_WORDS = [b"Child Q practice review plan", b"Riverton-only escalation action", b"CQ21"]
ELSEWHERE_WORDS = [b"Mr Z adult review plan", b"Elsewhere-only hoarding action", b"MZ22"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


def evidence_of(action: Action, by: User | None, name: str = "audit.pdf") -> Evidence:
    """Submitted the way the evidence form does it, so the action awaits assurance."""
    return submit_evidence(action, by, "Audit of referrals", file=SimpleUploadedFile(name, PDF))


def build_plan(partnership, title: str, code: str) -> tuple[Plan, Review, Recommendation]:
    review = ReviewFactory(partnership=partnership, code=code)
    plan = PlanFactory(partnership=partnership, title=title)
    plan.reviews.add(review)
    rec = RecommendationFactory(plan=plan, ref="1.1", text="Share information early.")
    rec.reviews.add(review)
    return plan, review, rec


def riverton_health(partnership) -> Agency:
    return AgencyFactory(partnership=partnership, name="Riverton NHS Trust")


def make_frank(partnership, health: Agency) -> User:
    """An agency lead of the same partnership as bob, for another agency."""
    return person("frank", partnership, User.Role.AGENCY_LEAD, health)


@pytest.fixture
def health(partnership):
    return riverton_health(partnership)


@pytest.fixture
def frank(partnership, health):
    return make_frank(partnership, health)


@pytest.fixture
def signed_in(client, alice, police):
    """alice, the partnership admin, signed in; the police agency exists."""
    client.force_login(alice)
    return client


@pytest.fixture
def world(media, partnership, police, health, alice, bob, frank, charlie, dave, eve) -> World:
    return build_world(partnership, police, health, bob, eve)


def build_everyone() -> World:
    """The people of both partnerships and their rows, made without fixtures (for a whole module)."""
    partnership = riverton()
    police, health = riverton_police(partnership), riverton_health(partnership)
    make_alice(partnership)
    bob = make_bob(partnership, police)
    make_frank(partnership, health)
    make_charlie(partnership)
    make_dave(partnership)
    return build_world(partnership, police, health, bob, make_eve())


def build_world(partnership, police: Agency, health: Agency, bob: User, eve: User) -> World:
    """Each partnership's plan, actions and evidence awaiting assurance."""
    plan, review, rec = build_plan(partnership, "Child Q practice review plan", "CQ21")
    police_action = ActionFactory(recommendation=rec, owner=police, text="Riverton-only escalation action",
                                  due_date=date(2030, 6, 30), order=1)
    health_action = ActionFactory(recommendation=rec, owner=health, text="Riverton health visiting action",
                                  due_date=date(2030, 7, 31), order=2)
    other_plan, other_review, other_rec = build_plan(eve.partnership, "Mr Z adult review plan", "MZ22")
    other_action = ActionFactory(recommendation=other_rec, text="Elsewhere-only hoarding action",
                                 due_date=date(2030, 6, 30))
    return World(
        plan=plan, review=review, police_action=police_action, health_action=health_action,
        police_evidence=evidence_of(police_action, bob),
        other_plan=other_plan, other_review=other_review, other_action=other_action,
        other_evidence=evidence_of(other_action, eve),
    )


def snapshot() -> tuple:
    """Everything a POST of these pages could change."""
    return (
        ProgressUpdate.objects.count(),
        list(Evidence.objects.values_list("pk", "decision", "decided_by", "withdrawn_at")),
        list(Action.objects.order_by("pk").values_list("pk", "status", "assurance", "version",
                                                       "revised_due_date")),
        Plan.objects.count(), Recommendation.objects.count(), Agency.objects.count(), Review.objects.count(),
        # What the partnership admin's forms write.
        list(Action.objects.order_by("pk").values_list(
            "text", "measure", "owner", "owner_role", "owner_person", "revised_due_reason"
        )),
        list(Recommendation.objects.order_by("pk").values_list(
            "ref", "text", "decision", "status", "progress", "assurance"
        )),
        list(Plan.objects.order_by("pk").values_list("title", "closed_on")),
        list(Review.objects.order_by("pk").values_list("code", "title")),
        list(Agency.objects.order_by("pk").values_list("name", "aliases")),
        list(User.objects.order_by("pk").values_list("username", "email", "role", "is_active")),
        list(Meeting.objects.order_by("pk").values_list("name", "held_on", "papers_due")),
        list(ReminderSettings.objects.values_list("partnership", "days_before_due", "not_updated_days")),
        list(Preferences.objects.values_list("person", "turned_off", "daily")),
        list(Notice.objects.order_by("pk").values_list("recipient", "read_at")),
        # Themes of the partnerships' frameworks, and the themes rows carry.
        list(Theme.objects.order_by("pk").values_list("name", "partnership", "national", "maps_to")),
        list(Recommendation.themes.through.objects.order_by("pk").values_list("recommendation", "theme")),
        list(Action.themes.through.objects.order_by("pk").values_list("action", "theme")),
        list(ImportDraft.objects.order_by("pk").values_list(
            "pk", "columns", "owners", "reviews", "edits", "updates")),
        list(ReportFile.objects.order_by("pk").values_list("pk", "state")),  # reports asked for
    )


def plan_csv(title: str = "Domestic Homicide Review Action Plan", *cells: str) -> bytes:
    """A one-recommendation plan as a CSV file; `cells` replace (recommendation, action, progress)."""
    recommendation, action, progress = (*cells, "", "", "")[:3] if cells else ("", "", "")
    rows = [
        title,
        "Recommendation,Action,Lead agency,Target date,Progress",
        f'"1. {recommendation or "Share information early"}","{action or "Train staff in routine enquiry"}",'
        f'Riverton Police,31/03/2027,"{progress or "Started"}"',
    ]
    return ("\n".join(rows) + "\n").encode()


def csv_upload(name: str = "dhr.csv", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, plan_csv() if content is None else content, content_type="text/csv")


def text_of(response: HttpResponse) -> str:
    """The page as a reader sees its words: entities turned back into characters."""
    return html.unescape(response.content.decode())


def action_ids(response: HttpResponse) -> list[int]:
    """The actions a list or plan page shows, in page order (each row links to its action)."""
    return [int(pk) for pk in re.findall(r'href="/actions/(\d+)/"', response.content.decode())]


@pytest.fixture
def demo(riverton_today):
    """The Riverton demonstration partnership, as at the day the pages are looked at (built once
    for every test that reads it: tests/shared_demo.py)."""
    return riverton_today
