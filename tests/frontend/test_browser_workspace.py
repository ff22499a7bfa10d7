"""The candidate workspace holds a long problem: a 20-scenario API challenge, a wrong solution
graded by the real worker, and the page stays within two screens at 1280x800, never scrolls
sideways at 390 px, keeps the editor in view, opens failed cases only, resizes by keyboard."""

import json
import shutil

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.frontend.browser import (
    ARTIFACTS,
    PACKAGES,
    load_test_package,
    set_code,
    sign_in,
    wait_for_verdict,
)
from tests.frontend.test_accessibility import AXE, BLOCKING

pytestmark = [pytest.mark.docker, pytest.mark.browser]

SCENARIOS = 20
LONG_SKU = "SKU-" + "X" * 300  # an output no phone is wide enough for

# Right about reserving, wrong about running out: it never answers 409.
NEVER_RUNS_OUT = """from flask import Flask, jsonify, request


def create_app():
    app = Flask(__name__)
    made = []

    @app.post("/reservations")
    def reserve():
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("sku"), str):
            return jsonify(error="invalid_body"), 422
        quantity = body.get("quantity")
        if not isinstance(quantity, int) or isinstance(quantity, bool) or quantity < 1:
            return jsonify(error="invalid_body"), 422
        made.append(body)
        response = jsonify(id=len(made), sku=body["sku"], quantity=quantity)
        response.status_code = 201
        response.headers["Location"] = f"/reservations/{len(made)}"
        return response

    @app.get("/reservations/<int:number>")
    def show(number):
        if not 0 < number <= len(made):
            return jsonify(error="not_found"), 404
        return jsonify(id=number, **made[number - 1])

    return app
"""


# The same app, keeping count: every scenario passes.
COUNTS_STOCK = NEVER_RUNS_OUT.replace(
    "    made = []\n",
    "    made = []\n    stock = {}\n",
).replace(
    "        made.append(body)\n",
    "        left = stock.setdefault(body['sku'], 10)\n"
    "        if quantity > left:\n"
    "            return jsonify(error='insufficient_stock', available=left), 409\n"
    "        stock[body['sku']] = left - quantity\n"
    "        made.append(body)\n",
)


def reserve(sku: str, quantity: int) -> dict:
    return {"method": "POST", "path": "/reservations", "json": {"sku": sku, "quantity": quantity}}


def created(sku: str, quantity: int) -> dict:
    return {
        "status": 201,
        "headers": {"Location": {"$regex": "/reservations/\\d+"}},
        "json": {"id": {"$type": "integer"}, "sku": sku, "quantity": quantity},
    }


def scenario(number: int) -> dict:
    """Even scenarios run out of stock (the wrong solution fails them), odd ones don't."""
    sku = LONG_SKU if number == 2 else f"SKU-{number}"
    requests = [reserve(sku, 7), {"path": "/reservations/{{0.json.id}}"}]
    expected = [created(sku, 7), {"status": 200, "json": {"sku": sku, "quantity": 7}}]
    if number % 2 == 0:
        requests.append(reserve(sku, 4))
        expected.append({"status": 409, "json": {"error": "insufficient_stock", "available": 3}})
    case = {"name": f"scenario {number + 1}", "input": {"requests": requests}, "expected": expected}
    if number < 3:
        return {**case, "visibility": "example"}
    return {**case, "visibility": "hidden", "category": "stock", "hint": "Count what is left."}


@pytest.fixture
def long_api_challenge(tmp_path):
    from challenges.packages import read_package
    from challenges.services import challenge_import_package

    folder = tmp_path / "many-reservations"
    shutil.copytree(PACKAGES / "stock-reservations", folder)
    toml = (folder / "challenge.toml").read_text()
    (folder / "challenge.toml").write_text(
        toml.replace('slug = "stock-reservations"', 'slug = "many-reservations"').replace(
            'title = "Reserve stock, or say why not"', 'title = "Reserve stock, twenty ways"'
        )
    )
    statement = (folder / "statement.md").read_text()
    rules = "\n".join(
        f"{n}. Rule {n}: a reservation of a SKU keeps its units until the scenario ends; "
        "the next reservation sees only what is left, and an unknown SKU starts at 10 units."
        for n in range(1, 7)
    )
    (folder / "statement.md").write_text(
        statement + "\n\n`GET /reservations/<id>` shows one.\n\n## Rules\n\n" + rules + "\n"
    )
    cases = [scenario(n) for n in range(SCENARIOS)]
    (folder / "cases.json").write_text(json.dumps({"cases": cases}))
    return challenge_import_package(package=read_package(folder)).challenge


