from django.db import migrations

from actionplan.learning import tables


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    tables.create(schema_editor.connection)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    tables.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("plans", "0005_themes")]
    operations = [migrations.RunPython(create, drop)]
