"""API challenges: hidden scenarios call the candidate's endpoints in the sandbox; the
worker checks each response's status, headers and JSON body outside.

A package with `[api] setup = "factory-argument"` hands each scenario's seed data (its input's
`setup`, a JSON object, `{}` when absent) to the factory: `create_app(setup)`. `[api]
json_match = "exact"` makes the JSON body's objects match exactly at every level.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from typing import Any

from challenges.grading import Grade
from challenges.kinds.api_notation import http_answered, http_request, http_response
from challenges.kinds.base import CaseColumn, Kind, case_columns_around
from challenges.kinds.python_notation import python_expected, python_value
from challenges.kinds.scoring import (
    CANDIDATE,
    base_row,
    case_run_spec,
    grade_outputs,
    is_hidden,
)
from challenges.matchers import JSON_MATCH_MODES, response_mismatch, response_problems
from challenges.models import ChallengeVersion, TestCase
from challenges.packages import MANIFEST
from runner.facade import Mode, RunSpec, run

SETUP_MODES = ("factory-argument",)
# Seed data is input (it enters the sandbox, hidden cases' too): capped well below a case's
# input, so one scenario's seed can't take a sandbox's memory or the run's input budget.
MAX_SETUP_BYTES = 256 * 1024
MAX_SETUP_DEPTH = 16


def scenario_input(config: dict, case: TestCase) -> dict[str, Any]:
    """What enters the sandbox for one scenario: its requests, and its seed data when the
    package hands setup to the factory."""
    if config.get("setup") in SETUP_MODES:
        return {"requests": case.input.get("requests"), "setup": case.input.get("setup", {})}
    return {"requests": case.input.get("requests")}


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, depth)
            stack.extend(
                (child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)
            )
    return deepest


def setup_problems(case: Any, config: dict, where: str) -> list[str]:
    """A case's `setup`: only with `setup = "factory-argument"`, an object, within the caps."""
    if "setup" not in case.input:
        return []
    if config.get("setup") not in SETUP_MODES:
        return [f'{where}: input has "setup" but [api] setup is not "factory-argument"']
    setup = case.input["setup"]
    if not isinstance(setup, dict):
        return [f"{where}: setup must be a JSON object (the seed data create_app receives)"]
    if _depth(setup) > MAX_SETUP_DEPTH:
        return [f"{where}: setup is nested more than {MAX_SETUP_DEPTH} levels"]
    size = len(json.dumps(setup, ensure_ascii=False).encode())
    if size > MAX_SETUP_BYTES:
        return [f"{where}: setup is {size} bytes as JSON; the limit is {MAX_SETUP_BYTES}"]
    return []


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    return case_run_spec(
        code=code,
        mode=Mode.API_CASES,
        config=config,
        cases=cases,
        audience=audience,
        case_input=lambda case: scenario_input(config, case),
        entrypoint=config.get("entrypoint", "app"),
        factory=bool(config.get("factory", False)),
    )


def scenario_mismatch(
    expected: Any, actual: Any, *, json_match: str = "subset"
) -> tuple[int, str] | None:
    """(step, what) of the first response that differs, or None."""
    if not isinstance(expected, list):
        return 0, "the scenario has no expected responses"
    if not isinstance(actual, list):
        return 0, "no responses"
    for step, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if not isinstance(want, dict) or not isinstance(got, dict):
            return step, "the response is not an HTTP response"
        problem = response_mismatch(want, got, json_match=json_match)
        if problem:
            return step, problem
    if len(actual) < len(expected):
        return len(actual), "no response"
    return None


def _row(case: TestCase, status: str, passed: bool, output, failure) -> dict[str, Any]:
    row = base_row(case, status, passed, output)
    if not is_hidden(case):
        row.update(
            input=case.input,
            expected=case.expected,
            actual=output.actual if output else None,
            mismatch=({"step": failure[0], "detail": failure[1]} if failure else None),
        )
    return row


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    def judge(case: TestCase, output) -> tuple[bool, tuple[int, str] | None]:
        failure = scenario_mismatch(
            case.expected, output.actual, json_match=version.config.get("json_match", "subset")
        )
        return failure is None, failure

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(result, cases, judge=judge, row=_row, audience=audience)


