"""Everything a page shows comes from the signed-in person's partnership, checked on the server.

Rows of another partnership are "not found" (404), so their existence is not revealed; a role
that may not do something gets "forbidden" (403).
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from actionplan.plans.models import Action, Partnership, Plan, Review, User


def partnership_of(request: HttpRequest) -> Partnership:
    partnership = getattr(request.user, "partnership", None)
    if partnership is None:
        raise Http404("your account is not part of a partnership")
    return partnership


def plans(request: HttpRequest) -> QuerySet[Plan]:
    return Plan.objects.filter(partnership=partnership_of(request))


def reviews(request: HttpRequest) -> QuerySet[Review]:
    return Review.objects.filter(partnership=partnership_of(request))


def actions(request: HttpRequest) -> QuerySet[Action]:
    return Action.objects.filter(recommendation__plan__partnership=partnership_of(request))


def one(queryset: QuerySet, **lookup: object):  # type: ignore[no-untyped-def]
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404
    return found


def action_for(request: HttpRequest, pk: int, may: Callable[[User, Action], bool]) -> Action:
    """An action of the partnership (404 otherwise) that this person `may` change (403 otherwise)."""
    action = one(actions(request), pk=pk)
    if not may(request.user, action):  # type: ignore[arg-type]
        raise PermissionDenied
    return action


# The largest id a database row can have (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def ids_from(values: list[str]) -> set[int] | None:
    """Row ids from a query string (`?review=3&review=7`); None when one is not an id at all,
    so a hand-made link is "not found" instead of a database error."""
    ids = {int(v) for v in values if v.isascii() and v.isdigit()}
    return None if len(ids) != len(set(values)) or any(i > MAX_ID for i in ids) else ids
