"""Checks that a sandbox run left the host as it found it."""

from django.conf import settings

from runner import docker_engine
from runner.facade import RunSpec, Status, run, settle


def assert_no_leftover_containers() -> None:
    """Every container this process started is gone; only unstarted pool spares may remain."""
    settle()
    # Only this process's containers: other workers may share the engine.
    states = [s for _, s in docker_engine.sandbox_containers(owner=docker_engine.owner_label())]
    assert [s for s in states if s != "created"] == []
    assert len(states) <= settings.RUNNER["ENGINE_OPTIONS"]["pool_size"]


def assert_host_unharmed() -> None:
    assert_no_leftover_containers()
    result = run(RunSpec(source="print('next run works')"))
    assert (result.status, result.stdout) == (Status.OK, "next run works\n")
    assert_no_leftover_containers()
