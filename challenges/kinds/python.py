"""Python challenges: call the candidate's function or class per case (or run their program
per stdin), compare outside the sandbox."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from challenges.comparators import COMPARATORS
from challenges.grading import Grade
from challenges.kinds import custom_runs
from challenges.kinds.base import (
    NO_CUSTOM_INPUT,
    AnswerRejected,
    CaseColumn,
    Kind,
    case_columns_around,
)
from challenges.kinds.python_notation import python_call, python_expected, python_value
from challenges.kinds.scoring import (
    CANDIDATE,
    base_row,
    case_run_spec,
    grade_outputs,
    is_hidden,
)
from challenges.models import ChallengeVersion, TestCase
from challenges.packages import MANIFEST
from challenges.python_expected import (
    RAISES,
    expected_problems,
    matches,
    raised_info,
    unexpected_outcome,
)
from challenges.python_literals import InputRejected, parse_arguments, write_arguments
from runner.facade import CaseOutput, Mode, RunResult, RunSpec, run


def run_spec(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> RunSpec:
    config = version.config
    program = config.get("mode") == "program"
    return case_run_spec(
        code=code,
        mode=Mode.PROGRAM_CASES if program else Mode.PYTHON_CASES,
        config=config,
        cases=cases,
        audience=audience,
        entrypoint="" if program else config["entrypoint"],
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


def _ops(case: TestCase) -> list | None:
    """A class case's ops (None: a function case)."""
    ops = case.input.get("ops") if isinstance(case.input, dict) else None
    return ops if isinstance(ops, list) else None


def settle_outcomes(result: RunResult, cases: list[TestCase]) -> RunResult:
    """Decide what the exceptions a run reported as outcomes mean, knowing the expected values
    the sandbox never saw: a raise (or a value that isn't data) where the case expects a value
    makes the case a runtime error saying which op did what, as it always was; a raise the case
    expects is an outcome to compare. Hidden cases keep no text either way."""
    by_id = {str(case.ordinal): case for case in cases}
    settled = []
    for output in result.cases:
        case = by_id.get(output.id)
        if case is None or output.status != "ok":
            settled.append(output)
            continue
        problem = unexpected_outcome(case.expected, output.actual, _ops(case))
        if problem is None:
            settled.append(replace(output, error=""))
        elif output.hidden:
            settled.append(replace(output, status="runtime_error"))
        else:
            detail = f"{problem}\n\n{output.error}" if output.error else problem
            settled.append(replace(output, status="runtime_error", error=detail[:4000]))
    return replace(result, cases=tuple(settled))


def grade(
    *, version: ChallengeVersion, code: str, cases: list[TestCase], audience: str = CANDIDATE
) -> Grade:
    config = version.config
    comparator = config.get("comparator", "text" if config.get("mode") == "program" else "exact")
    options = config.get("comparator_options", {})

    def judge(case: TestCase, output: CaseOutput) -> tuple[bool, None]:
        passed = matches(
            case.expected,
            output.actual,
            comparator=comparator,
            options=options,
            class_mode=_ops(case) is not None,
        )
        return passed, None

    result = run(run_spec(version=version, code=code, cases=cases, audience=audience))
    if config.get("mode") != "program":
        result = settle_outcomes(result, cases)
    return grade_outputs(result, cases, judge=judge, row=case_row, audience=audience)


SHAPE = (
    'input is {"args": [...], "kwargs": {...}} or {"ops": [{"method": "name", "args": [...]}, ...]}'
)
CONSTRUCTOR_KEYS = frozenset({"args", "kwargs"})
METHOD_KEYS = frozenset({"method", "args", "kwargs"})


def _op_problems(index: int, op: Any) -> list[str]:
    """Problems with op `index` (from 1) of a class case."""
    where = f"op {index}"
    if not isinstance(op, dict):
        return [f'{where}: an op is an object ({{"method": "name", "args": [...]}})']
    problems = []
    if index == 1:
        if set(op) - CONSTRUCTOR_KEYS:
            problems.append(
                f"{where} constructs the object: only args and kwargs "
                f"(not {sorted(set(op) - CONSTRUCTOR_KEYS)})"
            )
    elif "attr" in op:
        if set(op) != {"attr"}:
            problems.append(f'{where}: an attribute read is {{"attr": "name"}} alone')
        if not (isinstance(op["attr"], str) and op["attr"].isidentifier()):
            problems.append(f"{where}: attr must be an attribute's name (an identifier)")
    else:
        if set(op) - METHOD_KEYS:
            problems.append(
                f"{where}: unknown keys {sorted(set(op) - METHOD_KEYS)} "
                "(method, args, kwargs; or attr alone)"
            )
        if not (isinstance(op.get("method"), str) and op["method"].isidentifier()):
            problems.append(f"{where}: method must be a method's name (an identifier)")
    if not isinstance(op.get("args", []), list):
        problems.append(f"{where}: args must be a list")
    if not isinstance(op.get("kwargs", {}), dict):
        problems.append(f"{where}: kwargs must be an object")
    return problems


def input_problems(case_input: dict) -> list[str]:
    """Problems with a function-mode case's input: {"args", "kwargs"} or {"ops": [...]}."""
    keys = set(case_input)
    if keys == {"ops"}:
        ops = case_input["ops"]
        if not (isinstance(ops, list) and ops):
            return [SHAPE]
        problems = []
        for index, op in enumerate(ops, start=1):
            problems += _op_problems(index, op)
        return problems
    if not (
        keys <= {"args", "kwargs"}
        and isinstance(case_input.get("args", []), list)
        and isinstance(case_input.get("kwargs", {}), dict)
    ):
        return [SHAPE]
    return []


