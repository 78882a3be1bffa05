"""Load the Riverton demonstration partnership."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from actionplan.learning import neighbours
from actionplan.plans import kept_counts
from actionplan.plans.counts_touched import counted
from actionplan.plans.models import (
    Action,
    Agency,
    DueKind,
    DuePrecision,
    Partnership,
    Plan,
    Recommendation,
    Review,
    Section,
    Theme,
    User,
)
from actionplan.plans.updates import save_stamped
from actionplan.reminders.models import Meeting

from . import content as c
from .stories import Storyteller, moment

DEMO_PASSWORD = "riverton-demo"
PEOPLE: list[tuple[str, str, str, list[str]]] = [
    # username, name, role, agencies they post updates for
    ("alice", "Alice Adeyemi", User.Role.PARTNERSHIP_ADMIN, ["Partnership Business Unit"]),
    ("bob", "Bob Bennett", User.Role.AGENCY_LEAD, ["Riverton Police"]),
    ("charlie", "Charlie Chen", User.Role.SCRUTINEER, []),
    ("dave", "Dave Dlamini", User.Role.VIEWER, []),
    ("erin", "Erin Evans", User.Role.AGENCY_LEAD, ["Riverton Council Children's Services"]),
    ("fatima", "Fatima Farah", User.Role.AGENCY_LEAD, ["Riverton NHS Foundation Trust"]),
    ("george", "George Grant", User.Role.AGENCY_LEAD, ["Riverton Integrated Care Board"]),
    ("hannah", "Hannah Hughes", User.Role.AGENCY_LEAD, ["Riverton Education Service"]),
    ("ian", "Ian Ibrahim", User.Role.AGENCY_LEAD, ["Riverton Homes", "Hope Family Charity"]),
]


class DemoExists(Exception):
    pass


@dataclass
class Demo:
    partnership: Partnership
    users: list[str]
    plans: int
    actions: int


@counted()
def build_demo(today: date, *, replace: bool = False) -> Demo:
    existing = Partnership.objects.filter(name=c.PARTNERSHIP).first()
    if existing and not replace:
        raise DemoExists(f"the demo partnership '{c.PARTNERSHIP}' is already loaded")
    if existing:
        remove(existing)
    builder = Builder(today)
    builder.build()
    # Its actions were back-dated in bulk (no signal says so): the counts are made afresh.
    kept_counts.rebuild(builder.partnership)
    # Its recommendations made again are found now, not left queued for a worker that may not be
    # running yet (the example reports are written straight after the demo is built).
    recs = Recommendation.objects.filter(plan__partnership=builder.partnership)
    neighbours.store(list(recs.values_list("pk", flat=True)))
    return Demo(
        builder.partnership,
        [p[0] for p in PEOPLE],
        Plan.objects.filter(partnership=builder.partnership).count(),
        len(builder.actions),
    )


def remove(partnership: Partnership) -> None:
    Action.objects.filter(recommendation__plan__partnership=partnership).update(superseded_by=None)
    Action.objects.filter(recommendation__plan__partnership=partnership).delete()
    User.objects.filter(partnership=partnership).delete()
    partnership.delete()


class Builder:
    def __init__(self, today: date) -> None:
        self.today = today
        self.year_ago = moment(today, -365)
        self.actions: list[tuple[Action, str]] = []
        self.plans: dict[str, Plan] = {}

    def build(self) -> None:
        p = self.partnership = Partnership.objects.create(name=c.PARTNERSHIP)
        self.agencies = {
            n: Agency.objects.create(partnership=p, name=n, aliases=a) for n, a in c.AGENCIES.items()
        }
        national = {t.name: t for t in Theme.objects.filter(national=True, name__in=c.THEMES.values())}
        self.themes = {
            n: Theme.objects.create(partnership=p, name=n, maps_to=national.get(maps_to))
            for n, maps_to in c.THEMES.items()
        }
        self.reviews = {
            code: Review.objects.create(
                partnership=p,
                code=code,
                kind=kind,
                title=title,
                published=True,
                reported_on=self.today - timedelta(days=30 * months),
                published_on=self.today - timedelta(days=30 * months - 20),
            )
            for code, kind, title, months in c.REVIEWS
        }
        self.users = {
            username: self.person(username, name, role, agencies) for username, name, role, agencies in PEOPLE
        }
        for spec in [c.CHILD_R, c.ADULT_J, c.WORKPLAN, c.RAPID_REVIEW]:
            self.plan(spec)
        self.composite()
        self.tell_stories()
        self.meetings()

    def meetings(self) -> None:
        """The last board, the next one (its papers due within the fortnight the owners are
        asked for updates) and a sub-group after it."""
        for name, kind, held_in_days in [
            ("Partnership Board", Meeting.Kind.BOARD, -56),
            ("Partnership Board", Meeting.Kind.BOARD, 17),
            ("Learning and Improvement sub-group", Meeting.Kind.SUB_GROUP, 45),
        ]:
            held_on = self.today + timedelta(days=held_in_days)
            Meeting.objects.create(
                partnership=self.partnership, name=name, kind=kind, held_on=held_on,
                papers_due=held_on - timedelta(days=7),
            )

    def person(self, username: str, name: str, role: str, agencies: list[str]) -> User:
        first, last = name.split(" ", 1)
        user = User.objects.create_user(
            username,
            f"{username}@riverton.example",
            DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            partnership=self.partnership,
            role=role,
            is_staff=role == User.Role.PARTNERSHIP_ADMIN,
        )
        user.agencies.set([self.agencies[a] for a in agencies])
        # In post since the demo's history begins, so that a report as at a past meeting names
        # who could update then.
        User.history.filter(id=user.pk).update(history_date=moment(self.today, -365))
        return user

    def plan(self, spec: c.PlanSpec) -> Plan:
        plan = Plan.objects.create(
            partnership=self.partnership,
            title=spec.title,
            kind=spec.kind,
            as_at=self.today - timedelta(days=365),
        )
        plan.reviews.set([self.reviews[r] for r in spec.reviews])
        self.plans[spec.title] = plan
        order = 0
        for position, (name, kind, recommendations) in enumerate(spec.sections):
            section = (
                Section.objects.create(plan=plan, order=position, name=name, kind=kind) if name else None
            )
            for rec_spec in recommendations:
                order += 1
                self.recommendation(plan, section, order, rec_spec, spec.reviews)
        return plan

    def recommendation(
        self, plan: Plan, section: Section | None, order: int, spec: c.RecommendationSpec, reviews: list[str]
    ) -> Recommendation:
        rec = Recommendation(
            plan=plan, section=section, order=order, ref=spec.ref, outcome=spec.outcome, text=spec.text
        )
        save_stamped(rec, self.year_ago)
        rec.reviews.set([self.reviews[r] for r in spec.reviews or reviews])
        rec.themes.set([self.themes[t] for t in spec.themes])
        for position, a in enumerate(spec.actions):
            due = self.today + timedelta(days=a.due_in_days)
            action = Action(
                recommendation=rec,
                order=position,
                text=a.text,
                owner=self.agencies[a.owner],
                owner_role=a.role,
                measure=a.measure,
                due_date=due,
                due_kind=DueKind.DATE,
                due_precision=DuePrecision.DAY,
                due_text=due.strftime("%d/%m/%Y"),
            )
            save_stamped(action, self.year_ago)
            self.actions.append((action, a.story))
        return rec

    def composite(self) -> None:
        plan = Plan.objects.create(
            partnership=self.partnership,
            title=c.COMPOSITE_TITLE,
            kind=Plan.Kind.COMPOSITE_ACTION_PLAN,
            as_at=self.today,
        )
        plan.reviews.set(self.reviews.values())
        order = 0
        for position, (theme, ref, links) in enumerate(c.COMPOSITE_LINKS):
            section = Section.objects.create(plan=plan, order=position, name=theme, kind=Section.Kind.THEME)
            for source_title, rec_index, action_index in links:
                order += 1
                source = self.plans[source_title].recommendations.all()[rec_index]
                linked = source.actions.all()[action_index]
                rec = Recommendation.objects.create(
                    plan=plan,
                    section=section,
                    order=order,
                    ref=f"{ref}{order}",
                    text=source.text,
                    outcome=source.outcome,
                )
                rec.reviews.set(source.reviews.all())
                rec.themes.set([self.themes[theme]])
                rec.linked_actions.add(linked)
        section = Section.objects.create(
            plan=plan, order=len(c.COMPOSITE_LINKS), name="Think family", kind=Section.Kind.THEME
        )
        self.recommendation(plan, section, order + 1, c.COMPOSITE_OWN, [])

    def tell_stories(self) -> None:
        leads = {agency.pk: user for user in self.users.values() for agency in user.agencies.all()}
        teller = Storyteller(self.today, self.users["charlie"], leads)
        all_actions = [action for action, _ in self.actions]
        for action, story in self.actions:
            teller.tell(story, action, all_actions)
        Action.objects.filter(pk__in=[a.pk for a in all_actions]).update(created_at=self.year_ago)
