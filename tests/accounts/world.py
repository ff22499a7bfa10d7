"""An account with something of every kind the export and deletion must cover."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.models import User
from challenges.models import Challenge
from jobs.models import Application
from jobs.services import application_create
from readiness.reports import report_create
from readiness.services import assist_event_record, readiness_refresh
from submissions.drafts import draft_save
from submissions.models import Review, Submission
from tests.factories import UserFactory, graded_submit
from tests.jobs.helpers import organisation_with, post_job


@dataclass
class World:
    ada: User  # the account under test: a candidate who also reviews for Acme
    bob: User  # someone else, whose answer ada reviewed
    submission: Submission
    application: Application
    review: Review


def build_world(challenge: Challenge) -> World:
    ada = UserFactory(username="ada", email="ada@example.com", display_name="Ada L")
    bob = UserFactory(username="bob", email="bob@example.com")
    submission = graded_submit(ada, challenge, score=1)
    Submission.objects.filter(pk=submission.pk).update(code="def total(): return 1")
    readiness_refresh(user_id=ada.pk, challenge_id=challenge.pk)
    assist_event_record(user_id=ada.pk, challenge_id=challenge.pk, kind="hint", index=0)
    report_create(user=ada)
    draft_save(user=ada, challenge=challenge, text="def total():\n    return 2\n")
    draft_save(user=bob, challenge=challenge, text="bob's draft")
    acme = organisation_with("acme", owner="owner")
    application = application_create(job=post_job(acme), candidate=ada, note="Hire me")
    reviewed = graded_submit(bob, challenge, score=0.5)
    review = Review.objects.create(
        submission=reviewed, reviewer=ada, scores={"q": [1]}, comment="Clear."
    )
    return World(ada, bob, submission, application, review)
