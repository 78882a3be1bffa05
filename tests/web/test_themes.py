"""Themes: a partnership sees its own and the national list, never a theme saved with none."""

import re

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


@pytest.mark.parametrize("page", ["plan", "/search/?q=protocol"])
def test_a_framework_theme_named_as_a_national_one_is_told_apart_in_the_filters(client, alice, action, page):
    page = f"/plans/{action.recommendation.plan_id}/" if page == "plan" else page
    national = Theme.objects.get(national=True, name="Information sharing")
    Theme.objects.create(name="Information sharing", partnership=alice.partnership, maps_to=national)
    curiosity = Theme.objects.get(national=True, name="Professional curiosity")
    Theme.objects.create(name="Curiosity", partnership=alice.partnership, maps_to=curiosity)
    client.force_login(alice)
    theme_list = client.get(page).content.decode().split('name="theme"', 1)[1].split("</select>", 1)[0]
    labels = [label.strip() for label in re.findall(r"<option[^>]*>([^<]*)</option>", theme_list)]
    assert "Information sharing" in labels  # the national theme
    assert "Information sharing (our framework)" in labels
    assert "Curiosity (our framework; Professional curiosity)" in labels
