# Assurance stored before ADR 71 on work no longer claimed done, withdrawn as the rule withdraws it.

from django.db import migrations
from django.db.models import F

# The rule as it stood when this was written (plans.assurance): a migration keeps its own copy,
# so that a later change to the rule does not change what this one did.
ASSURED = ("accepted", "impact_evidenced", "rechecked")
NOT_DONE = ("not_achieved", "superseded")
IMPLEMENTED = "implemented"
STATUS_WORDS = {"not_started": "not started", "in_progress": "in progress", "slipped": "slipped",
                "implemented": "implemented", "not_achieved": "not achieved", "superseded": "superseded"}
WHY = ("Assurance withdrawn: the work is no longer claimed done. Stored before assurance was "
       "withdrawn with such a change, it is withdrawn as the change would have withdrawn it.")


def reopened_while_assured(versions):
    """Whether the newest versions (newest first) show the work reopened after it was implemented
    and assured, its assurance standing unjudged since: a newer version assured otherwise than the
    work was when implemented (not assured, or another level: accepted, then rechecked) is the
    board's judgement of the reopened work, and stands."""
    since = []
    for version in versions:
        if version.status == IMPLEMENTED:
            return version.assurance in ASSURED and all(v.assurance == version.assurance for v in since)
        since.append(version)
    return False


def undone_but_assured(model, historical):
    """The rows the rule would have withdrawn: not achieved or superseded and still assured, or
    reopened from implemented without their assurance judged again."""
    assured = model.objects.filter(assurance__in=ASSURED)
    found = list(assured.filter(status__in=NOT_DONE))
    # Only work once implemented while assured can have been reopened with that assurance: found in
    # one query over the history first, so that the history of the many rows assured while under
    # way (ADR 63) is never read.
    once_done = historical.objects.filter(status=IMPLEMENTED, assurance__in=ASSURED).values("id")
    for row in assured.exclude(status__in=(*NOT_DONE, IMPLEMENTED)).filter(pk__in=once_done):
        versions = historical.objects.filter(id=row.pk).order_by("-history_date", "-history_id")
        if reopened_while_assured(versions.iterator()):
            found.append(row)
    return found


def withdraw(row, evidence_stands, historical, links, owner, now):
    """As `evidence.withdraw_assurance_of_undone_work` and `assurance.judged_again`: awaiting a
    judgement of the evidence still standing, or no evidence when none stands or the work was not
    done. One history row, dated now, by nobody (the system), saying why; its themes as they are,
    so the history does not read as if they were removed."""
    row.assurance = "submitted" if evidence_stands and row.status not in NOT_DONE else "none"
    said = f"Assurance withdrawn: the work became {STATUS_WORDS[row.status]}"
    reason = getattr(row, "status_reason", "").strip()  # an action's; a recommendation keeps none
    row.assurance_reason = f"{said}: {reason}" if reason else said
    if hasattr(row, "version"):
        row.version += 1  # as every save of an action: a page read before cannot overwrite this
    row.save()
    columns = [f.attname for f in type(row)._meta.concrete_fields]
    version = historical.objects.create(
        **{column: getattr(row, column) for column in columns},
        history_date=now, history_type="~", history_user=None, history_change_reason=WHY,
    )
    tagged = type(row).themes.through.objects.filter(**{owner: row.pk}).values_list("pk", "theme_id")
    links.objects.bulk_create(
        links(id=link, history=version, **{owner: row.pk}, theme_id=theme) for link, theme in tagged
    )


def mark_plans(apps, plan_ids):
    """Say the plans changed, as a change does (`kept_recount.mark`): each is counted live on the
    dashboard until re-counted, which the daily `actionplan remind` does for every plan left marked."""
    KeptPlan = apps.get_model("plans", "KeptPlan")
    ids = sorted(set(plan_ids))
    KeptPlan.objects.filter(plan_id__in=ids).update(changes=F("changes") + 1)
    known = set(KeptPlan.objects.filter(plan_id__in=ids).values_list("plan_id", flat=True))
    KeptPlan.objects.bulk_create(KeptPlan(plan_id=pk, changes=1, counted=0) for pk in ids if pk not in known)


def plans_counting(row, name):
    """The plans whose counts the row adds to: its own, and for an action the composite plans
    linking to it."""
    if name == "Action":
        linking = row.linked_recommendations.values_list("plan_id", flat=True)
        return {row.recommendation.plan_id, *linking}
    return {row.plan_id}


def withdraw_assurance_of_undone_work(apps, schema_editor):
    from django.utils import timezone

    now = timezone.now()
    Evidence = apps.get_model("plans", "Evidence")
    touched = set()
    for name, owner in (("Action", "action_id"), ("Recommendation", "recommendation_id")):
        historical = apps.get_model("plans", f"Historical{name}")
        links = apps.get_model("plans", f"Historical{name}_themes")
        for row in undone_but_assured(apps.get_model("plans", name), historical):
            standing = Evidence.objects.filter(**{owner: row.pk}, withdrawals__isnull=True, withdrawn_at=None)
            withdraw(row, standing.exists(), historical, links, owner, now)
            touched |= plans_counting(row, name)
    mark_plans(apps, touched)


class Migration(migrations.Migration):

    dependencies = [
        ("plans", "0018_history_in_the_pages_words"),
    ]

    operations = [
        migrations.RunPython(withdraw_assurance_of_undone_work, migrations.RunPython.noop),
    ]
