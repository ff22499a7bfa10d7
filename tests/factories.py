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


def one_of_every_admin_model(*, challenge, organisation) -> dict:
    """A row of every model the admin registers, keyed by "app_label.model_name", made through
    the services where they exist: a submit of `challenge` (with a review), an application to
    a job of `organisation`, a team invitation, the candidate's readiness, a calibration, a
    public report, a queued task and a permission group."""
    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from challenges.models import Skill, Tag
    from challenges.tasks import validate_challenge_version
    from jobs.services import application_create, job_create
    from readiness.models import ChallengeCalibration, ChallengeEvidence, RoleProfile, SkillScore
    from readiness.reports import report_create
    from readiness.services import readiness_rebuild
    from submissions.models import Review

    candidate = UserFactory(username="every-candidate", display_name="Every Candidate")
    reviewer = UserFactory(username="every-reviewer", is_staff=True)
    submission = graded_submit(candidate, challenge, score=1)
    submission.code = "def f(x):\n    return x\n"
    submission.save(update_fields=["code"])
    Review.objects.create(
        submission=submission, reviewer=reviewer, scores={"design": [2, 1]}, comment="Fine."
    )
    readiness_rebuild(user_id=candidate.pk)
    role = RoleProfile.objects.get(slug="junior-backend")
    job = job_create(
        organisation=organisation, created_by=reviewer, title="Backend engineer",
        description_md="We build **payments**.", location="", workplace="remote",
        role_profile=role, minimum_readiness=40,
    )  # fmt: skip
    application = application_create(job=job, candidate=candidate, note="Hello.")
    validate_challenge_version.enqueue(challenge.current_version.pk)
    from organisations.models import Membership
    from organisations.team import team_invitation_create

    owner = UserFactory(username="every-owner", email="every-owner@example.com")
    Membership.objects.get_or_create(
        organisation=organisation, user=owner, defaults={"role": Membership.Role.OWNER}
    )
    invitation = team_invitation_create(
        organisation=organisation, invited_by=owner, email="every-invitee@example.com", base_url=""
    )
    calibration = ChallengeCalibration.objects.create(
        challenge=challenge, difficulty=0.2, label_difficulty=-1.0, candidates=1
    )
    return {
        "auth.group": Group.objects.create(name="operators"),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.get(),
        "accounts.user": candidate,
        "challenges.skill": Skill.objects.first(),
        "challenges.tag": Tag.objects.filter(challenges=challenge).first(),
        "challenges.challenge": challenge,
        "challenges.challengeversion": challenge.current_version,
        "organisations.organisation": organisation,
        "organisations.teaminvitation": invitation,
        "jobs.job": job,
        "jobs.application": application,
        "readiness.roleprofile": role,
        "readiness.skillscore": SkillScore.objects.filter(user=candidate).first(),
        "readiness.challengeevidence": ChallengeEvidence.objects.get(user=candidate),
        "readiness.challengecalibration": calibration,
        "readiness.publicreport": report_create(user=candidate),
        "submissions.submission": submission,
    }
