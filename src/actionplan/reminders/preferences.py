"""Who wants which e-mails: each person turns off what they do not want, except what their
partnership makes mandatory. The one place both the reminders and the events ask."""

from __future__ import annotations

from django.db import transaction

from actionplan.plans.editing import EditRefused
from actionplan.plans.models import Partnership, User

from .models import EVENT_KINDS, KINDS, Preferences, ReminderSettings


def mandatory(partnership: Partnership | None) -> set[str]:
    if partnership is None:
        return set()
    return set(ReminderSettings.of(partnership).mandatory)


def turned_off(person: User) -> set[str]:
    found = Preferences.objects.filter(person=person).first()
    return set(found.turned_off) if found else set()


def gathered(person: User) -> set[str]:
    """The kinds this person gets once a day, in one e-mail, rather than as they happen."""
    found = Preferences.objects.filter(person=person).first()
    return set(found.daily) if found else set()


def wanting(people: list[User], kind: str) -> list[User]:
    """Those of `people` who get e-mails of this kind."""
    off = {p.person_id: set(p.turned_off) for p in Preferences.objects.filter(person__in=people)}
    required: dict[int | None, set[str]] = {}
    found = []
    for person in people:
        if person.partnership_id not in required:
            required[person.partnership_id] = mandatory(person.partnership)
        if kind in required[person.partnership_id] or kind not in off.get(person.pk, set()):
            found.append(person)
    return found


def save_preferences(person: User, wanted: set[str], daily: set[str] | None = None) -> Preferences:
    """Which kinds the person gets, and which of those told as they happen they get once a day."""
    unknown = (wanted | (daily or set())) - set(KINDS)
    if unknown:
        raise EditRefused(f"there is no kind of e-mail called {', '.join(sorted(unknown))}")
    not_daily = (daily or set()) - set(EVENT_KINDS)
    if not_daily:
        raise EditRefused(f"{', '.join(sorted(not_daily))} already come once a day at most")
    off = sorted(set(KINDS) - wanted - mandatory(person.partnership))
    with transaction.atomic():
        preferences, _ = Preferences.objects.select_for_update().get_or_create(person=person)
        preferences.turned_off = off
        if daily is not None:
            preferences.daily = sorted(daily)
        preferences.save()
    return preferences
