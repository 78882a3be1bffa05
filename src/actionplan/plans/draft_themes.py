"""The sections of an import draft mapped to the partnership's learning themes: each section's
recommendations are given the theme the person chose (or the theme of the very same name), as
the plan is stored (store_draft's `themes`, tagged in bulk: bulk_tags)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .models import ImportDraft, Theme, normalise_name

NO_THEME = "none"


def section_key(name: str) -> str:
    return f"section:{name}"


def themes_of(draft: ImportDraft) -> list[Theme]:
    """The national list, then the partnership's own themes (which win a match by name)."""
    return list(Theme.objects.filter(Theme.seen_by(draft.partnership)).order_by("-national", "name"))


@dataclass
class SectionTheme:
    name: str
    theme: Theme | None  # chosen, else the theme of the same name
    chosen: bool


def section_themes(draft: ImportDraft, plans: Iterable[dict[str, Any]]) -> list[SectionTheme]:
    themes = themes_of(draft)
    by_pk = {str(t.pk): t for t in themes}
    by_name = {normalise_name(t.name): t for t in themes}
    found: dict[str, SectionTheme] = {}
    for plan in plans:
        for section in plan["sections"]:
            name = section["name"]
            if name in found or section.get("kind") == "agency":
                continue
            choice = draft.edits.get(section_key(name))
            theme = by_pk.get(choice or "") if choice else by_name.get(normalise_name(name))
            found[name] = SectionTheme(name, theme, choice is not None)
    return list(found.values())


def themes_given(draft: ImportDraft, plans: Iterable[dict[str, Any]]) -> dict[str, Theme]:
    """Section name -> the theme each recommendation of that section is given."""
    return {mapped.name: mapped.theme for mapped in section_themes(draft, plans) if mapped.theme is not None}