class ApiKind(Kind):
    name = "api"
    label = "API design"
    page_templates = frozenset({"example", "card"})
    editor_label = "Your app (Python: Flask or WSGI)"
    config_keys = frozenset(
        {"entrypoint", "factory", "time_limit_s", "memory_mb", "json_match", "setup"}
    )

    def config_problems(self, config: dict) -> list[str]:
        problems = []
        entrypoint = config.get("entrypoint", "app")
        if not (isinstance(entrypoint, str) and entrypoint.isidentifier()):
            problems.append(f"{MANIFEST}: [api] entrypoint must be a Python identifier")
        if config.get("json_match", "subset") not in JSON_MATCH_MODES:
            problems.append(f"{MANIFEST}: [api] json_match must be one of {list(JSON_MATCH_MODES)}")
        if "setup" in config:
            if config["setup"] not in SETUP_MODES:
                problems.append(f"{MANIFEST}: [api] setup must be one of {list(SETUP_MODES)}")
            elif config.get("factory") is not True:
                problems.append(
                    f'{MANIFEST}: [api] setup = "factory-argument" needs factory = true '
                    "(the factory receives the seed data)"
                )
        return problems

    def case_columns(self, *, config: dict, paths: Collection[str]) -> list[CaseColumn]:
        """A scenario: its requests, the seed data when the app takes it, one response each."""
        middle = [
            CaseColumn(
                "input.requests",
                "Requests",
                "json",
                'A list of {"method", "path", "headers", "json"}, sent in order.',
                default=[{"method": "GET", "path": "/"}],
            )
        ]
        if config.get("setup") in SETUP_MODES:
            middle.append(
                CaseColumn(
                    "input.setup",
                    "Setup",
                    "json",
                    "A JSON object: the seed data create_app receives.",
                    default={},
                )
            )
        middle.append(
            CaseColumn(
                "expected",
                "Expected responses",
                "json",
                'One per request: {"status", "json", "headers", ...}.',
                default=[{"status": 200}],
            )
        )
        return case_columns_around(middle)

    def case_problems(self, index: int, case: Any, config: dict, assets: dict) -> list[str]:
        where = f"cases.json: case {index}"
        requests = case.input.get("requests")
        if (
            not isinstance(requests, list)
            or not requests
            or not all(isinstance(r, dict) and isinstance(r.get("path"), str) for r in requests)
        ):
            return [f'{where}: input is {{"requests": [{{"method", "path", ...}}]}}']
        if not (isinstance(case.expected, list) and len(case.expected) == len(requests)):
            return [f"{where}: expected is a list with one response per request"]
        problems = setup_problems(case, config, where)
        for step, response in enumerate(case.expected, start=1):
            problems += response_problems(response, f"{where}: response {step}")
        return problems

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)

    def result_steps(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """One step per request: the request as HTTP (references resolved from this run's
        responses), then the expected and the actual response as HTTP."""
        case_input = row.get("input")
        requests = case_input.get("requests") if isinstance(case_input, dict) else None
        if not isinstance(requests, list) or not requests:
            return super().result_steps(row)
        expected = row.get("expected") if isinstance(row.get("expected"), list) else []
        actual = row.get("actual") if isinstance(row.get("actual"), list) else []
        mismatch = row.get("mismatch") if isinstance(row.get("mismatch"), dict) else {}
        steps = []
        for index, request in enumerate(requests):
            shown = http_request(request, actual) if isinstance(request, dict) else ""
            steps.append(
                {
                    "heading": shown,
                    "failed": mismatch.get("step") == index,
                    "note": str(mismatch.get("detail") or "")
                    if mismatch.get("step") == index
                    else "",
                    "sides": [
                        (
                            "Expected",
                            expected[index] if index < len(expected) else None,
                            "response",
                        ),
                        ("Actual", actual[index] if index < len(actual) else None, "answered"),
                    ],
                }
            )
        return steps

    def notations(self) -> dict[str, Callable[..., str]]:
        """A scenario's steps as HTTP ("request", "response"); values (seed data, what the app
        returned) as the Python the app is written in."""
        return {
            "value": python_value,
            "expected": python_expected,
            "request": http_request,
            "response": http_response,
            "answered": http_answered,
        }


KIND = ApiKind()
