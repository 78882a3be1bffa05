from types import SimpleNamespace

from django.db import migrations

from actionplan.learning import index
from actionplan.learning import search_table as tables


def create(apps, schema_editor):
    tables.create(schema_editor.connection)


def fill(apps, schema_editor):
    # Plans stored before search existed are found from the first day.
    models = SimpleNamespace(**{name: apps.get_model("plans", name)
                                for name in ["Recommendation", "Action", "ProgressUpdate"]})
    index.rebuild(models)


def drop(apps, schema_editor):
    tables.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("plans", "0006_themes")]
    operations = [migrations.RunPython(create, drop), migrations.RunPython(fill, migrations.RunPython.noop)]
