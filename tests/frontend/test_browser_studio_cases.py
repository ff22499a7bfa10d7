"""The studio's case table in a real browser: an author edits cases.json through the kind's
columns (a python call and its result, an SQL case's dataset), the JSON tab and the table follow
each other, a bad JSON cell never reaches the file, and the saved version holds exactly the
edit."""

import json
import re

import pytest
from playwright.sync_api import expect

from challenges.models import Challenge
from studio.files import template_files
from studio.services import studio_challenge_create
from tests.factories import UserFactory
from tests.frontend.browser import photograph, sign_in
from tests.frontend.test_accessibility import violations

pytestmark = pytest.mark.browser


def author_opens(page, live_server, kind: str) -> Challenge:
    """A staff author signed in on the studio page of a fresh challenge from `kind`'s template."""
    UserFactory(username="editor", is_staff=True)
    files = template_files(kind, slug=f"cases-{kind}", title=f"Cases {kind}")
    challenge = studio_challenge_create(files=files, organisation=None).challenge
    sign_in(page, live_server, f"/studio/c/{challenge.slug}/", username="editor")
    expect(page.get_by_role("tab", name="Table")).to_have_attribute("aria-selected", "true")
    return challenge


def saved_cases(challenge: Challenge) -> list[dict]:
    version = challenge.versions.order_by("-number").first()
    assert version.number == 2
    return [
        {
            "name": case.name,
            "visibility": case.visibility,
            "input": case.input,
            "expected": case.expected,
            "category": case.category,
            "hint": case.hint,
            "weight": case.weight,
        }
        for case in version.cases.order_by("ordinal")
    ]


def file_text(page) -> str:
    return page.get_by_label("cases.json", exact=True).input_value()


def test_an_author_edits_a_python_case_and_adds_one_through_the_table(page, live_server):
    challenge = author_opens(page, live_server, "python")
    stored = json.loads(file_text(page))["cases"]

    page.get_by_label("Expected, case 3 (zero)", exact=True).fill("70")
    page.get_by_role("button", name="Add case").click()
    expect(page.get_by_role("status").filter(has_text="Case 5 added.")).to_be_visible()
    # The new case starts hidden with the kind's defaults; its name field has the focus.
    expect(page.get_by_label("Name, case 5 (case 5)", exact=True)).to_be_focused()
    expect(page.get_by_label("Visibility, case 5 (case 5)", exact=True)).to_have_value("hidden")
    page.get_by_label("Arguments, case 5 (case 5)", exact=True).fill("[20, 22]")
    page.get_by_label("Expected, case 5 (case 5)", exact=True).fill("42")
    page.get_by_label("Category, case 5 (case 5)", exact=True).fill("bigger numbers")
    page.get_by_label("Hint, case 5 (case 5)", exact=True).fill("Two digits each.")
    page.get_by_label("Name, case 5 (case 5)", exact=True).fill("forty-two")
    # The row's controls follow the new name.
    expect(page.get_by_label("Hint, case 5 (forty-two)", exact=True)).to_have_value(
        "Two digits each."
    )

    # The file follows the table, written as the studio stores it (json.dumps, indent 1).
    expected_cases = [dict(case) for case in stored]
    expected_cases[2]["expected"] = 70
    expected_cases.append(
        {
            "name": "forty-two",
            "visibility": "hidden",
            "input": {"args": [20, 22]},
            "expected": 42,
            "category": "bigger numbers",
            "hint": "Two digits each.",
        }
    )
    page.locator(".case-editor").first.scroll_into_view_if_needed()
    photograph(page, "studio-cases", full_page=False)
    text = file_text(page)
    assert json.loads(text) == {"cases": expected_cases}
    assert text == json.dumps({"cases": expected_cases}, indent=1, ensure_ascii=False) + "\n"

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("Saved as version 2.")
    defaults = {"visibility": "hidden", "category": "", "hint": "", "weight": 1}
    assert saved_cases(challenge) == [{**defaults, **case} for case in expected_cases]


def test_an_author_picks_an_sql_cases_dataset(page, live_server):
    challenge = author_opens(page, live_server, "sql")
    dataset = page.get_by_label("Dataset, case 1 (visible data)", exact=True)
    # The choices are the package's own data files (schema.sql is not one).
    expect(dataset.locator("option")).to_have_text(["hidden/quiet-customers", "seed"])
    dataset.select_option("hidden/quiet-customers")
    assert json.loads(file_text(page))["cases"][0]["input"] == {"data": "hidden/quiet-customers"}
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("Saved as version 2.")
    cases = saved_cases(challenge)
    assert [case["input"] for case in cases] == [
        {"data": "hidden/quiet-customers"},
        {"data": "hidden/quiet-customers"},
    ]


