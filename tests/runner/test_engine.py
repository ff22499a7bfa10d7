"""The engine is chosen in settings by dotted path; the facade grades through whichever it is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from challenges import kinds
from challenges.grading import Verdict
from runner.facade import (
    Execution,
    InvalidSource,
    RunSpec,
    Status,
    cleanup_stale_sandboxes,
    close_engines,
    engine_status,
    run,
    settle,
)

ORDER_TOTAL = Path(settings.BASE_DIR) / "challenges" / "catalogue" / "order-total"
FAKE = f"{__name__}.InProcessEngine"


class InProcessEngine:
    """Answers as the harness would, running the (trusted, test-only) source in this process."""

    jobs: list[dict] = []

    def __init__(self, *, label: str = "in-process"):
        self.label = label

    def execute(self, *, stdin, limits, wall_timeout_s, stdout_cap, stderr_cap) -> Execution:
        job = json.loads(stdin)
        self.jobs.append(job)
        namespace: dict = {}
        exec(job["source"], namespace)  # noqa: S102 (the tests' own reference and starter)
        function = namespace[job["entrypoint"]]
        cases = []
        for case in job["cases"]:
            arguments = case["input"]
            try:
                actual = function(*arguments.get("args", []), **arguments.get("kwargs", {}))
            except Exception as exc:  # a case that raises fails alone, as in the harness
                cases.append({"id": case["id"], "status": "runtime_error", "error": repr(exc)})
            else:
                cases.append({"id": case["id"], "status": "ok", "actual": actual})
        report = {"status": "ok", "exit_code": 0, "cases": cases, "wall_time_ms": 3}
        return Execution(
            exit_code=0,
            stdout=f"{job['nonce']} {json.dumps(report)}\n".encode(),
            stderr=b"",
            oom_killed=False,
            timed_out=False,
            output_exceeded=False,
            wall_time_ms=3,
        )

    def status(self) -> tuple[bool, str]:
        return True, f"{self.label} ready"

    def remove_stale(self, *, older_than_s: float) -> int:
        return 7

    def settle(self, timeout_s: float) -> None:
        self.jobs.append({"settled": timeout_s})

    def close(self) -> None:
        pass


class NotAnEngine:
    def __init__(self):
        pass


class RefusesToStart:
    def __init__(self, **options):
        raise AssertionError("no engine may be built for a source that is refused")


def fake_engine(tmp_path, *, path: str = FAKE, **options) -> dict:
    # Own slots: a fake run must not wait for slots that real sandboxes hold on this host.
    return {
        **settings.RUNNER,
        "ENGINE": path,
        "ENGINE_OPTIONS": options,
        "SLOTS_DIR": str(tmp_path),
    }


@pytest.fixture(autouse=True)
def fresh_engines():
    InProcessEngine.jobs.clear()
    yield
    close_engines()


def test_grading_runs_through_the_engine_named_in_settings(tmp_path, order_total):
    version = order_total.current_version
    cases = version.cases.order_by("ordinal")
    with override_settings(RUNNER=fake_engine(tmp_path)):
        reference = kinds.grade(
            version=version, code=(ORDER_TOTAL / "solution.py").read_text(), cases=cases
        )
        starter = kinds.grade(
            version=version, code=(ORDER_TOTAL / "starter.py").read_text(), cases=cases
        )
    assert (reference.verdict, reference.score) == (Verdict.ACCEPTED, 1.0)
    assert starter.verdict != Verdict.ACCEPTED
    assert len(InProcessEngine.jobs) == 2
    sent = InProcessEngine.jobs[0]["cases"]
    assert sorted(int(case["id"]) for case in sent) == [case.ordinal for case in cases]
    # The engine gets each case's input, never its expected answer.
    assert all(set(case) == {"id", "input", "hidden"} for case in sent)


def test_status_cleanup_and_settle_ask_the_configured_engine(tmp_path):
    with override_settings(RUNNER=fake_engine(tmp_path, label="second")):
        assert engine_status() == (True, "second ready")
        assert cleanup_stale_sandboxes(older_than_s=1) == 7
        settle(timeout_s=2.5)
    assert InProcessEngine.jobs == [{"settled": 2.5}]


def test_a_run_gets_its_result_from_the_engine_report(tmp_path):
    source = "def double(n):\n    return n * 2\n"
    spec = RunSpec(source=source, mode="python_cases", entrypoint="double")
    with override_settings(RUNNER=fake_engine(tmp_path)):
        result = run(spec)
    assert (result.status, result.cases, result.wall_time_ms) == (Status.OK, (), 3)


def test_a_refused_source_never_reaches_the_engine(tmp_path):
    path = f"{__name__}.RefusesToStart"
    with override_settings(RUNNER=fake_engine(tmp_path, path=path)), pytest.raises(InvalidSource):
        run(RunSpec(source="\x00"))


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        (
            "runner.no_such_engine.Engine",
            {},
            "RUNNER['ENGINE'] = 'runner.no_such_engine.Engine' can't be imported: "
            "No module named 'runner.no_such_engine'",
        ),
        (
            "runner.docker_engine.NoSuchEngine",
            {},
            "RUNNER['ENGINE'] = 'runner.docker_engine.NoSuchEngine' can't be imported: "
            'Module "runner.docker_engine" does not define a "NoSuchEngine" attribute/class',
        ),
        (
            "DockerEngine",
            {},
            "RUNNER['ENGINE'] = 'DockerEngine' can't be imported: "
            "DockerEngine doesn't look like a module path",
        ),
        ("", {}, "RUNNER['ENGINE'] must be a dotted path, not ''"),
        (["runner.docker_engine.DockerEngine"], {}, "RUNNER['ENGINE'] must be a dotted path"),
        (
            FAKE,
            {"colour": "blue"},
            f"RUNNER['ENGINE'] = '{FAKE}' refused RUNNER['ENGINE_OPTIONS']: "
            "InProcessEngine.__init__() got an unexpected keyword argument 'colour'",
        ),
        (FAKE, ["label"], "RUNNER['ENGINE_OPTIONS'] must be a dict of keyword arguments"),
        (
            "runner.docker_engine.DockerEngine",
            {"image": "interview-sandbox:latest", "pool_size": "many"},
            "RUNNER['ENGINE'] = 'runner.docker_engine.DockerEngine' refused "
            "RUNNER['ENGINE_OPTIONS']: invalid literal for int() with base 10: 'many'",
        ),
        (
            "runner.docker_engine.DockerEngine",
            {"image": ""},
            "RUNNER['ENGINE'] = 'runner.docker_engine.DockerEngine' refused "
            "RUNNER['ENGINE_OPTIONS']: image must be a non-empty image name",
        ),
        (
            f"{__name__}.NotAnEngine",
            {},
            f"RUNNER['ENGINE'] = '{__name__}.NotAnEngine' is not an engine (it needs execute, "
            "status, remove_stale, settle and close; see runner/engine.py)",
        ),
    ],
)
def test_a_bad_engine_setting_is_improperly_configured(tmp_path, path, options, message):
    runner_settings = {**fake_engine(tmp_path, path=path), "ENGINE_OPTIONS": options}
    with override_settings(RUNNER=runner_settings), pytest.raises(ImproperlyConfigured) as caught:
        run(RunSpec(source="print(1)"))
    assert str(caught.value).startswith(message)
