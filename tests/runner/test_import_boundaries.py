"""The runner's import surface: outside runner/, only `runner.facade`; only the Docker engine
imports the Docker SDK. Scanned from the source with `ast`, so a new module can't slip past."""

from __future__ import annotations

import ast
import os
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "node_modules", "var", ".git", "__pycache__"}
# Tests and benchmarks that must reach inside the runner, and what each may reach.
RUNNER_INSIDERS = {
    # Engine internals: leftover containers, planted files, the stale sweep, interrupted reads.
    "tests/runner/sandbox_checks.py": {"runner.docker_engine"},
    "tests/runner/test_hostile.py": {"runner.docker_engine"},
    "tests/runner/test_failure_modes.py": {
        "runner.docker_engine",
        "runner.limits",
        "runner.slots",
    },
    # Compares the runner with the Docker SDK's own naive path.
    "benchmarks/runner_bench.py": {"runner.docker_engine"},
}
DOCKER_IMPORTERS = {
    "runner/docker_engine.py",
    # Checks the settings' variables against what the SDK reads from the environment.
    "tests/config/test_compose.py",
}


def python_files() -> list[Path]:
    files = []
    for directory, subdirectories, names in os.walk(ROOT):
        subdirectories[:] = [name for name in subdirectories if name not in SKIPPED_DIRS]
        files += [Path(directory) / name for name in names if name.endswith(".py")]
    return sorted(files)


def imported_modules(tree: ast.AST) -> set[str]:
    """Every absolute module an import statement names; `from a import b` names `a.b` too,
    since `b` may be a module."""
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def runner_internals(module: str) -> bool:
    """Is `module` a part of the runner other than its facade (names a facade re-exports
    arrive as `runner.facade.<name>` and are fine)?"""
    if module == "runner.facade" or module.startswith("runner.facade."):
        return False
    # `from runner import facade` yields "runner" and "runner.facade": the package alone is
    # only the way to the facade.
    return module.startswith("runner.")


def boundary_breaches(files: list[Path]) -> tuple[list[str], list[str]]:
    runner_breaches, docker_breaches = [], []
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        modules = imported_modules(ast.parse(path.read_text(encoding="utf-8"), filename=name))
        if not name.startswith("runner/"):
            # runner.<module>, whatever was taken from it.
            reached = {".".join(m.split(".")[:2]) for m in modules if runner_internals(m)}
            allowed = RUNNER_INSIDERS.get(name, set())
            runner_breaches += [f"{name} imports {m}" for m in sorted(reached - allowed)]
        if name not in DOCKER_IMPORTERS and any(m.split(".")[0] == "docker" for m in modules):
            docker_breaches.append(f"{name} imports docker")
    return runner_breaches, docker_breaches


def test_only_the_facade_is_imported_from_outside_the_runner():
    runner_breaches, _ = boundary_breaches(python_files())
    assert runner_breaches == []


def test_only_the_docker_engine_imports_the_docker_sdk():
    _, docker_breaches = boundary_breaches(python_files())
    assert docker_breaches == []


def test_the_exception_lists_name_files_that_exist_and_still_need_them():
    files = python_files()
    for name, allowed in RUNNER_INSIDERS.items():
        modules = imported_modules(ast.parse((ROOT / name).read_text(encoding="utf-8")))
        assert allowed <= modules, name
    for name in DOCKER_IMPORTERS:
        modules = imported_modules(ast.parse((ROOT / name).read_text(encoding="utf-8")))
        assert any(module.split(".")[0] == "docker" for module in modules), name
    assert {ROOT / name for name in (*RUNNER_INSIDERS, *DOCKER_IMPORTERS)} <= set(files)


def test_the_scan_catches_a_reach_inside_and_a_stray_docker_import(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    (tmp_path / "submissions").mkdir()
    (tmp_path / "submissions" / "grading.py").write_text(
        "from runner import facade, slots\nimport runner.pool\nfrom runner.facade import run\n"
    )
    (tmp_path / "challenges").mkdir()
    (tmp_path / "challenges" / "engines.py").write_text("from docker.errors import NotFound\n")
    runner_breaches, docker_breaches = boundary_breaches(sorted(tmp_path.rglob("*.py")))
    assert runner_breaches == [
        "submissions/grading.py imports runner.pool",
        "submissions/grading.py imports runner.slots",
    ]
    assert docker_breaches == ["challenges/engines.py imports docker"]
