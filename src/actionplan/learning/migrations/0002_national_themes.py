from django.db import migrations

from actionplan.learning.themes import load_national


def load(apps, schema_editor):
    load_national(apps.get_model("plans", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_search_table")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
