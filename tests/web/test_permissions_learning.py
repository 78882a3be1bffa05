"""Who may search, read the learning across reviews and keep the themes."""

from __future__ import annotations

from permission_matrix import Case, admin_only, codes, editor, everyone, police, riverton_rec, role_matrix
from scenes import World

from actionplan.plans.models import Theme


def national(name: str = "Neglect") -> int:
    return Theme.objects.get(partnership=None, name=name).pk


def own_theme(w: World) -> Theme:
    """A theme of Riverton's own framework."""
    theme, _ = Theme.objects.get_or_create(partnership=w.plan.partnership, name="Riverton front door")
    return theme


def other_theme(w: World) -> Theme:
    theme, _ = Theme.objects.get_or_create(partnership=w.other_plan.partnership, name="Elsewhere hoarding")
    return theme


CASES = [
    # Learning across reviews: everyone reads their own partnership's; themes are the admin's.
    Case("search", "get", lambda w: "/search/?q=only+action", everyone(200)),
    Case("search filtered by other agency", "get",
         lambda w: f"/search/?q=only+action&agency={w.other_action.owner_id}", everyone(200)),
    Case("recommendation page", "get", lambda w: f"/recommendations/{riverton_rec(w)}/", codes(200, 404)),
    Case("other recommendation page", "get",
         lambda w: f"/recommendations/{w.other_action.recommendation_id}/", codes(404, 200)),
    Case("recurring learning", "get", lambda w: "/learning/", everyone(200)),
    Case("recurring learning download", "get", lambda w: "/learning/download/?format=csv", everyone(200)),
    Case("theme list", "get", lambda w: "/themes/", everyone(200)),
    Case("recommendation themes page", "get", lambda w: f"/recommendations/{riverton_rec(w)}/themes/",
         editor(404, alice=200)),
    Case("recommendation themes", "post", lambda w: f"/recommendations/{riverton_rec(w)}/themes/",
         editor(404, alice=302),
         lambda w: {"themes": [national(), own_theme(w).pk], f"action_{police(w)}": [national()]},
         prepare=own_theme),
    Case("recommendation given other partnership's theme", "post",
         lambda w: f"/recommendations/{riverton_rec(w)}/themes/", editor(404, alice=400),
         lambda w: {"themes": [other_theme(w).pk]}, prepare=other_theme),
    Case("other recommendation themes", "post",
         lambda w: f"/recommendations/{w.other_action.recommendation_id}/themes/", codes(404, 302),
         lambda w: {"themes": [national()]}),
    Case("new theme page", "get", lambda w: "/themes/new/", admin_only(eve=200)),
    Case("new theme", "post", lambda w: "/themes/new/", codes(403, 302, alice=302),
         lambda w: {"name": "Working together", "national": national("Information sharing")}),
    Case("edit theme page", "get", lambda w: f"/themes/{own_theme(w).pk}/edit/", editor(404, alice=200),
         prepare=own_theme),
    Case("edit theme", "post", lambda w: f"/themes/{own_theme(w).pk}/edit/", editor(404, alice=302),
         lambda w: {"name": "Front door", "national": national("Risk assessment")}, prepare=own_theme),
    Case("edit national theme", "post", lambda w: f"/themes/{national()}/edit/", codes(404, 404),
         lambda w: {"name": "Renamed"}),
]

test_it_gives_each_role_what_it_may_have = role_matrix(CASES)