def workspace_violations(page) -> list[str]:
    """axe's serious and critical violations in this feature's parts of the page: the statement,
    the resize handle and the result panel (the code editor is CodeMirror's, checked elsewhere)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run({include: [['.statement'], ['#split-handle'], ['#result']]},"
        " {resultTypes: ['violations']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]


def metric(page, expression: str) -> int:
    return page.evaluate(expression)


def test_a_twenty_scenario_api_challenge_fits_the_workspace(
    browser_context, live_server, worker_process, long_api_challenge
):
    UserFactory(username="ada")
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, live_server, "/challenges/many-reservations/")

    # The statement's examples read as HTTP, references and matchers in words.
    first = page.locator(".example").first
    assert "GET /reservations/<the id returned by step 1>" in first.inner_text()
    assert "Location: <text matching '/reservations/\\\\d+'>" in first.inner_text()
    assert "$regex" not in page.locator(".statement").inner_text()

    set_code(page, NEVER_RUNS_OUT)
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page) == "Wrong answer"
    # Visible ones plus hidden ones up to the first failing hidden one (the rest withheld).
    cases = page.locator("#result details.case")
    assert cases.count() == SCENARIOS
    summary = page.locator("#verdict-summary").inner_text()
    assert summary.startswith("Submit: 2 / 20 cases passed")

    # Failed cases are open, passed ones folded.
    failed = page.locator("#result details.case.fail")
    assert failed.count() >= 2
    assert all(failed.nth(i).get_attribute("open") == "" for i in range(failed.count()))
    passed = page.locator("#result details.case.pass")
    assert passed.count() == 2
    assert all(passed.nth(i).get_attribute("open") is None for i in range(passed.count()))
    expect(passed.first.locator(".scenario")).to_be_hidden()
    passed.first.locator("summary").click()
    expect(passed.first.locator(".scenario")).to_be_visible()

    # The run's values replace the references; the expected response is HTTP with words.
    example = failed.first
    requests = example.locator("pre.request").all_inner_texts()
    assert requests[1] == "GET /reservations/1"
    assert "HTTP 409" in example.inner_text()
    assert "<an integer>" in example.inner_text()
    assert "{{" not in page.locator("#result").inner_text()

    # The result panel (tabs, folded cases) and the resize handle pass axe.
    assert workspace_violations(page) == []

    # The whole page within two screens at 1280x800.
    assert metric(page, "document.documentElement.scrollHeight") <= 2 * 800
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "workspace-20-scenarios.png"), full_page=True)

    # The statement scrolls; the editor stays in view.
    assert metric(page, "document.documentElement.scrollHeight") > 800
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("window.scrollY > 0")
    box = page.locator(".editor-pane").bounding_box()
    assert 0 <= box["y"] <= 40
    assert box["y"] + box["height"] <= 800
    expect(page.locator(".cm-content")).to_be_visible()

    # The tabs: Cases first; the Result tab by keyboard shows the summary.
    cases_tab = page.get_by_role("tab", name="Cases (20)")
    assert cases_tab.get_attribute("aria-selected") == "true"
    cases_tab.focus()
    page.keyboard.press("ArrowLeft")
    result_tab = page.get_by_role("tab", name="Result")
    assert result_tab.get_attribute("aria-selected") == "true"
    expect(page.locator("#result-panel-summary")).to_be_visible()
    expect(page.locator("#result-panel-cases")).to_be_hidden()
    # Hidden scenarios after the first failing hidden one are withheld.
    counts = page.locator("#result-counts").inner_text()
    assert counts == "2 passed, 3 failed, 15 hidden not shown."
    page.keyboard.press("ArrowRight")
    expect(page.locator("#result-panel-cases")).to_be_visible()

    # The split moves by keyboard and is remembered.
    handle = page.get_by_role("separator", name="Resize the statement and the editor (arrow keys)")
    width_before = page.locator(".statement").bounding_box()["width"]
    assert handle.get_attribute("aria-valuenow") == "48"
    handle.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert handle.get_attribute("aria-valuenow") == "58"
    assert page.locator(".statement").bounding_box()["width"] > width_before + 50
    page.keyboard.press("End")
    assert handle.get_attribute("aria-valuenow") == "75"
    page.keyboard.press("ArrowLeft")
    assert handle.get_attribute("aria-valuenow") == "70"
    page.reload()
    page.locator("#workspace[data-editor=ready]").wait_for()
    assert page.locator("#split-handle").get_attribute("aria-valuenow") == "70"

    # At 390 px: stacked, nothing scrolls sideways (long outputs wrap or scroll in their box).
    page.get_by_role("button", name="Submit").click()
    wait_for_verdict(page, "wrong_answer")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function("document.documentElement.clientWidth === 390")
    assert metric(page, "document.documentElement.scrollWidth") <= 390
    expect(page.locator("#split-handle")).to_be_hidden()
    assert LONG_SKU in page.locator("#result details.case.fail").nth(1).inner_text()
    page.screenshot(path=str(ARTIFACTS / "workspace-390.png"), full_page=True)
    assert workspace_violations(page) == []

    # Accepted: the next unsolved challenge of the same kind is offered.
    load_test_package("stock-reservations")
    set_code(page, COUNTS_STOCK)
    page.get_by_role("button", name="Submit").click()
    assert wait_for_verdict(page, "accepted") == "Accepted"
    following = page.get_by_role("link", name="Next challenge: Reserve stock, or say why not →")
    assert following.get_attribute("href") == "/challenges/stock-reservations/"
    assert metric(page, "document.documentElement.scrollWidth") <= 390
