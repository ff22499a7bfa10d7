"""factory_boy factories for the models tests create directly."""

import factory

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct-horse-battery")
    role = User.Role.CANDIDATE


def published_challenge(
    slug: str,
    *,
    title: str = "",
    kind: str = "python",
    difficulty: str = "medium",
    skills: dict | None = None,
    organisation=None,
):
    """A published challenge with one version; `skills` maps skill slug -> weight share."""
    from challenges.models import Challenge, ChallengeVersion, Skill

    challenge = Challenge.objects.create(
        slug=slug,
        title=title or slug.replace("-", " ").capitalize(),
        kind=kind,
        difficulty=difficulty,
        is_published=True,
        organisation=organisation,
    )
    version = ChallengeVersion.objects.create(
        challenge=challenge,
        number=1,
        statement_md="Do it.",
        statement_html="<p>Do it.</p>",
        content_digest="0" * 64,
    )
    challenge.current_version = version
    challenge.save(update_fields=["current_version"])
    for skill_slug, weight in (skills or {}).items():
        challenge.skill_weights.create(skill=Skill.objects.get(slug=skill_slug), weight=weight)
    return challenge


def graded_submit(user, challenge, *, score: float, when=None, mode: str = "submit"):
    """A submission as the worker leaves it after grading (accepted when score is 1)."""
    from django.utils import timezone

    from submissions.models import Submission

    submission = Submission.objects.create(
        user=user,
        version=challenge.current_version,
        mode=mode,
        status=Submission.Status.DONE,
        verdict="accepted" if score >= 1 else "wrong_answer",
        score=score,
        passed=mode == "submit" and score >= 1,
    )
    when = when or timezone.now()
    # created_at is auto_now_add: set the history's time afterwards.
    Submission.objects.filter(pk=submission.pk).update(created_at=when, finished_at=when)
    submission.created_at = when
    return submission
