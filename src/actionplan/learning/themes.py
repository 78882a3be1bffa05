"""The national list of themes and the themes a partnership may tag its rows with."""

from __future__ import annotations

from pathlib import Path

from django.db.models import Q, QuerySet

from actionplan.plans.counts_touched import counted
from actionplan.plans.models import Action, Partnership, Recommendation, Theme, User

NATIONAL_LIST = Path(__file__).with_name("national_themes.txt")


def national_names() -> list[str]:
    lines = NATIONAL_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def load_national(themes: type[Theme] = Theme) -> int:
    """Add the national themes not yet stored; returns how many were added. `themes` is the
    model class, so a migration can pass its historical one."""
    have = set(themes.objects.filter(national=True).values_list("name", flat=True))
    missing = [name for name in national_names() if name not in have]
    themes.objects.bulk_create([themes(name=name, national=True) for name in missing])
    return len(missing)


def themes_of(partnership: Partnership | None) -> QuerySet[Theme]:
    """The national list and the partnership's own themes."""
    seen = Theme.seen_by(partnership) if partnership else Q(national=True)
    return Theme.objects.filter(seen).select_related("maps_to")


def tag(
    rec: Recommendation,
    themes: list[Theme],
    action_themes: dict[int, list[Theme]],
    by: User | None = None,
) -> None:
    """Give a recommendation and its own actions their themes (any number each). Themes must be
    the national list's or the recommendation's partnership's; the form offers no others, and
    this refuses them in case another caller does. Each row whose themes change gets one new
    version in its history, saying who (`by`, else the person of the web request) and when."""
    allowed = set(themes_of(rec.plan.partnership).values_list("pk", flat=True))
    chosen = [*themes, *(t for ts in action_themes.values() for t in ts)]
    foreign = [t.name for t in chosen if t.pk not in allowed]
    if foreign:
        raise ValueError(f"not themes of this partnership: {', '.join(foreign)}")
    with counted():
        retag(rec, themes, by)
        for action in rec.actions.filter(pk__in=action_themes):
            retag(action, action_themes[action.pk], by)


def retag(row: Recommendation | Action, themes: list[Theme], by: User | None) -> None:
    """Change a row's themes in one step of its history: django-simple-history writes a version
    on each removal and each addition, so the removal is made without one when both happen."""
    have, want = set(row.themes.all()), set(themes)
    if have == want:
        return
    marks = row.__dict__
    if by is not None:
        marks["_history_user"] = by  # read by django-simple-history, as stamping.save_stamped does
    try:
        if have - want and want - have:
            marks["skip_history_when_saving"] = True
            try:
                row.themes.remove(*(have - want))
            finally:
                marks.pop("skip_history_when_saving")
        if want - have:
            row.themes.add(*(want - have))
        else:
            row.themes.remove(*(have - want))
    finally:
        marks.pop("_history_user", None)


def save_theme(theme: Theme, name: str, national: Theme | None) -> Theme:
    """A partnership's own theme, mapped to one of the national list (or to none yet)."""
    if national is not None and not national.national:
        raise ValueError(f"{national.name} is not on the national list")
    theme.name, theme.maps_to = name.strip(), national
    theme.save()
    return theme
