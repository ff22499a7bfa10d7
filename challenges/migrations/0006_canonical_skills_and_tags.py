"""Skills become the fixed canonical taxonomy with weights per challenge; the free-form slugs
challenges carried as skills become tags."""

import django.db.models.deletion
from django.db import migrations, models

# Frozen here (not imported) so this migration means the same thing whatever the taxonomy
# becomes later; challenges/skills.py is the live list and loading keeps the table in step.
CANONICAL = [
    ("python-correctness", "Python correctness"),
    ("algorithms", "Data structures & algorithms"),
    ("sql-querying", "SQL querying"),
    ("sql-analytics", "SQL analytics"),
    ("data-modelling", "Data modelling"),
    ("api-design", "HTTP & API design"),
    ("api-security", "API security"),
    ("reliability", "Reliability & resilience"),
    ("concurrency-queues", "Concurrency & queues"),
    ("caching-performance", "Caching & performance"),
    ("capacity-estimation", "Capacity estimation"),
    ("distributed-systems", "Distributed systems design"),
    ("money-correctness", "Money & correctness"),
]


def skills_to_tags(apps, schema_editor):
    Challenge = apps.get_model("challenges", "Challenge")
    Tag = apps.get_model("challenges", "Tag")
    for challenge in Challenge.objects.prefetch_related("skills"):
        tags = [
            Tag.objects.get_or_create(slug=skill.slug, defaults={"name": skill.name})[0]
            for skill in challenge.skills.all()
        ]
        challenge.tags.set(tags)


def tags_to_skills(apps, schema_editor):
    Challenge = apps.get_model("challenges", "Challenge")
    Skill = apps.get_model("challenges", "Skill")
    for challenge in Challenge.objects.prefetch_related("tags"):
        skills = [
            Skill.objects.get_or_create(slug=tag.slug, defaults={"name": tag.name})[0]
            for tag in challenge.tags.all()
        ]
        challenge.skills.set(skills)


def seed_canonical(apps, schema_editor):
    Skill = apps.get_model("challenges", "Skill")
    Skill.objects.all().delete()
    for position, (slug, name) in enumerate(CANONICAL):
        Skill.objects.create(slug=slug, name=name, position=position)


def unseed_canonical(apps, schema_editor):
    apps.get_model("challenges", "Skill").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("challenges", "0005_version_validation_state_and_sql_schema")]

    operations = [
        migrations.CreateModel(
            name="Tag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(max_length=64, unique=True)),
                ("name", models.CharField(max_length=100)),
            ],
            options={"ordering": ["name"]},
        ),
        migrations.AddField(
            model_name="challenge",
            name="tags",
            field=models.ManyToManyField(
                blank=True, related_name="challenges", to="challenges.tag"
            ),
        ),
        migrations.RunPython(skills_to_tags, tags_to_skills),
        migrations.RemoveField(model_name="challenge", name="skills"),
        migrations.AddField(
            model_name="skill",
            name="description",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name="skill",
            name="position",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AlterModelOptions(name="skill", options={"ordering": ["position", "name"]}),
        migrations.RunPython(seed_canonical, unseed_canonical),
        migrations.CreateModel(
            name="ChallengeSkill",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("weight", models.FloatField()),
                (
                    "challenge",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="skill_weights",
                        to="challenges.challenge",
                    ),
                ),
                (
                    "skill",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="challenge_weights",
                        to="challenges.skill",
                    ),
                ),
            ],
            options={
                "ordering": ["challenge", "-weight", "skill__position"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("challenge", "skill"), name="unique_challenge_skill"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("weight__gt", 0), ("weight__lte", 1)),
                        name="challenge_skill_weight_share",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="challenge",
            name="skills",
            field=models.ManyToManyField(
                blank=True,
                related_name="challenges",
                through="challenges.ChallengeSkill",
                to="challenges.skill",
            ),
        ),
    ]
