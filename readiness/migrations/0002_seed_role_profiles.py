"""Seed the five role profiles (admin-editable afterwards)."""

from django.db import migrations

ROLES = [
    (
        "junior-backend",
        "Junior backend engineer",
        "Correct Python, everyday SQL and clean endpoints.",
        55,
        {
            "python-correctness": 3,
            "sql-querying": 3,
            "algorithms": 2,
            "api-design": 2,
            "data-modelling": 1,
        },
    ),
    (
        "backend-fintech",
        "Backend engineer (fintech)",
        "Money that adds up, ledgers, idempotent and safe payment APIs.",
        60,
        {
            "money-correctness": 3,
            "sql-querying": 2,
            "data-modelling": 2,
            "api-design": 2,
            "reliability": 2,
            "concurrency-queues": 2,
            "api-security": 1,
        },
    ),
    (
        "backend-ecommerce",
        "Backend engineer (e-commerce)",
        "Catalogue and checkout APIs, stock under concurrency, caching.",
        60,
        {
            "api-design": 3,
            "sql-querying": 2,
            "caching-performance": 2,
            "concurrency-queues": 2,
            "data-modelling": 2,
            "python-correctness": 1,
            "reliability": 1,
        },
    ),
    (
        "backend-healthtech",
        "Backend engineer (healthtech)",
        "Patient data kept safe and consistent, audited access, reporting.",
        60,
        {
            "api-security": 3,
            "data-modelling": 3,
            "sql-querying": 2,
            "reliability": 2,
            "api-design": 2,
            "sql-analytics": 1,
        },
    ),
    (
        "senior-backend-scaling",
        "Senior backend engineer (scaling)",
        "Capacity, caches, queues and distributed systems that stay up.",
        70,
        {
            "distributed-systems": 3,
            "capacity-estimation": 3,
            "caching-performance": 3,
            "reliability": 2,
            "concurrency-queues": 2,
            "sql-analytics": 1,
            "data-modelling": 1,
        },
    ),
]


def seed(apps, schema_editor):
    Skill = apps.get_model("challenges", "Skill")
    RoleProfile = apps.get_model("readiness", "RoleProfile")
    RoleSkill = apps.get_model("readiness", "RoleSkill")
    skills = {s.slug: s for s in Skill.objects.all()}
    for position, (slug, name, description, threshold, weights) in enumerate(ROLES):
        profile, created = RoleProfile.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "threshold": threshold,
                "position": position,
            },
        )
        if not created:
            continue
        for skill_slug, weight in weights.items():
            if skill_slug in skills:
                RoleSkill.objects.create(profile=profile, skill=skills[skill_slug], weight=weight)


class Migration(migrations.Migration):
    dependencies = [
        ("readiness", "0001_initial"),
        ("challenges", "0006_canonical_skills_and_tags"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
