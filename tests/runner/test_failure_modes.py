"""Fail closed and clean up: engine down, image missing, interrupts, crashed workers."""

import contextlib
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.test import override_settings

from runner import docker_engine
from runner.facade import RunSpec, Status, cleanup_stale_sandboxes, run
from runner.limits import default_limits
from runner.slots import SlotsBusy, slot
from tests.runner.engine_settings import engine_options
from tests.runner.sandbox_checks import assert_host_unharmed


def test_engine_down_is_a_sandbox_error_and_nothing_runs_locally(settings, monkeypatch):
    settings.RUNNER = engine_options(docker_host="unix:///nonexistent/docker.sock")
    ran_locally = []
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: ran_locally.append(a))
    result = run(RunSpec(source="print(1)"))
    assert result.status == Status.SANDBOX_ERROR
    assert result.message.startswith("Docker engine unreachable")
    assert result.stdout == ""
    assert ran_locally == []


@pytest.mark.docker
def test_missing_image_is_a_sandbox_error():
    with override_settings(RUNNER=engine_options(image="interview-sandbox:no-such-tag")):
        result = run(RunSpec(source="print(1)"))
    assert result.status == Status.SANDBOX_ERROR
    assert "interview-sandbox:no-such-tag" in result.message
    assert_host_unharmed()


@pytest.mark.docker
def test_an_interrupted_run_still_removes_its_container(monkeypatch):
    real_read = docker_engine._read_frames

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(docker_engine, "_read_frames", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(RunSpec(source="import time\ntime.sleep(60)"))
    monkeypatch.setattr(docker_engine, "_read_frames", real_read)
    assert_host_unharmed()


@pytest.mark.docker
def test_containers_of_a_killed_worker_are_swept_at_the_next_start():
    # A separate process creates a sandbox container, then dies without cleaning up.
    script = (
        "import os, django\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.test')\n"
        "django.setup()\n"
        "from django.conf import settings\n"
        "from runner import docker_engine\n"
        "from runner.limits import default_limits\n"
        "p = docker_engine.create(image=settings.RUNNER['ENGINE_OPTIONS']['image'],"
        " command=['sleep', '60'],"
        " limits=default_limits())\n"
        "print(p.container_id, flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == -signal.SIGKILL
    orphan = result.stdout.strip()
    assert orphan in {cid for cid, _ in docker_engine.sandbox_containers()}
    removed = cleanup_stale_sandboxes()
    assert removed >= 1
    assert orphan not in {cid for cid, _ in docker_engine.sandbox_containers()}


@pytest.mark.docker
def test_the_stale_sweep_spares_live_workers_containers():
    prepared = docker_engine.create(
        image=settings.RUNNER["ENGINE_OPTIONS"]["image"], command=["true"], limits=default_limits()
    )
    try:
        cleanup_stale_sandboxes()
        assert prepared.container_id in {cid for cid, _ in docker_engine.sandbox_containers()}
    finally:
        docker_engine.discard(prepared)


def test_slots_bound_concurrency_with_back_pressure(settings, tmp_path):
    with (
        slot(tmp_path, 1, timeout_s=0.1),
        pytest.raises(SlotsBusy, match="1 sandbox slots"),
        slot(tmp_path, 1, timeout_s=0.2),
    ):
        pass
    settings.RUNNER = {
        **settings.RUNNER,
        "SLOTS_DIR": str(tmp_path),
        "CONCURRENCY": 1,
        "SLOT_WAIT_S": 0.3,
    }
    started = time.monotonic()
    with slot(tmp_path, 1, timeout_s=1):
        # Every slot is taken: the run waits SLOT_WAIT_S, then backs off without a container.
        result = run(RunSpec(source="print(1)"))
    assert result.status == Status.SANDBOX_ERROR
    assert result.message == "all 1 sandbox slots stayed busy for 0.3 s"
    assert 0.3 <= time.monotonic() - started < 5


def test_a_slot_is_freed_when_its_holder_dies(tmp_path):
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from runner.slots import slot\n"
        "with slot(Path(sys.argv[1]), 1, timeout_s=1):\n"
        "    print('holding', flush=True)\n"
        "    time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "holding\n"
    with pytest.raises(SlotsBusy), slot(tmp_path, 1, timeout_s=0.2):
        pass
    holder.kill()
    holder.wait()
    with slot(tmp_path, 1, timeout_s=1) as index:
        assert index == 0


def test_background_work_never_takes_the_last_free_slot(tmp_path):
    # Two slots, a candidate's run holds one: an author's validation (keep_free=1) must wait.
    with slot(tmp_path, 2, timeout_s=1) as taken:
        with (
            pytest.raises(SlotsBusy, match=r"background work leaves 1 free"),
            slot(tmp_path, 2, timeout_s=0.2, keep_free=1),
        ):
            pass
        # A candidate's run still gets the other slot.
        with slot(tmp_path, 2, timeout_s=1) as other:
            assert other != taken
    # Both free: validation takes one and leaves the other for candidates.
    with (
        slot(tmp_path, 2, timeout_s=1, keep_free=1) as background,
        slot(tmp_path, 2, timeout_s=0.2) as candidate,
    ):
        assert candidate != background


def test_background_runs_ask_the_slots_to_leave_one_free(monkeypatch):
    from runner import facade

    asked = []

    @contextlib.contextmanager
    def recording_slot(directory, count, *, timeout_s, keep_free=0):
        asked.append(keep_free)
        raise SlotsBusy("recorded")
        yield

    monkeypatch.setattr(facade, "slot", recording_slot)
    spec = facade.RunSpec(source="print(1)")
    assert facade.run(spec).status == facade.Status.SANDBOX_ERROR
    with facade.background_runs():
        assert facade.run(spec).status == facade.Status.SANDBOX_ERROR
    assert facade.run(spec).status == facade.Status.SANDBOX_ERROR
    assert asked == [0, 1, 0]
