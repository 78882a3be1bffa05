"""The national list of themes and the themes a partnership may tag its rows with."""

from __future__ import annotations

from pathlib import Path

from django.db.models import Q, QuerySet

from actionplan.plans.models import Partnership, Theme

NATIONAL_LIST = Path(__file__).with_name("national_themes.txt")


def national_names() -> list[str]:
    lines = NATIONAL_LIST.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def load_national(themes: type[Theme] = Theme) -> int:
    """Add the national themes not yet stored; returns how many were added. `themes` is the
    model class, so a migration can pass its historical one."""
    have = set(themes.objects.filter(partnership=None).values_list("name", flat=True))
    missing = [name for name in national_names() if name not in have]
    themes.objects.bulk_create([themes(name=name) for name in missing])
    return len(missing)


def themes_of(partnership: Partnership | None) -> QuerySet[Theme]:
    """The national list and the partnership's own themes."""
    own = Q(partnership=partnership) if partnership else Q(pk__in=[])
    return Theme.objects.filter(Q(partnership=None) | own).select_related("national")
