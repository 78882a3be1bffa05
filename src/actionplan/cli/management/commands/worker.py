"""`actionplan worker`: run background work (reports, e-mails, reminders) as it is queued."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker


class Command(DatabaseWorker):
    help = (
        "Run queued background work: the reports asked for on the pages, and the notices people "
        "are sent when something changes. Keep one running beside the web server (docs/reminders.md)."
    )
