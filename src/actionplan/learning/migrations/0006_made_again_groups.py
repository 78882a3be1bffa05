from django.db import migrations, models

from actionplan.learning import stored_groups


def fill(apps, schema_editor):
    # The groups of the pairs stored before groups were kept, so the page shows them at once.
    stored_groups.regroup_all()


class Migration(migrations.Migration):

    dependencies = [
        ("learning", "0005_near_pairs"),
        ("plans", "0015_kept_counts"),  # the plans' tables as the grouping reads them
    ]

    operations = [
        migrations.CreateModel(
            name="MadeAgain",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("partnership_id", models.IntegerField()),
                ("recommendation_id", models.IntegerField(unique=True)),
                ("group", models.IntegerField()),
            ],
            options={
                "indexes": [
                    models.Index(fields=["partnership_id", "group", "recommendation_id"], name="learning_made_again"),
                    models.Index(fields=["group"], name="learning_made_again_group"),
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
