"""An owner whose post is the agency's own name is said once on the pages, as in the reports."""

from __future__ import annotations

import re

import pytest
from scenes import text_of

from actionplan.plans.models import Action

pytestmark = pytest.mark.django_db


def words_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text_of(response)).split())


@pytest.mark.parametrize(("post", "shown"), [
    ("  riverton POLICE ", "Riverton Police"),  # the agency's own name, as a plan typed it
    ("Detective Inspector", "Riverton Police – Detective Inspector"),
])
def test_the_action_page_and_lists_say_a_post_only_when_it_says_more(client, alice, action, post, shown):
    Action.objects.filter(pk=action.pk).update(owner_role=post)
    action.refresh_from_db()
    assert action.owner.name == "Riverton Police"
    client.force_login(alice)
    assert f"Owner {shown}" in words_of(client.get(f"/actions/{action.pk}/"))
    for url in ("/actions/", f"/plans/{action.recommendation.plan_id}/"):
        words = words_of(client.get(url))
        assert post.strip() in words if post == "Detective Inspector" else post.strip() not in words, url
