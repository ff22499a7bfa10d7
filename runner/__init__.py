"""The runner: executes untrusted code in one-shot Docker sandboxes behind a small facade.

Import from `runner.facade` (run, RunSpec, RunResult, Limits, Status); only
`runner.docker_engine` imports the Docker SDK.
"""
