"""Themes: a partnership sees its own and the national list, never a theme saved with none."""

import pytest

from actionplan.plans.models import Theme
from actionplan.web.forms import ActionFilterForm

pytestmark = pytest.mark.django_db


def offered(partnership) -> set[str]:
    return {t.name for t in ActionFilterForm({}, partnership).fields["theme"].queryset}


def test_a_theme_saved_without_a_partnership_is_seen_by_no_partnership(partnership, eve):
    national = set(Theme.objects.filter(national=True).values_list("name", flat=True))
    assert "Neglect" in national  # the national list ships with the project
    Theme.objects.create(name="Ours", partnership=partnership)
    Theme.objects.create(name="Saved with no partnership")
    assert offered(partnership) == {"Ours"} | national
    assert offered(eve.partnership) == national


def test_a_national_theme_belongs_to_no_partnership(partnership):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Theme.objects.create(name="Both", partnership=partnership, national=True)
