"""API challenges: hidden scenarios call the candidate's endpoints in the sandbox; the
worker checks each response's status, headers and JSON body outside."""

from __future__ import annotations

from typing import Any

from challenges.grading import Grade
from challenges.kinds.base import Kind
from challenges.kinds.scoring import AUTHOR, CANDIDATE, base_row, grade_outputs, is_hidden
from challenges.matchers import response_mismatch, response_problems
from challenges.models import ChallengeVersion, TestCase
from challenges.packages import MANIFEST
from runner.facade import CaseInput, Mode, RunSpec, limits_for, run


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    return RunSpec(
        source=code,
        mode=Mode.API_CASES,
        entrypoint=config.get("entrypoint", "app"),
        factory=bool(config.get("factory", False)),
        cases=tuple(
            CaseInput(id=str(case.ordinal), input=case.input, hidden=is_hidden(case))
            for case in cases
        ),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
        redact_hidden=audience != AUTHOR,
    )


def scenario_mismatch(expected: Any, actual: Any) -> tuple[int, str] | None:
    """(step, what) of the first response that differs, or None."""
    if not isinstance(expected, list):
        return 0, "the scenario has no expected responses"
    if not isinstance(actual, list):
        return 0, "no responses"
    for step, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if not isinstance(want, dict) or not isinstance(got, dict):
            return step, "the response is not an HTTP response"
        problem = response_mismatch(want, got)
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
        failure = scenario_mismatch(case.expected, output.actual)
        return failure is None, failure

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(result, cases, judge=judge, row=_row, audience=audience)


class ApiKind(Kind):
    name = "api"
    label = "API design"
    page_templates = frozenset({"example", "card"})
    editor_label = "Your app (Python: Flask or WSGI)"
    config_keys = frozenset({"entrypoint", "factory", "time_limit_s", "memory_mb"})

    def config_problems(self, config: dict) -> list[str]:
        entrypoint = config.get("entrypoint", "app")
        if not (isinstance(entrypoint, str) and entrypoint.isidentifier()):
            return [f"{MANIFEST}: [api] entrypoint must be a Python identifier"]
        return []

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
        problems = []
        for step, response in enumerate(case.expected, start=1):
            problems += response_problems(response, f"{where}: response {step}")
        return problems

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)


KIND = ApiKind()
