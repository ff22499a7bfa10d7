"""Writes on challenges: importing packages as new immutable versions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from challenges.models import Challenge, ChallengeVersion, Skill, TestCase
from challenges.packages import ChallengePackage
from markup import render_markdown


@dataclass(frozen=True)
class ImportOutcome:
    challenge: Challenge
    version: ChallengeVersion
    created_version: bool


@transaction.atomic
def challenge_import_package(*, package: ChallengePackage, publish: bool = True) -> ImportOutcome:
    """Create or update a challenge from `package`; unchanged content makes no new version."""
    challenge, _ = Challenge.objects.select_for_update().get_or_create(
        slug=package.slug,
        defaults={"title": package.title, "kind": package.kind, "difficulty": package.difficulty},
    )
    challenge.title = package.title
    challenge.kind = package.kind
    challenge.difficulty = package.difficulty
    challenge.context = package.context
    challenge.estimated_minutes = package.estimated_minutes
    challenge.is_published = publish
    current = challenge.current_version
    created = current is None or current.content_digest != package.digest
    if created:
        last = challenge.versions.order_by("-number").first() if challenge.pk else None
        current = ChallengeVersion.objects.create(
            challenge=challenge,
            number=(last.number + 1) if last else 1,
            statement_md=package.statement_md,
            statement_html=render_markdown(package.statement_md),
            starter_code=package.starter_code,
            reference_solution=package.reference_solution,
            config=package.config,
            hints=list(package.hints),
            mutants=[{"name": m.name, "code": m.code} for m in package.mutants],
            assets=package.assets,
            editorial_md=package.editorial_md,
            editorial_html=render_markdown(package.editorial_md),
            content_digest=package.digest,
        )
        TestCase.objects.bulk_create(
            TestCase(
                version=current,
                ordinal=ordinal,
                name=case.name,
                visibility=case.visibility,
                input=case.input,
                expected=case.expected,
                category=case.category,
                hint=case.hint,
                weight=case.weight,
            )
            for ordinal, case in enumerate(package.cases, start=1)
        )
        challenge.current_version = current
    challenge.save()
    skills = [
        Skill.objects.get_or_create(slug=slug, defaults={"name": slug.replace("-", " ").title()})[0]
        for slug in package.skills
    ]
    challenge.skills.set(skills)
    return ImportOutcome(challenge=challenge, version=current, created_version=created)
