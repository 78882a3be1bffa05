from types import SimpleNamespace

from django.db import migrations

from actionplan.learning import index


def fill(apps, schema_editor):
    # Entries written before theme names were indexed gain them (docs/adr/0062).
    models = SimpleNamespace(**{name: apps.get_model("plans", name)
                                for name in ["Recommendation", "Action", "ProgressUpdate"]})
    index.rebuild(models)


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_stored_terms"), ("plans", "0015_kept_counts")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
