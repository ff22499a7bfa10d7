"""The authoring studio in a real browser: an author creates a challenge from the kind's template,
edits the statement (the preview follows), validates it through a real worker and the sandbox,
publishes it, and the catalogue lists it."""

import re

import pytest
from playwright.sync_api import expect

from challenges.kinds import kind_for
from challenges.kinds.base import json_text
from challenges.models import Challenge
from tests.factories import UserFactory
from tests.frontend.browser import PASSWORD, photograph
from tests.worker_process import start_worker, stop_worker

pytestmark = [pytest.mark.docker, pytest.mark.browser]


@pytest.fixture
def authoring_worker(transactional_db):
    """A real worker on the "authoring" queue, where validations run."""
    process = start_worker("--queue", "authoring")
    yield process
    stop_worker(process)


@pytest.mark.parametrize("kind", ["python", "sql", "api", "schema", "design"])
def test_an_author_creates_edits_validates_and_publishes(page, live_server, authoring_worker, kind):
    url = live_server.url
    UserFactory(username="editor", is_staff=True)
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Studio").click()
    expect(page.get_by_role("heading", name="Authoring studio")).to_be_visible()
    photographed = kind == "python"  # one set of pictures of the studio is enough

    # Create from the kind's template.
    page.get_by_label("Kind").select_option(label=kind_for(kind).label)
    page.get_by_label("Title").fill(f"Studio {kind} challenge")
    page.get_by_label("Slug").fill(f"studio-{kind}")
    page.get_by_role("button", name="Create from template").click()
    page.wait_for_url(f"{url}/studio/c/studio-{kind}/")
    expect(page.get_by_role("status").or_(page.locator(".flash"))).to_contain_text(
        f"Created Studio {kind} challenge (version 1, a draft)."
    )

    # Edit the statement: the sanitised preview follows the text.
    statement = page.get_by_label("statement.md", exact=True)
    preview = page.get_by_label("Preview of statement.md")
    expect(preview.locator("p").first).to_be_visible()
    statement.fill("# Studio statement\n\nReturn **the answer**.\n\n<script>alert(1)</script>\n")
    expect(preview.locator("h1")).to_have_text("Studio statement")
    expect(preview.locator("strong")).to_have_text("the answer")
    expect(preview.locator("script")).to_have_count(0)
    if photographed:
        photograph(page, "studio-edit", full_page=False)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("Saved as version 2.")
    expect(page.get_by_label("statement.md", exact=True)).to_have_value(
        re.compile(r"^# Studio statement")
    )

    # Validate in the sandbox through the authoring worker; the page follows its progress.
    page.get_by_role("button", name="Validate v2").click()
    page.wait_for_url(f"{url}/studio/c/studio-{kind}/validation/")
    expect(page.locator("#validation-status")).to_contain_text("Passed", timeout=180_000)
    checks = page.locator("table.studio-checks")
    if kind_for(kind).runs_code:
        expect(checks.get_by_role("row", name=re.compile("Reference solution"))).to_contain_text(
            "Passed"
        )
        expect(checks.get_by_role("row", name=re.compile("Starter code"))).to_contain_text("Passed")
        expect(checks.locator(".check-pass", has_text="Killed").first).to_be_visible()
    else:
        # Graded from answers alone: the answer key is what validation checks.
        expect(checks.get_by_role("row", name=re.compile("Answer key"))).to_contain_text("Passed")
    cases = page.locator("table.studio-cases")
    expect(cases).to_contain_text("Hidden")
    if photographed:
        photograph(page, "studio-validation")
    # Authors see each case as they wrote it: JSON, never a Python repr.
    first_case = version_cases(f"studio-{kind}")[0]
    expect(cases.locator("tbody tr").first.locator("pre").first).to_have_text(
        json_text(first_case.input)
    )

    # Publish the validated version; the catalogue lists it.
    page.get_by_role("button", name="Publish v2").click()
    expect(page.locator(".flash")).to_contain_text("Published version 2.")
    challenge = Challenge.objects.get(slug=f"studio-{kind}")
    assert challenge.is_published is True
    assert challenge.current_version.number == 2
    page.get_by_role("link", name="Challenges", exact=True).click()
    expect(page.get_by_role("link", name=f"Studio {kind} challenge")).to_be_visible()


def version_cases(slug: str) -> list:
    latest = Challenge.objects.get(slug=slug).versions.order_by("-number").first()
    return list(latest.cases.order_by("ordinal"))


def test_a_refused_save_keeps_the_text_and_points_at_the_line(page, live_server):
    url = live_server.url
    UserFactory(username="editor", is_staff=True)
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{url}/studio/")
    page.get_by_label("Title").fill("Broken on purpose")
    page.get_by_label("Slug").fill("broken")
    page.get_by_role("button", name="Create from template").click()
    page.wait_for_url(f"{url}/studio/c/broken/")

    broken = '{\n "cases": [\n  {"name": "x",\n   "input": }\n ]\n}\n'
    page.get_by_role("tab", name="JSON").click()
    page.get_by_label("cases.json", exact=True).fill(broken)
    page.get_by_label("statement.md", exact=True).fill("Typed, not saved")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Not saved: 1 problem")
    expect(page.get_by_label("cases.json", exact=True)).to_have_value(broken)
    expect(page.get_by_label("statement.md", exact=True)).to_have_value("Typed, not saved")
    page.get_by_role("button", name="line 4").click()
    selected = page.get_by_label("cases.json", exact=True).evaluate(
        "t => t.value.slice(t.selectionStart, t.selectionEnd)"
    )
    assert selected == '   "input": }'
    assert Challenge.objects.get(slug="broken").versions.count() == 1
