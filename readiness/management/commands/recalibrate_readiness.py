"""manage.py recalibrate_readiness: re-fit difficulties from the population and rescore (cron)."""

from django.core.management.base import BaseCommand

from readiness.recalibration import readiness_recalibrate


class Command(BaseCommand):
    help = (
        "Re-fit every challenge's difficulty from candidates' evidence (MAP with the author's "
        "label as prior), then rescore every candidate. Run daily from cron."
    )

    def handle(self, *args, **options) -> None:
        report = readiness_recalibrate()
        self.stdout.write(
            f"fitted {report.fitted} challenge(s), {report.kept_label} kept at their label "
            f"(fewer than 5 attempters), rescored {report.rescored} candidate(s)"
        )
