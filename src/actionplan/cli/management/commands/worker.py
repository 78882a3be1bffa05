"""`actionplan worker`: run background work (reports, e-mails, reminders, the dashboard's
re-counts) as it is queued."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = (
        "Run queued background work: the reports asked for on the pages, the notices people "
        "are sent when something changes, the dashboard's counts of the plans each change "
        "touched and the near neighbours of recommendations whose words changed. Keep one "
        "running beside the web server (docs/reminders.md)."
    )