def custom_input_offered(version: ChallengeVersion) -> bool:
    """Function challenges with a reference solution; a class's ops or a program's stdin are
    not call arguments."""
    config = version.config
    if config.get("mode", "function") != "function" or not version.reference_solution:
        return False
    return not any(
        isinstance(case.input, dict) and "ops" in case.input
        for case in version.cases.filter(visibility=TestCase.Visibility.EXAMPLE)
    )


def _comparable(reference_value: Any) -> Any:
    """The reference's outcome as an expected value: an exception it raised becomes the
    `$raises` the candidate's code must match (type and message)."""
    info = raised_info(reference_value)
    if info is None:
        return reference_value
    want = {"type": info.get("type")}
    if isinstance(info.get("message"), str):
        want["message"] = info["message"]
    return {RAISES: want}


def grade_custom(*, version: ChallengeVersion, code: str, call: dict[str, Any]) -> Grade:
    """The candidate's function and the reference's on the candidate's own arguments."""
    config = version.config
    comparator = config.get("comparator", "exact")
    options = config.get("comparator_options", {})
    mine, reference = custom_runs.run_pair(
        code=code,
        reference_code=version.reference_solution,
        mode=Mode.PYTHON_CASES,
        config=config,
        case_input=call,
        entrypoint=config["entrypoint"],
    )

    def settle(case: CaseOutput, expected: Any) -> CaseOutput:
        # A raise where the reference returned a value (or returned nothing to compare) is the
        # candidate's runtime error, with its traceback: their own code on their own input.
        problem = unexpected_outcome(_comparable(expected), case.actual, None)
        if case.status != "ok" or problem is None:
            return replace(case, error="") if case.status == "ok" else case
        detail = f"{problem}\n\n{case.error}" if case.error else problem
        return replace(case, status="runtime_error", error=detail[:4000])

    def judge(expected: Any, case: CaseOutput) -> tuple[bool, None]:
        same = matches(_comparable(expected), case.actual, comparator=comparator, options=options)
        return same, None

    return custom_runs.grade_pair(
        mine, reference, shown_input=call, judge=judge, settle=settle, keep_output=True
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

    def case_columns(self, *, config: dict, paths: Collection[str]) -> list[CaseColumn]:
        """A program's stdin and stdout as text; a function's call and return value as JSON (a
        class case's "ops" stays with the other fields)."""
        if config.get("mode") == "program":
            middle = [
                CaseColumn("input.stdin", "Standard input", "textarea", "", default=""),
                CaseColumn(
                    "expected.stdout",
                    "Expected output",
                    "textarea",
                    "Compared with the challenge's comparator.",
                    default="",
                ),
            ]
        else:
            middle = [
                CaseColumn(
                    "input.args",
                    "Arguments",
                    "json",
                    "A JSON list: the call's positional arguments.",
                    default=[],
                ),
                CaseColumn(
                    "input.kwargs",
                    "Keyword arguments",
                    "json",
                    "A JSON object, or empty for none.",
                ),
                CaseColumn(
                    "expected",
                    "Expected",
                    "json",
                    "The return value as JSON.",
                    default=None,
                ),
            ]
        return case_columns_around(middle)

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
        problems = [f"{where}: {problem}" for problem in input_problems(case.input)]
        if problems:
            return problems
        return expected_problems(case.expected, case.input.get("ops"), f"{where}: expected")

    def grade(self, *, version, code, answers, cases, audience) -> Grade:
        return grade(version=version, code=code, cases=cases, audience=audience)

    def notations(self) -> dict[str, Callable[..., str]]:
        """Python literals, matchers in words, and a case's input as the call it makes."""
        return {"value": python_value, "expected": python_expected, "call": python_call}

    custom_input = True

    def custom_input_for(self, version: ChallengeVersion) -> dict[str, str] | None:
        if not custom_input_offered(version):
            return None
        first = (
            version.cases.filter(visibility=TestCase.Visibility.EXAMPLE).order_by("ordinal").first()
        )
        prefill = ""
        if first is not None and not input_problems(first.input):
            prefill = write_arguments(first.input)
        entrypoint = version.config["entrypoint"]
        return {
            "label": f"Arguments of {entrypoint}(...)",
            "prefill": prefill,
            "placeholder": "[1, 2, 3], key='value'",
            "help": (
                f"Python literals, as in a call to {entrypoint}: positional, then name=value. "
                "Your code and the reference solution both run on them."
            ),
        }

    def clean_custom_input(self, *, version: ChallengeVersion, text: str) -> dict[str, Any]:
        if not custom_input_offered(version):
            raise AnswerRejected("custom_input", NO_CUSTOM_INPUT)
        try:
            return parse_arguments(text)
        except InputRejected as exc:
            raise AnswerRejected("custom_input", str(exc)) from None

    def grade_custom(self, *, version: ChallengeVersion, code: str, custom_input: str) -> Grade:
        call = self.clean_custom_input(version=version, text=custom_input)
        return grade_custom(version=version, code=code, call=call)

    def shown_input(self, config: dict, row: dict[str, Any]) -> str:
        """The call (`solution(1, 2)`, or the ops of a class case) or a program's stdin."""
        case_input = row.get("input")
        if not isinstance(case_input, dict) or row.get("visibility") != "example":
            return ""
        if "stdin" in case_input:
            return str(case_input["stdin"])
        try:
            return python_call(case_input, str(config.get("entrypoint") or "solution"))
        except (KeyError, TypeError, AttributeError):
            return ""

    def shown_input_label(self, row: dict[str, Any]) -> str:
        case_input = row.get("input")
        return "stdin" if isinstance(case_input, dict) and "stdin" in case_input else "Call"


KIND = PythonKind()
