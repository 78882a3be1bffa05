"""The names of a row's themes as a line of its search entry, so that searching a theme's name
finds the recommendations and actions tagged with it though its words are not in their text
(docs/adr/0062). A framework theme is named with the national theme it maps to, so the national
name finds it too."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import Model

# Shown in the snippet before the names, so a hit found by its themes says why.
LINE = "Themes:"


def theme_lines(through: type[Model], owner: str, **where: Any) -> dict[int, str]:
    """{row id: "Themes: Neglect; Front door (Information sharing)"} for the rows of `through`
    (a recommendation's or an action's themes, `owner` naming the row's field) matching `where`;
    rows with no theme are left out. `through` may be a migration's historical model."""
    tags = through._default_manager.filter(**where).values_list(
        f"{owner}_id", "theme__name", "theme__maps_to__name"
    )
    named: dict[int, list[str]] = defaultdict(list)
    for pk, name, national in tags.order_by(f"{owner}_id", "theme__name"):
        different = national and national.casefold() != name.casefold()  # never "X (X)"
        named[pk].append(f"{name} ({national})" if different else name)
    return {pk: f"{LINE} {'; '.join(names)}" for pk, names in named.items()}
