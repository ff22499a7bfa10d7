"""manage.py rebuild_readiness: refold every candidate's evidence from submissions and rescore."""

from django.core.management.base import BaseCommand

from readiness.models import ChallengeEvidence
from readiness.services import readiness_rebuild
from submissions.models import Submission


class Command(BaseCommand):
    help = (
        "Recompute every candidate's evidence and scores from their submissions (after a model "
        "change, or to fill scores for submissions graded before readiness existed)."
    )

    def handle(self, *args, **options) -> None:
        users = set(
            Submission.objects.filter(mode=Submission.Mode.SUBMIT).values_list("user_id", flat=True)
        ) | set(ChallengeEvidence.objects.values_list("user_id", flat=True))
        for user_id in sorted(users):
            readiness_rebuild(user_id=user_id)
        self.stdout.write(f"rebuilt readiness for {len(users)} candidate(s)")
