"""Jobs in a real browser: an employer signs up and posts a job, two candidates with different
readiness apply, the employer sees them ranked, opens a snapshot and shortlists one."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from jobs.models import Application, Job
from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD, photograph
from tests.jobs.helpers import practise, seeded_rows_ensure

pytestmark = pytest.mark.browser


def sign_in(page, url: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page, url: str) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{url}/")


def test_employer_posts_candidates_apply_employer_ranks_and_shortlists(page, live_server):
    url = live_server.url
    seeded_rows_ensure()

    # An employer signs up: account, organisation and ownership at once.
    page.goto(f"{url}/accounts/signup/")
    page.get_by_role("link", name="Create an employer account").click()
    page.get_by_label("Username").fill("grace")
    page.get_by_label("Email").fill("grace@example.com")
    page.get_by_label("Password").fill("a-long-unusual-passphrase")
    page.get_by_label("Your name").fill("Grace Hopper")
    page.get_by_label("Organisation name").fill("Initech")
    page.get_by_label("Organisation slug").fill("initech")
    page.get_by_role("button", name="Create employer account").click()
    page.wait_for_url(f"{url}/employer/")
    expect(page.get_by_role("heading", name="Initech")).to_be_visible()

    # ... and posts a job.
    page.get_by_role("link", name="Post a job").click()
    page.get_by_label("Title").fill("Backend engineer")
    page.get_by_label("Description").fill("We build **payments**.\n\n- Python\n- SQL")
    page.get_by_label("Location").fill("Lisbon")
    page.get_by_label("Workplace").select_option("hybrid")
    page.get_by_label("Role profile").select_option(label="Junior backend engineer")
    page.get_by_label("Minimum readiness").fill("50")
    page.get_by_role("button", name="Post the job").click()
    expect(page.get_by_text("Backend engineer is posted and open to applications.")).to_be_visible()
    job = Job.objects.get()
    assert page.url == f"{url}/employer/jobs/{job.pk}/"
    sign_out(page, url)

    # Two candidates with different readiness (graded submits, scores refreshed).
    strong = UserFactory(username="strong", display_name="Sam Strong")
    weak = UserFactory(username="weak", display_name="Wes Weak")
    practise(strong, solved=6)
    practise(weak, solved=0, failed=4)

    for candidate, note in ((weak, "I am learning fast."), (strong, "Ledgers are my thing.")):
        sign_in(page, url, candidate.username)
        page.wait_for_url(f"{url}/challenges/")
        page.get_by_role("link", name="Jobs", exact=True).click()
        page.get_by_role("link", name="Backend engineer").click()
        expect(
            page.get_by_role("heading", name="Your readiness for Junior backend engineer")
        ).to_be_visible()
        expect(page.locator("[data-minimum]")).to_have_text("50")
        photograph(page, f"jobs-detail-{candidate.username}")
        page.get_by_label("A note to the employer (optional)").fill(note)
        page.get_by_role("button", name="Apply").click()
        expect(page.get_by_text("You applied to Backend engineer")).to_be_visible()
        expect(page.locator("h1 [data-stage]")).to_have_text("New")
        sign_out(page, url)

    scores = {
        a.candidate.username: a.role_score for a in Application.objects.select_related("candidate")
    }
    assert scores["strong"] > scores["weak"]

    # The employer lands on their home, opens the job: applicants ranked by frozen readiness.
    sign_in(page, url, "grace", "a-long-unusual-passphrase")
    page.wait_for_url(f"{url}/employer/")
    page.get_by_role("link", name="Backend engineer").click()
    rows = page.locator("table.applicants tbody tr")
    expect(rows).to_have_count(2)
    photograph(page, "jobs-applicants")
    assert rows.locator("[data-candidate]").all_inner_texts() == ["Sam Strong", "Wes Weak"]
    assert rows.nth(1).locator("[data-under-minimum]").count() == 1
    shown = rows.nth(0).locator("[data-role-score]").inner_text()
    assert shown == f"{scores['strong']:.1f}"

    # Opens the strong candidate's snapshot: the chart and the evidence.
    rows.nth(0).get_by_role("link", name=re.compile("Open snapshot")).click()
    expect(page.get_by_role("heading", name="Readiness snapshot")).to_be_visible()
    expect(page.locator(".readiness-chart .readiness-row")).to_have_count(13)
    expect(page.locator(".snapshot-evidence a").first).to_be_visible()
    expect(page.get_by_text("Ledgers are my thing.")).to_be_visible()
    photograph(page, "jobs-snapshot")

    # Shortlists them: the stage moves and the candidate is emailed.
    page.get_by_role("button", name="Shortlist").click()
    expect(page.get_by_text("Moved to Shortlisted; Sam Strong is told by email.")).to_be_visible()
    expect(page.locator("h1 [data-stage]")).to_have_text("Shortlisted")
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Your application for Backend engineer at Initech: Shortlisted", ["strong@example.com"])
    ]
    assert Application.objects.get(candidate=strong).stage == "shortlisted"
    assert Application.objects.get(candidate=weak).stage == "new"
