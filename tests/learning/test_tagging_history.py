"""Tagging a recommendation or an action with themes is in its history: who, when, and the
themes in names."""

from __future__ import annotations

import pytest

from actionplan.learning.themes import tag
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Theme

pytestmark = pytest.mark.django_db


def national(*names: str) -> list[Theme]:
    return [Theme.objects.get(name=name, national=True) for name in names]


def test_each_change_of_themes_is_one_version_saying_who_and_which(action, alice):
    alice.first_name, alice.last_name = "Alice", "Ashworth"
    alice.save()
    rec = action.recommendation
    sharing, curiosity, neglect = national("Information sharing", "Professional curiosity", "Neglect")
    tag(rec, [sharing], {action.pk: [neglect]}, by=alice)
    before = len(changes_of(rec)), len(changes_of(action))
    tag(rec, [curiosity, neglect], {action.pk: [neglect]}, by=alice)  # one removed, two added
    tag(rec, [curiosity, neglect], {action.pk: [neglect]}, by=alice)  # nothing changed
    assert (len(changes_of(rec)), len(changes_of(action))) == (before[0] + 1, before[1])
    newest = changes_of(rec)[0]
    assert newest.who == "Alice Ashworth"
    assert [(f.field, f.old, f.new) for f in newest.fields] == [
        ("Themes", "Information sharing", "Neglect, Professional curiosity")
    ]
    first = changes_of(action)[0]
    assert [(f.field, f.old, f.new) for f in first.fields] == [("Themes", "(none)", "Neglect")]
    tag(rec, [], {action.pk: []}, by=alice)
    assert [(f.old, f.new) for f in changes_of(action)[0].fields] == [("Neglect", "(none)")]
