"""Everything a page shows comes from the signed-in person's partnership, checked on the server.

Rows of another partnership are "not found" (404), so their existence is not revealed; a role
that may not do something gets "forbidden" (403).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from actionplan.plans.models import Action, Partnership, Plan, Recommendation, Review, User
from actionplan.plans.permissions import can_edit_plans


class SignedInRequest(HttpRequest):
    """The request of a page behind `login_required`: its user is an account, never anonymous."""

    user: User


def partnership_of(request: SignedInRequest) -> Partnership:
    partnership = request.user.partnership
    if partnership is None:
        raise Http404("your account is not part of a partnership")
    return partnership


def plans(request: SignedInRequest) -> QuerySet[Plan]:
    return Plan.objects.filter(partnership=partnership_of(request))


def reviews(request: SignedInRequest) -> QuerySet[Review]:
    return Review.objects.filter(partnership=partnership_of(request))


def actions(request: SignedInRequest) -> QuerySet[Action]:
    return Action.objects.filter(recommendation__plan__partnership=partnership_of(request))


M = TypeVar("M", bound=Model)


def one(queryset: QuerySet[M], **lookup: object) -> M:
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404
    return found


# What the action page shows of an action's relations, read in the same query as the action.
ACTION_PAGE_RELATIONS = ("recommendation__plan", "owner", "owner_person")


def action_for(request: SignedInRequest, pk: int, may: Callable[[User, Action], bool]) -> Action:
    """An action of the partnership (404 otherwise) that this person `may` change (403 otherwise)."""
    action = one(actions(request).select_related(*ACTION_PAGE_RELATIONS), pk=pk)
    if not may(request.user, action):
        raise PermissionDenied
    return action


def recommendations(request: SignedInRequest) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(plan__partnership=partnership_of(request))


def for_editing(request: SignedInRequest, queryset: QuerySet[M], pk: int) -> M:
    """A row of the partnership (404 otherwise) that this person may edit (403 otherwise)."""
    found = one(queryset, pk=pk)
    if not can_edit_plans(request.user):
        raise PermissionDenied
    return found


# The largest id a database row can have (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def ids_from(values: list[str]) -> set[int] | None:
    """Row ids from a query string (`?review=3&review=7`); None when one is not an id at all,
    so a hand-made link is "not found" instead of a database error."""
    ids = {int(v) for v in values if v.isascii() and v.isdigit()}
    return None if len(ids) != len(set(values)) or any(i > MAX_ID for i in ids) else ids