def test_bad_json_in_a_cell_says_so_and_leaves_the_file_alone(page, live_server):
    challenge = author_opens(page, live_server, "python")
    before = file_text(page)
    arguments = page.get_by_label("Arguments, case 2 (negative numbers)", exact=True)
    arguments.fill("[-4, ")
    expect(arguments).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".case-cell-error").filter(has_text="Not JSON yet")).to_be_visible()
    assert file_text(page) == before
    # Saving with a broken cell is held back (the file would lose what was typed there).
    page.get_by_role("button", name="Save", exact=True).click()
    expect(
        page.get_by_role("status").filter(has_text="A cell's JSON doesn't parse")
    ).to_be_visible()
    expect(arguments).to_be_focused()
    assert challenge.versions.count() == 1
    arguments.fill("[-4, 2]")
    expect(arguments).not_to_have_attribute("aria-invalid", "true")
    assert json.loads(file_text(page))["cases"][1]["input"] == {"args": [-4, 2]}

    # Other fields are kept and editable; a key with its own column is refused there.
    other = page.get_by_label("Other fields, case 2 (negative numbers)", exact=True)
    other.fill('{"name": "x"}')
    expect(page.locator(".case-cell-error").filter(has_text="has its own column")).to_be_visible()
    other.fill('{"input": {"ops": []}, "note": 1}')
    case = json.loads(file_text(page))["cases"][1]
    assert list(case) == ["name", "visibility", "input", "expected", "category", "hint", "note"]
    assert case["input"] == {"args": [-4, 2], "ops": []}


def test_the_json_tab_and_the_table_follow_each_other(page, live_server):
    author_opens(page, live_server, "python")
    page.get_by_role("tab", name="Table").press("ArrowRight")
    json_tab = page.get_by_role("tab", name="JSON")
    expect(json_tab).to_be_focused()
    expect(json_tab).to_have_attribute("aria-selected", "true")
    text = page.get_by_label("cases.json", exact=True)
    cases = json.loads(text.input_value())
    cases["cases"][0]["name"] = "renamed in JSON"
    cases["cases"][0]["expected"] = 5.0
    text.fill(json.dumps(cases, indent=1))
    page.get_by_role("tab", name="Table").click()
    expect(page.get_by_label("Name, case 1 (renamed in JSON)", exact=True)).to_have_value(
        "renamed in JSON"
    )
    # A float stays a float: 5.0 is written back as it was typed, not as 5.
    page.get_by_label("Hint, case 1 (renamed in JSON)", exact=True).fill("Shown when it fails.")
    assert '"expected": 5.0' in text.input_value()

    # Text that doesn't parse: the table says so and the JSON tab stays, with the text intact.
    json_tab.click()
    text.fill('{"cases": [')
    page.get_by_role("tab", name="Table").click()
    expect(json_tab).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("status").filter(has_text="The JSON doesn't parse")).to_be_visible()
    expect(text).to_have_value('{"cases": [')


def test_a_huge_cases_file_opens_as_json_only(page, live_server):
    challenge = author_opens(page, live_server, "python")
    many = {"cases": [{"name": f"c{i}", "input": {"args": [i]}, "expected": i} for i in range(501)]}
    text = page.get_by_label("cases.json", exact=True)
    page.get_by_role("tab", name="JSON").click()
    text.fill(json.dumps(many))
    page.get_by_role("tab", name="Table").click()
    expect(page.get_by_role("status")).to_contain_text("501 cases: the table shows at most 500")
    deep = '{"cases": [' + "[" * 5000 + "]" * 5000 + "]}"
    text.fill(deep)
    page.get_by_role("tab", name="Table").click()
    expect(page.get_by_role("status")).to_contain_text("nested more than")
    expect(page.get_by_role("tab", name="JSON")).to_have_attribute("aria-selected", "true")
    assert challenge.versions.count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_case_table_is_accessible_and_fits_a_phone(page, live_server, scheme):
    page.emulate_media(color_scheme=scheme)
    author_opens(page, live_server, "design")
    expect(page.get_by_label(re.compile(r"^Prompt, case 1 "))).to_be_visible()
    # axe runs once the Markdown previews are in (a preview replaced mid-run confuses it).
    for preview in page.locator(".studio-preview").all():
        expect(preview).to_have_attribute("data-rendered", re.compile(r"\d"))
    assert violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_rows_move_duplicate_and_delete_by_keyboard(page, live_server):
    author_opens(page, live_server, "python")

    def names() -> list[str]:
        return [case["name"] for case in json.loads(file_text(page))["cases"]]

    assert names() == ["small numbers", "negative numbers", "zero", "second number by name"]

    page.get_by_role("button", name="Duplicate case 1 (small numbers)").press("Enter")
    assert names()[:3] == ["small numbers", "small numbers (copy)", "negative numbers"]
    copy = page.get_by_label("Name, case 2 (small numbers (copy))", exact=True)
    expect(copy).to_be_focused()

    page.get_by_role("button", name="Down case 2 (small numbers (copy))").press("Enter")
    assert names()[1:3] == ["negative numbers", "small numbers (copy)"]
    # The focus follows the row it moved.
    expect(page.get_by_role("button", name="Down case 3 (small numbers (copy))")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert names()[-1] == "small numbers (copy)"
    # At the bottom its Down is disabled; the focus moves to its Up.
    last = "case 5 (small numbers (copy))"
    expect(page.get_by_role("button", name=f"Down {last}")).to_be_disabled()
    expect(page.get_by_role("button", name=f"Up {last}")).to_be_focused()

    page.get_by_role("button", name=f"Delete {last}").press("Enter")
    expect(page.get_by_role("status").filter(has_text="Case 5 deleted.")).to_be_visible()
    assert names() == ["small numbers", "negative numbers", "zero", "second number by name"]
    expect(page.get_by_role("button", name="Delete case 4 (second number by name)")).to_be_focused()
