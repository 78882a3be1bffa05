from django.apps import AppConfig


class CliConfig(AppConfig):
    """An app so that Django finds the console's commands; it has no models."""

    name = "actionplan.cli"
    label = "cli"
    verbose_name = "Console commands"
