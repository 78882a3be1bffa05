from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "actionplan.learning"
    label = "learning"
    verbose_name = "Learning across reviews"

    def ready(self) -> None:
        from . import index, index_tags, regroup_signals, term_index

        index.connect()
        index_tags.connect()
        term_index.connect()
        regroup_signals.connect()
