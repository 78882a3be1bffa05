from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "actionplan.learning"
    label = "learning"
    verbose_name = "Learning across reviews"

    def ready(self) -> None:
        from . import index, term_index

        index.connect()
        term_index.connect()
