"""Writes on challenges: importing packages as new immutable versions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from challenges.models import Challenge, ChallengeVersion, Skill, TestCase
from challenges.packages import ChallengePackage
from challenges.skills import skill_name
from markup import render_markdown
from organisations.models import Organisation


@dataclass(frozen=True)
class ImportOutcome:
    challenge: Challenge
    version: ChallengeVersion
    created_version: bool


class PublishRefused(ValueError):
    """Publishing needs a version whose latest sandbox validation passed."""


@transaction.atomic
def challenge_import_package(
    *,
    package: ChallengePackage,
    publish: bool = True,
    organisation: Organisation | None = None,
) -> ImportOutcome:
    """Create or update a challenge from `package`; unchanged content makes no new version.

    `publish=True` (the shipped catalogue, validated in CI) makes the new version current at
    once; otherwise the challenge keeps its published version until `challenge_publish`.
    """
    challenge, _ = Challenge.objects.select_for_update().get_or_create(
        slug=package.slug,
        defaults={
            "title": package.title,
            "kind": package.kind,
            "difficulty": package.difficulty,
            "organisation": organisation,
        },
    )
    challenge.title = package.title
    challenge.kind = package.kind
    challenge.difficulty = package.difficulty
    challenge.context = package.context
    challenge.estimated_minutes = package.estimated_minutes
    if publish:
        challenge.is_published = True
    current = challenge.current_version
    latest = challenge.versions.order_by("-number").first()
    created = latest is None or latest.content_digest != package.digest
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
        if publish or challenge.current_version_id is None:
            challenge.current_version = current
    else:
        current = latest
    challenge.save()
    skills = [
        Skill.objects.get_or_create(slug=slug, defaults={"name": skill_name(slug)})[0]
        for slug in package.skills
    ]
    challenge.skills.set(skills)
    return ImportOutcome(challenge=challenge, version=current, created_version=created)


def challenge_version_validate(*, version: ChallengeVersion) -> ChallengeVersion:
    """Validate in the sandbox (not in a transaction: it takes seconds) and store the report."""
    from challenges.validation import validate_version

    report = validate_version(version)
    ChallengeVersion.objects.filter(pk=version.pk).update(
        validation_ok=report.ok,
        validation_report=report.as_dict(),
        validated_at=timezone.now(),
    )
    version.refresh_from_db()
    return version


@transaction.atomic
def challenge_publish(*, challenge: Challenge, version: ChallengeVersion) -> Challenge:
    """Make `version` current and the challenge visible; refused unless it validated."""
    if version.challenge_id != challenge.pk:
        raise PublishRefused("that version belongs to another challenge")
    if version.validation_ok is not True:
        raise PublishRefused(
            f"version {version.number} has not passed validation; validate it first"
        )
    Challenge.objects.filter(pk=challenge.pk).update(
        current_version=version, is_published=True, updated_at=timezone.now()
    )
    challenge.refresh_from_db()
    return challenge


@transaction.atomic
def challenge_version_draft(*, challenge: Challenge) -> ChallengeVersion:
    """A new, editable version copying the latest one (versions with submissions are frozen)."""
    latest = challenge.versions.select_for_update().order_by("-number").first()
    cases = list(latest.cases.order_by("ordinal"))
    draft = ChallengeVersion.objects.get(pk=latest.pk)
    draft.pk = None
    draft.number = latest.number + 1
    draft.validation_ok = None
    draft.validation_report = {}
    draft.validated_at = None
    draft.save()
    for case in cases:
        case.pk = None
        case.version = draft
    TestCase.objects.bulk_create(cases)
    return draft


def challenge_version_is_frozen(version: ChallengeVersion) -> bool:
    """Graded against, or the published one: editing it would rewrite history."""
    published = Challenge.objects.filter(current_version=version, is_published=True).exists()
    return published or version.submissions.exists()


@transaction.atomic
def challenge_version_refresh(*, version: ChallengeVersion) -> ChallengeVersion:
    """After an edit: re-render the Markdown, recompute the digest, forget old validation."""
    from challenges.queries import package_for_version

    version.statement_html = render_markdown(version.statement_md)
    version.editorial_html = render_markdown(version.editorial_md)
    version.content_digest = package_for_version(version).digest
    version.validation_ok = None
    version.validation_report = {}
    version.validated_at = None
    version.save()
    return version
