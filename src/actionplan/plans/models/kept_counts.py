"""The dashboard's counts kept up to date as the plans change (ADR 46).

Each plan keeps the counts its own rows add to the partnership's (its actions, the actions its
recommendations link to, its recommendations tracked on their own): a change marks the plans
it touched, and once it is committed they are re-counted and their rows replaced, with no
"before" to subtract. The dashboard adds
the rows up. The counts say the day and the thresholds they were made for; made for another,
they are not read."""

from __future__ import annotations

from django.db import models

from .partnership import Partnership
from .plan import Plan


class CountsKept(models.Model):
    """When and for which thresholds a partnership's kept counts were made. None: they are not
    to be read (a change reached them by a path that does not keep them) until rebuilt."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, primary_key=True, related_name="counts_kept")
    as_at = models.DateField(null=True)
    # The day a rebuild is under way for: changes meanwhile re-count their plans for it too.
    rebuilding_for = models.DateField(null=True)
    amber_within_days = models.PositiveSmallIntegerField()
    stale_after_days = models.PositiveSmallIntegerField()


class KeptCount(models.Model):
    """One number of the partnership's summary as one plan adds to it: `field` is the summary's
    (by_plan, by_agency, overdue ...), `key` the plan, agency or theme counted under (0 when
    none) and `rag` the colour (blank for a plain number)."""

    # No constraint in the database (Django still deletes them with their plan): checking one
    # would make a re-count wait for the plan's row, which a change locks before it marks the
    # plan, while the change waits for the mark the re-count holds: a deadlock on PostgreSQL.
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+",
                                    db_constraint=False)
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    field = models.CharField(max_length=40)
    key = models.BigIntegerField(default=0)
    rag = models.CharField(max_length=10, blank=True)
    n = models.IntegerField()

    class Meta:
        indexes = [models.Index(fields=["partnership", "field"], name="kept_count_partnership")]


class KeptTotal(models.Model):
    """The partnership's number as all its plans' kept rows add up (ADR 67): equal at every
    commit to the sum of its `KeptCount` rows of that field, key and colour, so the dashboard
    reads a few hundred rows, not every plan's. Changed only with those rows, by difference
    (`kept_totals`); a number that falls to zero is removed."""

    # Unconstrained as KeptCount's are: written in a re-count's short transaction, which must
    # wait for no row that a change may hold.
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+",
                                    db_constraint=False, db_index=False)  # the unique one leads with it
    field = models.CharField(max_length=40)
    key = models.BigIntegerField(default=0)
    rag = models.CharField(max_length=10, blank=True)
    n = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "field", "key", "rag"],
                                               name="kept_total_one_number")]


class KeptPlan(models.Model):
    """Whether a plan's kept rows are up to date: each change to the plan adds one to `changes`
    in its own transaction; a re-count sets `counted` to the `changes` it was made after. While
    the two differ the plan is counted live on the dashboard, never read from its rows."""

    # Unconstrained in the database as KeptCount's are: marking (the rebuild marks every plan)
    # must not wait for a plan's row that a change has locked while it waits for the mark.
    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, primary_key=True, related_name="+",
                                db_constraint=False)
    changes = models.BigIntegerField(default=1)
    counted = models.BigIntegerField(default=0)
