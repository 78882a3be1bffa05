"""The history of a recommendation, action or plan as people read it: who, when, what and why.

Stored versions hold codes and row numbers ("owner: 35"); a board reads names and labels
("Owner: Riverton Police → Riverton NHS Trust"), so each value is turned back into words here,
the one place pages and reports take it from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Field, Model

# Bookkeeping that changes with every save and says nothing to a reader.
HIDDEN_FIELDS = frozenset({"updated_at", "version", "created_at"})


@dataclass(frozen=True)
class FieldChange:
    field: str  # the field's name, as a reader would say it: "Owner", "Revised due date"
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    created: bool
    fields: list[FieldChange]
    why: str


def long_date(value: date) -> str:
    """GOV.UK style: 31 March 2027."""
    return f"{value.day} {value:%B %Y}"


def stored_field(model: type[Model], name: str) -> Field[Any, Any]:
    """A field a version stores: a column of the model's own, never a relation seen from the other side."""
    field = model._meta.get_field(name)
    assert isinstance(field, Field), f"{model.__name__}.{name} is not stored in its versions"
    return field


def in_words(model: type[Model], name: str, value: Any, when: datetime | None = None) -> str:
    """One stored value as a person reads it: a name for a row, a label for a code. A row removed
    since (an agency merged into another) is named as it was at `when`, from its own history."""
    if value in (None, ""):
        return "(blank)"
    field = stored_field(model, name)
    if (field.many_to_one or field.one_to_one) and field.related_model is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        if related is None:
            return removed_name(field.related_model, value, when)
        full_name = getattr(related, "get_full_name", None)
        return (full_name() if full_name else "") or str(related)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime):
        return f"{long_date(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "(blank)"
    return str(value)


def removed_name(model: Any, pk: Any, when: datetime | None) -> str:
    """The name a removed row had at `when` (or, failing that, the last it had), read from its
    history; "(removed)" only for a row that kept none."""
    history = getattr(model, "history", None)
    if history is None:
        return "(removed)"
    versions = history.filter(id=pk).order_by("-history_date", "-history_id")
    version = (versions.filter(history_date__lte=when).first() if when else None) or versions.first()
    if version is None:
        return "(removed)"
    return str(version.instance)


def related_in_versions(records: list[Any]) -> dict[str, tuple[str, dict[int, str]]]:
    """For each many-to-many field the versions keep (themes): its label, and the names each
    version held, read for all the versions at once rather than a query per version."""
    found: dict[str, tuple[str, dict[int, str]]] = {}
    for field in getattr(records[0], "_history_m2m_fields", []) if records else []:
        links = getattr(records[0], field.name).model  # the versions' copy of the link table
        key = f"{field.related_model._meta.model_name}_id"
        versions = [r.history_id for r in records]
        rows = links.objects.filter(history_id__in=versions).values_list("history_id", key)
        named = field.related_model._default_manager.filter(pk__in={pk for _, pk in rows})
        names = {row.pk: str(row) for row in named}
        held: dict[int, list[str]] = {}
        for history_id, pk in rows:
            held.setdefault(history_id, []).append(names.get(pk, "(removed)"))
        label = str(field.verbose_name)
        label = label[:1].upper() + label[1:]
        found[field.name] = (label, {h: ", ".join(sorted(n)) for h, n in held.items()})
    return found


def person(user: Any) -> str:
    if user is None:
        return "System or import"
    return user.get_full_name() or user.username


def changes_of(instance: Model) -> list[Change]:
    """Every saved version compared with the one before it, newest first."""
    model = type(instance)
    records = list(
        instance.history.select_related("history_user").order_by("history_date", "history_id")  # type: ignore[attr-defined]  # added by django-simple-history, untyped
    )
    related = related_in_versions(records)
    found = []
    for before, after in zip([None, *records], records, strict=False):
        fields = []
        if before is not None:
            for c in after.diff_against(before, excluded_fields=list(related)).changes:
                name = c.field
                if name in HIDDEN_FIELDS:
                    continue
                label = stored_field(model, name).verbose_name
                when = after.history_date
                fields.append(FieldChange(label[:1].upper() + label[1:], in_words(model, name, c.old, when),
                                          in_words(model, name, c.new, when)))
            for label, held in related.values():
                old, new = held.get(before.history_id, ""), held.get(after.history_id, "")
                if old != new:
                    fields.append(FieldChange(label, old or "(none)", new or "(none)"))
            if not fields:
                continue
        found.append(
            Change(after.history_date, person(after.history_user), before is None, fields,
                   after.history_change_reason or "")
        )
    return list(reversed(found))
