from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "actionplan.reminders"
    label = "reminders"
    verbose_name = "Reminders"

    def ready(self) -> None:
        # The changes announced by plans/events.py tell the people concerned through the worker.
        from . import event_notices

        event_notices.connect()
