"""Writes on challenges: importing packages as new immutable versions, validating, publishing."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from challenges.kinds import kind_for
from challenges.models import Challenge, ChallengeSkill, ChallengeVersion, Skill, Tag, TestCase
from challenges.packages import ChallengePackage
from challenges.skills import CANONICAL_SKILLS, skill_definition, tag_name
from markup import render_markdown
from organisations.models import Organisation

logger = logging.getLogger(__name__)

State = ChallengeVersion.ValidationState
# A validation queued or running for longer than this was lost (a worker died): ask again.
VALIDATION_STALE_AFTER = timedelta(minutes=30)


@dataclass(frozen=True)
class ImportOutcome:
    challenge: Challenge
    version: ChallengeVersion
    created_version: bool


class PublishRefused(ValueError):
    """Publishing needs a version whose latest sandbox validation passed."""


class ImportRefused(ValueError):
    """The slug belongs to a challenge with another owner (the catalogue or an organisation)."""


def _owner(organisation_id: int | None) -> str:
    return "the public catalogue" if organisation_id is None else "an organisation"


@transaction.atomic
def challenge_import_package(
    *,
    package: ChallengePackage,
    publish: bool = True,
    organisation: Organisation | None = None,
) -> ImportOutcome:
    """Create or update a challenge from `package`; unchanged content makes no new version.

    `publish=True` is for repository content an operator installs (the shipped catalogue,
    validated in CI): the new version is current at once and an SQL dataset is described here,
    in a capped child process. Otherwise (an author's content) the challenge keeps its published
    version until `challenge_publish`, and the schema comes from validation in the sandbox.
    Raises ImportRefused when the slug is another owner's challenge.
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
    owner_id = organisation.pk if organisation else None
    if challenge.organisation_id != owner_id:
        holder = _owner(challenge.organisation_id)
        raise ImportRefused(
            f"{package.slug}: the slug belongs to a challenge of {holder}, not of "
            f"{_owner(owner_id)}; it was left unchanged"
        )
    if challenge.kind != package.kind:
        raise ImportRefused(f"{package.slug}: the kind can't change ({challenge.kind})")
    challenge.title = package.title
    challenge.kind = package.kind
    challenge.difficulty = package.difficulty
    challenge.context = package.context
    challenge.estimated_minutes = package.estimated_minutes
    if publish:
        challenge.is_published = True
    current = challenge.current_version
    latest = challenge.versions.order_by("-number").first()
    kind = kind_for(package.kind)
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
            source=package.source,
            load_warnings=list(package.warnings),
            content_digest=package.digest,
            **(kind.trusted_fields(package) if publish else {}),
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
        missing = kind.trusted_fields(package, existing=current) if publish else {}
        if current.load_warnings != list(package.warnings):
            missing["load_warnings"] = list(package.warnings)
        if missing:
            ChallengeVersion.objects.filter(pk=current.pk).update(**missing)
            for field_name, value in missing.items():
                setattr(current, field_name, value)
    challenge.save()
    _set_skills_and_tags(challenge, package)
    return ImportOutcome(challenge=challenge, version=current, created_version=created)


def _set_skills_and_tags(challenge: Challenge, package: ChallengePackage) -> None:
    """The challenge's canonical skill weights and its tags, as the package says."""
    ChallengeSkill.objects.filter(challenge=challenge).exclude(
        skill__slug__in=package.skills
    ).delete()
    for slug, weight in package.skills.items():
        ChallengeSkill.objects.update_or_create(
            challenge=challenge, skill=canonical_skill(slug), defaults={"weight": weight}
        )
    challenge.tags.set(
        Tag.objects.get_or_create(slug=slug, defaults={"name": tag_name(slug)})[0]
        for slug in package.tags
    )


def canonical_skill(slug: str) -> Skill:
    """The row of canonical skill `slug`, created from challenges/skills.py if missing."""
    definition = skill_definition(slug)
    position = [skill.slug for skill in CANONICAL_SKILLS].index(slug)
    return Skill.objects.get_or_create(
        slug=slug,
        defaults={
            "name": definition.name,
            "description": definition.description,
            "position": position,
        },
    )[0]


@transaction.atomic
def skills_sync() -> int:
    """Bring the Skill table in step with challenges/skills.py (names, descriptions, order);
    the number of rows it had to create."""
    changed = 0
    for position, definition in enumerate(CANONICAL_SKILLS):
        _, created = Skill.objects.update_or_create(
            slug=definition.slug,
            defaults={
                "name": definition.name,
                "description": definition.description,
                "position": position,
            },
        )
        changed += created
    return changed


@transaction.atomic
def challenge_version_validation_request(*, version: ChallengeVersion) -> bool:
    """Queue a sandbox validation of `version` on the "authoring" queue, once: True if this call
    queued it, False if one is already queued or running (lost ones are asked again after
    VALIDATION_STALE_AFTER)."""
    from challenges.tasks import validate_challenge_version

    now = timezone.now()
    idle = Q(validation_state__in=[State.NOT_REQUESTED, State.DONE])
    lost = Q(validation_requested_at__lt=now - VALIDATION_STALE_AFTER)
    queued = (
        ChallengeVersion.objects.filter(pk=version.pk)
        .filter(idle | lost)
        .update(validation_state=State.QUEUED, validation_requested_at=now)
    )
    if queued:
        transaction.on_commit(lambda: validate_challenge_version.enqueue(version.pk))
    version.refresh_from_db()
    return bool(queued)


def challenge_version_validation_run(*, version_id: int) -> bool:
    """The validation task's work: claim the queued validation, run it in the sandbox (not in
    a transaction: it takes seconds, leaving a slot free for candidates) and store the report;
    False when there was nothing queued to claim (a duplicate delivery)."""
    from challenges.validation import ValidationReport, validate_version
    from runner.facade import background_runs

    claimed = ChallengeVersion.objects.filter(pk=version_id, validation_state=State.QUEUED).update(
        validation_state=State.RUNNING
    )
    if not claimed:
        return False
    version = ChallengeVersion.objects.select_related("challenge").get(pk=version_id)
    try:
        with background_runs():
            report = validate_version(version)
    except Exception:  # a crash of ours must still finish the validation, as a failed one
        logger.exception("validation of %s crashed", version)
        report = ValidationReport(slug=version.challenge.slug, version=version.number)
        report.problems.append("validation failed on our side; try again later")
    # Only if it is still the same request: an edit meanwhile reset the state.
    ChallengeVersion.objects.filter(pk=version_id, validation_state=State.RUNNING).update(
        validation_state=State.DONE,
        validation_ok=report.ok,
        validation_report=report.as_dict(),
        validated_at=timezone.now(),
        sql_schema=report.sql_schema,
    )
    return True


@transaction.atomic
def challenge_publish(*, challenge: Challenge, version: ChallengeVersion) -> Challenge:
    """Make `version` current and the challenge visible; refused unless it validated."""
    if version.challenge_id != challenge.pk:
        raise PublishRefused("that version belongs to another challenge")
    if version.validation_ok is not True:
        raise PublishRefused(
            f"version {version.number} has not passed validation; validate it first"
        )
    problem = kind_for(challenge.kind).publish_problem(version)
    if problem:
        raise PublishRefused(problem)
    Challenge.objects.filter(pk=challenge.pk).update(
        current_version=version, is_published=True, updated_at=timezone.now()
    )
    challenge.refresh_from_db()
    return challenge
