"""Fill a PostgreSQL database of its own with one synthetic partnership of N actions.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/scale/generate.py 100000 [--updates 5]

Plans of 100 actions (20 recommendations of 5 actions), 40 agencies, 12 themes, a composite plan
for every 50 plans linking one action of each, `--updates` progress updates per action, and the
history rows a stored plan has (one "created" row per action and per update). Statuses, due
dates, assurance and updates follow a fixed mix worked out from each row's id, so two runs give
the same data. Everything is written by SQL `INSERT … SELECT generate_series`, in one transaction.

The database is emptied first: the script refuses one that holds a partnership of its own.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
PARTNERSHIP = "Scale Safeguarding Partnership"
AGENCIES, THEMES, RECS_PER_PLAN, ACTIONS_PER_REC = 40, 12, 20, 5

# Each statement sees %(n)s (actions), %(updates)s (per action), %(p)s (the partnership id).
STEPS: list[tuple[str, str]] = [
    ("agencies", """INSERT INTO plans_agency (partnership_id, name, aliases)
        SELECT %(p)s, 'Agency ' || to_char(g, 'FM00'), '[]'::jsonb FROM generate_series(1, 40) g"""),
    ("themes", """INSERT INTO plans_theme (partnership_id, name, national)
        SELECT %(p)s, 'Theme ' || to_char(g, 'FM00'), false FROM generate_series(1, 12) g"""),
    ("plans", """INSERT INTO plans_plan (partnership_id, title, kind, source_name, source_sha256,
            created_at, closed_reason)
        SELECT %(p)s, 'Plan ' || to_char(g, 'FM0000000'), 'review_action_plan', '', '', now(), ''
        FROM generate_series(1, %(n)s / 100) g"""),
    ("recommendations", """INSERT INTO plans_recommendation (plan_id, "order", ref, outcome, text,
            decision, decision_reason, status, progress, rag, notes, assurance, assurance_reason)
        SELECT p.id, r, r || '.', 'Outcome', 'Agencies should share information early.',
            'accepted', '', 'not_started', '', '', '[]'::jsonb, 'none', ''
        FROM plans_plan p CROSS JOIN generate_series(1, 20) r WHERE p.partnership_id = %(p)s"""),
    ("themes of recommendations", """INSERT INTO plans_recommendation_themes (recommendation_id, theme_id)
        SELECT r.id, t.id FROM plans_recommendation r JOIN plans_theme t
          ON t.partnership_id = %(p)s AND t.name = 'Theme ' || to_char(r.id %% 12 + 1, 'FM00')"""),
    ("actions", """INSERT INTO plans_action (recommendation_id, "order", text, owner_id, owner_role,
            due_text, due_date, due_precision, due_kind, measure, status, status_reason,
            revised_due_date, revised_due_reason, assurance, assurance_reason, rag_override,
            rag_override_reason, created_at, updated_at, version)
        SELECT r.id, a, 'Revise the escalation policy and brief all staff.',
            (SELECT min(id) FROM plans_agency WHERE partnership_id = %(p)s) + (r.id * 5 + a) %% 40,
            '', '', current_date + ((r.id * 5 + a) * 7919 %% 1460 - 900)::int, 'day', 'date', '',
            s.status, '', CASE WHEN s.status = 'slipped' THEN current_date + ((r.id * 5 + a) %% 90)::int END,
            '', CASE WHEN s.status = 'implemented' THEN (ARRAY['none', 'submitted', 'accepted',
                'impact_evidenced'])[(r.id + a) %% 4 + 1] ELSE 'none' END, '', '', '',
            now() - make_interval(days => ((r.id * 5 + a) %% 1000)::int), now(), 0
        FROM plans_recommendation r CROSS JOIN generate_series(1, 5) a
        CROSS JOIN LATERAL (SELECT (ARRAY['not_started', 'in_progress', 'in_progress', 'in_progress',
            'slipped', 'implemented', 'implemented', 'implemented', 'not_achieved', 'superseded'])
            [(r.id * 5 + a) * 31 %% 10 + 1] AS status) s"""),
    ("progress updates", """INSERT INTO plans_progressupdate (action_id, written_on, author_name, text,
            status, rag, created_at, kind, reason)
        SELECT a.id, current_date - ((a.id * 13 + u * 97) %% 400)::int, 'Named nurse',
            'Briefings delivered to two of three teams.', a.status, '', now(), 'update', ''
        FROM plans_action a CROSS JOIN generate_series(1, %(updates)s) u"""),
    ("composite plans", """INSERT INTO plans_plan (partnership_id, title, kind, source_name,
            source_sha256, created_at, closed_reason)
        SELECT %(p)s, 'Composite ' || to_char(g, 'FM00000'), 'composite_action_plan', '', '', now(), ''
        FROM generate_series(1, greatest(%(n)s / 5000, 1)) g"""),
    ("composite recommendations", """INSERT INTO plans_recommendation (plan_id, "order", ref, outcome,
            text, decision, decision_reason, status, progress, rag, notes, assurance, assurance_reason)
        SELECT p.id, 1, '1.', '', 'Learning across reviews.', 'accepted', '', 'not_started', '', '',
            '[]'::jsonb, 'none', '' FROM plans_plan p WHERE p.kind = 'composite_action_plan'"""),
    ("composite links", """INSERT INTO plans_recommendation_linked_actions (recommendation_id, action_id)
        SELECT c.id, first.action_id
        FROM (SELECT r.plan_id, min(a.id) AS action_id FROM plans_action a JOIN plans_recommendation r
              ON a.recommendation_id = r.id GROUP BY r.plan_id) first
        JOIN plans_plan p ON p.id = first.plan_id
        JOIN plans_recommendation c ON c.plan_id = (SELECT min(id) FROM plans_plan
            WHERE kind = 'composite_action_plan') + p.id %% greatest(%(n)s / 5000, 1)
        WHERE p.kind = 'review_action_plan'"""),
    ("history of actions", """INSERT INTO plans_historicalaction (id, "order", text, owner_role, due_text,
            due_date, due_precision, due_kind, start_date, measure, status, status_reason,
            revised_due_date, assurance, assurance_reason, rag_override, rag_override_reason,
            created_at, updated_at, history_date, history_change_reason, history_type, owner_id,
            superseded_by_id, recommendation_id, version, owner_person_id, revised_due_reason)
        SELECT id, "order", text, owner_role, due_text, due_date, due_precision, due_kind, start_date,
            measure, status, status_reason, revised_due_date, assurance, assurance_reason,
            rag_override, rag_override_reason, created_at, updated_at, created_at, 'Imported', '+',
            owner_id, superseded_by_id, recommendation_id, version, owner_person_id, revised_due_reason
        FROM plans_action"""),
    ("history of updates", """INSERT INTO plans_historicalprogressupdate (id, written_on, author_name,
            text, status, rag, created_at, history_date, history_type, action_id, author_id, kind, reason)
        SELECT id, written_on, author_name, text, status, rag, created_at, created_at, '+', action_id,
            author_id, kind, reason FROM plans_progressupdate"""),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("actions", type=int, help="how many actions (a multiple of 100)")
    parser.add_argument("--updates", type=int, default=5, help="progress updates per action")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "actionplan.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from actionplan.plans.models import Agency, Partnership, User

    if connection.vendor != "postgresql":
        sys.exit("bench/scale runs on PostgreSQL: set DATABASE_URL")
    call_command("migrate", verbosity=0)
    if Partnership.objects.exclude(name=PARTNERSHIP).exists():
        sys.exit("this database holds other partnerships: give the benchmark a database of its own")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        tables = [t for t in connection.introspection.table_names(cursor) if t.startswith("plans_")]
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
    with transaction.atomic():
        partnership = Partnership.objects.create(name=PARTNERSHIP)
        params = {"n": args.actions, "updates": args.updates, "p": partnership.pk}
        with connection.cursor() as cursor:
            for name, sql in STEPS:
                step = time.perf_counter()
                cursor.execute(sql, params)
                print(f"{name}: {cursor.rowcount:,} rows in {time.perf_counter() - step:.1f} s", flush=True)
        admin = User.objects.create(username="scale-admin", partnership=partnership,
                                    role=User.Role.PARTNERSHIP_ADMIN)
        lead = User.objects.create(username="scale-lead", partnership=partnership, role=User.Role.AGENCY_LEAD)
        lead.agencies.add(Agency.objects.filter(partnership=partnership).order_by("pk").first())
        del admin
    with connection.cursor() as cursor:
        # As autovacuum leaves a database in use: without it, freshly written rows make every
        # index-only scan (the newest update of each action) read the table as well.
        cursor.execute("VACUUM ANALYZE")
    print(f"{args.actions:,} actions generated in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
