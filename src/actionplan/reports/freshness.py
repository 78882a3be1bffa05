"""Whether anything a report reads has changed: a fingerprint of the plans' tables.

A report as at any date is built from the records and their history (reports/assemble.py), so
it can only come out differently when a row of those tables is added, changed or removed. Every
change to a recorded row adds a row to its history table; links between rows (themes, reviews,
linked actions) have no history, and some rows are written in bulk: so each table counts, not
only the history. For every table of the plans app the fingerprint takes the number of rows and
the highest id. The number matters, not only the id: on PostgreSQL a long transaction (an
import) may commit rows with lower ids after a quicker one committed a higher id, and only the
count then moves. The highest id is read from the primary key index; counting reads the table
or its index, the dearer part at a region's scale, yet far cheaper than producing a report.

The fingerprint is the instance's, not one partnership's: a change anywhere means a new report.
That is coarse for an instance of many partnerships, but never stale, and costs a few indexed
aggregates instead of joining every history table to its partnership (docs/adr/0043).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from django.apps import apps
from django.db.models import Count, Max, Model

from actionplan.plans.models import ImportDraft, ReportFile, User

# Rows no report reads: people and their sign-ins, imports not yet stored, and these files.
UNREAD = {ImportDraft, ReportFile, User}


def read_by_reports(model: type[Model]) -> bool:
    """A table of the plans app that a report may read: its rows, their history (simple-history
    names the model it copies `instance_type`) and the links between them."""
    base = getattr(model, "instance_type", None) or model._meta.auto_created or model
    return base not in UNREAD


@cache
def tables() -> list[type[Model]]:
    found = apps.get_app_config("plans").get_models(include_auto_created=True)
    return sorted((m for m in found if read_by_reports(m)), key=lambda m: m._meta.db_table)


@cache
def code_version() -> str:
    """A new release may lay reports out differently: its reports are new files."""
    try:
        return version("actionplan")
    except PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


def fingerprint() -> str:
    """The same string while no row a report reads has been added, changed or removed."""
    parts = [code_version()]
    for model in tables():
        counted = model._base_manager.aggregate(rows=Count("pk"), top=Max("pk"))
        parts.append(f"{model._meta.db_table}:{counted['rows']}:{counted['top']}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()
