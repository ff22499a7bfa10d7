"""axe-core (through Playwright, Debian chromium) on the main pages of every role: no serious or
critical violation. The rule set is axe's default (WCAG 2.x A and AA)."""

from pathlib import Path

import pytest
from django.conf import settings

from jobs.models import Job
from jobs.services import application_create, job_create
from organisations.models import Membership
from organisations.services import employer_sign_up
from organisations.team import team_invitation_create
from readiness.models import RoleProfile
from readiness.reports import report_create
from readiness.services import readiness_refresh
from tests.factories import UserFactory, graded_submit
from tests.frontend.browser import load_test_package, sign_in
from tests.jobs.helpers import seeded_rows_ensure
from tests.submissions.reviewing import design_challenge, pending_answer

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def violations(page) -> list[str]:
    """axe's serious and critical violations on the page as it stands, one line per node."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{page.url}: {v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]


@pytest.fixture
def world(transactional_db):
    seeded_rows_ensure()
    challenge = load_test_package("wallet-holds")
    candidate = UserFactory(username="ada", display_name="Ada Lovelace")
    graded_submit(candidate, challenge, score=0.5)
    submission = graded_submit(candidate, challenge, score=1.0)
    readiness_refresh(user_id=candidate.pk, challenge_id=challenge.pk)
    employer, organisation = employer_sign_up(
        username="grace",
        email="grace@example.com",
        password="correct-horse-battery",
        display_name="Grace Hopper",
        organisation_name="Ledgerly",
        organisation_slug="ledgerly",
    )
    job = job_create(
        organisation=organisation,
        created_by=employer,
        title="Backend engineer, payments",
        description_md="We move **money**. You keep it correct.",
        location="Lisbon",
        workplace=Job.Workplace.HYBRID,
        role_profile=RoleProfile.objects.get(slug="backend-fintech"),
        minimum_readiness=40,
    )
    application = application_create(job=job, candidate=candidate, note="Keen on ledgers.")
    # A teammate and a pending invitation, so the team page shows its per-member forms.
    Membership.objects.create(
        organisation=organisation, user=UserFactory(username="linus"), role="reviewer"
    )
    team_invitation_create(
        organisation=organisation, invited_by=employer, email="new@example.com", base_url=""
    )
    report = report_create(user=candidate)
    return {
        "candidate": candidate,
        "challenge": challenge,
        "submission": submission,
        "job": job,
        "application": application,
        "report": report,
    }


def test_no_serious_or_critical_violation_on_the_main_pages(world, browser_context, live_server):
    url = live_server.url
    found: list[str] = []
    page = browser_context.new_page()

    for path in ("/", "/accounts/login/", "/accounts/signup/", "/employers/signup/",
                 f"/r/{world['report'].token}/"):  # fmt: skip
        page.goto(f"{url}{path}")
        found += violations(page)

    sign_in(page, live_server, "/dashboard/", username="ada")
    found += violations(page)
    candidate_pages = [
        "/challenges/",
        f"/challenges/{world['challenge'].slug}/",
        "/submissions/",
        f"/submissions/{world['submission'].pk}/",
        "/jobs/",
        f"/jobs/{world['job'].pk}/",
        "/applications/",
        "/readiness/share/",
        "/account/",
    ]
    for path in candidate_pages:
        page.goto(f"{url}{path}")
        page.wait_for_load_state("networkidle")
        found += violations(page)

    employer = browser_context.browser.new_context(viewport={"width": 1280, "height": 900})
    employer_page = employer.new_page()
    sign_in(employer_page, live_server, "/employer/", username="grace")
    found += violations(employer_page)
    employer_pages = (
        f"/employer/jobs/{world['job'].pk}/",
        "/employer/jobs/new/",
        "/employer/team/",
        f"/employer/applications/{world['application'].pk}/",
    )
    for path in employer_pages:
        employer_page.goto(f"{url}{path}")
        found += violations(employer_page)
    employer.close()

    # Staff: the authoring studio (its list with the create form, a challenge's files, its
    # validation and history) and the review room (the queue and one answer to score).
    UserFactory(username="lin", is_staff=True)
    staff = browser_context.browser.new_context(viewport={"width": 1280, "height": 900})
    staff_page = staff.new_page()
    sign_in(staff_page, live_server, "/studio/", username="lin")
    found += violations(staff_page)
    slug = world["challenge"].slug
    waiting = pending_answer(world["candidate"], design_challenge())
    staff_pages = (
        f"/studio/c/{slug}/",
        f"/studio/c/{slug}/validation/",
        f"/studio/c/{slug}/history/",
        "/reviews/",
        f"/reviews/{waiting.pk}/",
    )
    for path in staff_pages:
        staff_page.goto(f"{url}{path}")
        found += violations(staff_page)
    staff.close()

    assert found == [], "\n".join(found)


def test_the_dark_palette_passes_too(world, browser_context, live_server):
    dark = browser_context.browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme="dark"
    )
    page = dark.new_page()
    found: list[str] = []
    for path in ("/", "/challenges/", f"/r/{world['report'].token}/"):
        page.goto(f"{live_server.url}{path}")
        found += violations(page)
    sign_in(page, live_server, "/dashboard/", username="ada")
    found += violations(page)
    for path in (
        f"/challenges/{world['challenge'].slug}/",
        f"/submissions/{world['submission'].pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        found += violations(page)
    dark.close()

    assert found == [], "\n".join(found)
