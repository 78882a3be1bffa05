from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "actionplan.web"
    label = "web"
