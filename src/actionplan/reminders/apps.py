from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "actionplan.reminders"
    label = "reminders"
    verbose_name = "Reminders"
