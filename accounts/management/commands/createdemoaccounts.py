"""Create the demo admin, employer and candidate accounts (development only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.services import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create or reset the demo accounts and print their credentials (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Allow with DEBUG off (never in production)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo accounts have known passwords: refused with DEBUG off.")
        for account in demo_accounts_ensure():
            self.stdout.write(
                f"  {account.username:<10} password: {account.password:<20} "
                f"({'staff, ' if account.is_staff else ''}{account.role})"
            )
