"""Python challenges: call the candidate's function or class per case (or run their program
per stdin), compare outside the sandbox."""

from __future__ import annotations

from typing import Any

from challenges.comparators import COMPARATORS, compare
from challenges.grading import Grade
from challenges.kinds.base import Kind
from challenges.kinds.scoring import AUTHOR, CANDIDATE, base_row, grade_outputs, is_hidden
from challenges.models import ChallengeVersion, TestCase
from challenges.packages import MANIFEST
from runner.facade import CaseInput, CaseOutput, Mode, RunSpec, limits_for, run


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    program = config.get("mode") == "program"
    return RunSpec(
        source=code,
        mode=Mode.PROGRAM_CASES if program else Mode.PYTHON_CASES,
        entrypoint="" if program else config["entrypoint"],
        cases=tuple(
            CaseInput(id=str(case.ordinal), input=case.input, hidden=is_hidden(case))
            for case in cases
        ),
        limits=limits_for(
            time_limit_s=config.get("time_limit_s"), memory_mb=config.get("memory_mb")
        ),
        redact_hidden=audience != AUTHOR,
    )


def case_row(
    case: TestCase, status: str, passed: bool, output: CaseOutput | None, feedback: Any = None
) -> dict[str, Any]:
    row = base_row(case, status, passed, output)
    if not is_hidden(case):
        row.update(
            input=case.input,
            expected=case.expected,
            actual=output.actual if output else None,
            output=output.output if output else "",
        )
    return row


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    config = version.config
    comparator = config.get("comparator", "text" if config.get("mode") == "program" else "exact")
    options = config.get("comparator_options", {})

    def judge(case: TestCase, output: CaseOutput) -> tuple[bool, None]:
        return compare(comparator, case.expected, output.actual, options), None

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    return grade_outputs(result, cases, judge=judge, row=case_row, audience=audience)


def _input_problem(case_input: dict) -> bool:
    """Is a function case's input neither {"args", "kwargs"} nor {"ops": [...]}?"""
    keys = set(case_input)
    if keys == {"ops"}:
        ops = case_input["ops"]
        return not (
            isinstance(ops, list)
            and ops
            and all(
                isinstance(op, dict)
                and set(op) <= {"method", "args", "kwargs"}
                and isinstance(op.get("method", ""), str)
                and isinstance(op.get("args", []), list)
                and isinstance(op.get("kwargs", {}), dict)
                for op in ops
            )
        )
    return not (
        keys <= {"args", "kwargs"}
        and isinstance(case_input.get("args", []), list)
        and isinstance(case_input.get("kwargs", {}), dict)
    )


class PythonKind(Kind):
    name = "python"
    label = "Python"
    page_templates = frozenset({"example", "card"})
    config_keys = frozenset(
        {"entrypoint", "mode", "comparator", "comparator_options", "time_limit_s", "memory_mb"}
    )

    def config_problems(self, config: dict) -> list[str]:
        problems = []
        mode = config.get("mode", "function")
        if mode not in ("function", "program"):
            problems.append(f"{MANIFEST}: [python] mode must be 'function' or 'program'")
        entrypoint = config.get("entrypoint")
        if mode == "function" and not (isinstance(entrypoint, str) and entrypoint.isidentifier()):
            problems.append(f"{MANIFEST}: [python] entrypoint must be a Python identifier")
        comparator = config.get("comparator", "text" if mode == "program" else "exact")
        if not isinstance(comparator, str) or comparator not in COMPARATORS:
            problems.append(f"{MANIFEST}: [python] comparator must be one of {sorted(COMPARATORS)}")
        return problems

    def case_problems(self, index: int, case: Any, config: dict, assets: dict) -> list[str]:
        where = f"cases.json: case {index}"
        if config.get("mode") == "program":
            problems = []
            if not isinstance(case.input.get("stdin"), str):
                problems.append(f'{where}: a program\'s input is {{"stdin": "text"}}')
            if not (
                isinstance(case.expected, dict) and isinstance(case.expected.get("stdout"), str)
            ):
                problems.append(f'{where}: a program\'s expected value is {{"stdout": "text"}}')
            return problems
        if _input_problem(case.input):
            return [
                f'{where}: input is {{"args": [...], "kwargs": {{...}}}} or '
                '{"ops": [{"method": "name", "args": [...]}, ...]}'
            ]
        return []

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)


KIND = PythonKind()
