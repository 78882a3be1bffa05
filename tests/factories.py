"""factory_boy factories for the domain model. Each builds a complete, valid row."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import factory

from actionplan.plans import models as m
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.updates import save_stamped


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Partnership
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Partnership {n}")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Agency

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Review

    partnership = factory.SubFactory(PartnershipFactory)
    code = factory.Sequence(lambda n: f"R{n:02d}")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Plan

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Plan {n}")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Recommendation

    plan = factory.SubFactory(PlanFactory)
    ref = factory.Sequence(lambda n: f"{n}.")
    text = "Agencies should share information at the earliest opportunity."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Action

    recommendation = factory.SubFactory(RecommendationFactory)
    text = "Revise the escalation policy and brief all staff."
    owner = factory.SubFactory(
        AgencyFactory, partnership=factory.SelfAttribute("..recommendation.plan.partnership")
    )
    due_kind = m.DueKind.DATE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    partnership = factory.SubFactory(PartnershipFactory)
    role = m.User.Role.VIEWER
    password = factory.django.Password("correct horse battery staple")


def implemented_on(row: m.Action | m.Recommendation, day: date) -> None:
    """Mark an action (or a recommendation tracked alone) implemented on a past day: its
    history dated then, as when "Implemented before" is judged (docs/adr/0082)."""
    row.status = DeliveryStatus.IMPLEMENTED
    save_stamped(row, datetime.combine(day, time(12), tzinfo=UTC))
