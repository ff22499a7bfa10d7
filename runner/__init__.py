"""The runner: executes untrusted code in one-shot sandboxes behind a small facade.

Import from `runner.facade` only (run, RunSpec, RunResult, Limits, Status, ...). The engine is
chosen in settings (`RUNNER["ENGINE"]`, see runner/engine.py); only `runner.docker_engine`
imports the Docker SDK.
"""
