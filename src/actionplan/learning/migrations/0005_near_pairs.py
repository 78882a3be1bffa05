from types import SimpleNamespace

from django.db import migrations, models

from actionplan.learning import neighbours


def fill(apps, schema_editor):
    # Recommendations stored before the pairs were kept are grouped from the first day.
    plans = SimpleNamespace(Recommendation=apps.get_model("plans", "Recommendation"))
    neighbours.rebuild(plans)


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0004_theme_names_in_search"),
    ]

    operations = [
        migrations.CreateModel(
            name="NearPair",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("partnership_id", models.IntegerField()),
                ("first", models.IntegerField()),
                ("second", models.IntegerField()),
                ("score", models.FloatField()),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("first", "second"), name="learning_pair_once")],
                "indexes": [
                    models.Index(fields=["partnership_id", "score", "first", "second"], name="learning_pair_partnership"),
                    models.Index(fields=["second"], name="learning_pair_second"),
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
