from django.db import migrations, models

# The planner guesses the number of distinct (question, response) pairs and of
# grouped values from per-column statistics, multiplied as if independent: far
# too many groups, so it spills to disk. Extended statistics tell it the truth.
# PostgreSQL only: other databases have no CREATE STATISTICS.
STATISTICS = {
    "consultation_answer_pairs": "question_id, response_id",
    "consultation_answer_values": "question_id, choice_id, row_id, number, date",
}


def create_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in STATISTICS.items():
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {name} (ndistinct) "
            f"ON {columns} FROM consultation_answer"
        )


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in STATISTICS:
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0051_merge_lab_and_surveys"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(
                fields=["question", "response"], name="consultation_answer_q_resp"
            ),
        ),
        migrations.RunPython(create_statistics, drop_statistics, elidable=False),
    ]
