from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "actionplan.plans"
    label = "plans"
    verbose_name = "Plans and actions"

    def ready(self) -> None:
        from . import counts_touched  # the models are loaded only now

        counts_touched.connect()
