"""validatechallenges: one crash is that challenge's failure, invalid mutants are never killed,
warnings reach the report, and --changed skips what validated OK with the same harness."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from challenges.management.commands import validatechallenges as command
from challenges.models import Challenge
from challenges.validation_cache import RULES, cache_load
from tests.conftest import CATALOGUE

DESIGNS = ["appointments-index-design", "catalogue-cache-design"]


def load(*folders: Path) -> None:
    call_command("loadchallenges", *map(str, folders), stdout=StringIO(), stderr=StringIO())


def validate(*args, **options) -> tuple[str, str | None]:
    """(stdout, the CommandError's message or None)."""
    out = StringIO()
    try:
        call_command("validatechallenges", *args, stdout=out, **options)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), None


@pytest.fixture
def designs(db):
    load(*(CATALOGUE / slug for slug in DESIGNS))


@pytest.fixture
def harness(monkeypatch):
    """The sandbox image's harness digest, as the command reads it (no engine needed)."""
    digest = {"value": "harness-1"}
    monkeypatch.setattr(command, "harness_digest", lambda: digest["value"])
    return digest


def summary(out: str) -> str:
    return out.splitlines()[-1].rsplit(" in ", 1)[0]


def test_a_crash_is_that_challenges_failure_and_the_others_still_run(
    designs, harness, monkeypatch, tmp_path
):
    real = command.validate_version

    def crash_on_first(version):
        if version.challenge.slug == DESIGNS[0]:
            raise KeyError("entrypoint\nwith a second line")
        return real(version)

    monkeypatch.setattr(command, "validate_version", crash_on_first)
    out, error = validate(jobs=1, cache=tmp_path / "cache.json")
    assert error == "1 challenge(s) failed validation"
    lines = out.splitlines()
    assert lines[0].startswith(f"FAIL {DESIGNS[0]}")
    assert lines[1] == "       - validation crashed: KeyError: 'entrypoint\\nwith a second line'"
    assert lines[2].startswith(f"ok   {DESIGNS[1]}")
    assert summary(out) == (
        "1 valid, 1 invalid, 0 skipped (validated before: same content and sandbox harness)"
    )


def test_changed_skips_what_validated_ok_with_the_same_content_and_harness(
    designs, harness, tmp_path
):
    cache = tmp_path / "cache.json"
    out, error = validate("--changed", jobs=1, cache=cache)
    assert (error, summary(out)) == (
        None,
        "2 valid, 0 invalid, 0 skipped (validated before: same content and sandbox harness)",
    )
    digests = {
        c.slug: c.current_version.content_digest for c in Challenge.objects.filter(slug__in=DESIGNS)
    }
    assert cache_load(cache) == {
        slug: {"content": digest, "harness": "harness-1", "rules": RULES, "ok": True}
        for slug, digest in digests.items()
    }
    out, _ = validate("--changed", jobs=1, cache=cache, json_path=str(tmp_path / "r.json"))
    assert summary(out) == (
        "0 valid, 0 invalid, 2 skipped (validated before: same content and sandbox harness)"
    )
    assert json.loads((tmp_path / "r.json").read_text()) == [
        {"slug": slug, "version": 1, "ok": True, "skipped": True} for slug in DESIGNS
    ]
    # A plain run validates everything whatever the cache says.
    out, _ = validate(jobs=1, cache=cache)
    assert summary(out).startswith("2 valid, 0 invalid, 0 skipped")
    # A new harness: nothing validated before can be trusted.
    harness["value"] = "harness-2"
    out, _ = validate("--changed", jobs=1, cache=cache)
    assert summary(out).startswith("2 valid, 0 invalid, 0 skipped")


def test_changed_validates_changed_content_and_failures_again(designs, harness, tmp_path):
    cache = tmp_path / "cache.json"
    validate("--changed", jobs=1, cache=cache)
    folder = tmp_path / DESIGNS[0]
    shutil.copytree(CATALOGUE / DESIGNS[0], folder)
    statement = folder / "statement.md"
    statement.write_text(statement.read_text() + "\nOne more line.\n")
    load(folder)
    out, _ = validate("--changed", jobs=1, cache=cache)
    assert out.splitlines()[0].startswith(f"ok   {DESIGNS[0]:<40} v2")
    assert summary(out).startswith("1 valid, 0 invalid, 1 skipped")


def test_changed_skips_nothing_without_a_harness_digest(designs, harness, tmp_path):
    cache = tmp_path / "cache.json"
    validate("--changed", jobs=1, cache=cache)
    harness["value"] = None  # no image, no label, or no engine
    out, _ = validate("--changed", jobs=1, cache=cache)
    assert summary(out).startswith("2 valid, 0 invalid, 0 skipped")
    assert cache_load(cache) == {}


def test_a_failed_challenge_leaves_the_cache(designs, harness, monkeypatch, tmp_path):
    cache = tmp_path / "cache.json"
    validate("--changed", jobs=1, cache=cache)
    monkeypatch.setattr(command, "validate_version", lambda version: 1 / 0)
    _, error = validate(DESIGNS[0], jobs=1, cache=cache)
    assert error == "1 challenge(s) failed validation"
    assert set(cache_load(cache)) == {DESIGNS[1]}


@pytest.mark.parametrize("garbage", ["", "not json", "[1, 2]", '{"a": 3}'])
def test_a_broken_cache_file_means_validate_everything(designs, harness, tmp_path, garbage):
    cache = tmp_path / "cache.json"
    cache.write_text(garbage)
    out, error = validate("--changed", jobs=1, cache=cache)
    assert (error, summary(out).split(",")[0]) == (None, "2 valid")


def test_warnings_from_loading_are_kept_in_the_validation_report(db, harness, tmp_path):
    folder = tmp_path / DESIGNS[0]
    shutil.copytree(CATALOGUE / DESIGNS[0], folder)
    (folder / "diagram.png").write_bytes(b"\x89PNG")
    load(folder)
    out, error = validate(jobs=1, cache=tmp_path / "c.json", json_path=str(tmp_path / "r.json"))
    assert error is None
    assert out.splitlines()[1] == (
        "       ~ warning: diagram.png: not part of a design package; ignored"
    )
    (report,) = json.loads((tmp_path / "r.json").read_text())
    assert report["warnings"] == ["diagram.png: not part of a design package; ignored"]
    assert report["ok"] is True


def test_several_challenges_at_once(transactional_db, harness, tmp_path):
    load(*(CATALOGUE / slug for slug in DESIGNS))
    out, error = validate(jobs=2, cache=tmp_path / "cache.json")
    assert error is None
    assert [line.split()[1] for line in out.splitlines()[:2]] == DESIGNS


# In the sandbox ------------------------------------------------------------------------------


def with_mutant(tmp_path: Path, slug: str, name: str, code: str) -> Path:
    folder = tmp_path / slug
    shutil.copytree(CATALOGUE / slug, folder)
    (folder / "mutants" / name).write_text(code)
    return folder


@pytest.mark.docker
@pytest.mark.parametrize(
    ("slug", "mutant", "code", "reason"),
    [
        (
            "order-total",
            "broken.py",
            "def order_total(items, coupon=None:\n    return 0\n",
            "SyntaxError: invalid syntax",
        ),
        (
            "customers-who-never-bought",
            "broken.sql",
            "SELEC customer_id FROM customers;\n",
            'near "SELEC": syntax error',
        ),
    ],
)
def test_a_mutant_that_does_not_compile_is_invalid_never_killed(
    db, harness, tmp_path, slug, mutant, code, reason
):
    load(with_mutant(tmp_path, slug, mutant, code))
    out, error = validate(jobs=1, cache=tmp_path / "c.json", json_path=str(tmp_path / "r.json"))
    assert error == "1 challenge(s) failed validation"
    (report,) = json.loads((tmp_path / "r.json").read_text())
    broken = [m for m in report["mutants"] if m["name"] == mutant.split(".")[0]]
    assert broken == [
        {
            "name": mutant.split(".")[0],
            "killed": False,
            "failed_hidden": [],
            "verdict": "syntax_error",
            "invalid": True,
        }
    ]
    problem = next(p for p in report["problems"] if p.startswith("mutant 'broken'"))
    assert problem.startswith("mutant 'broken' is invalid: it doesn't compile (")
    assert reason in problem
    assert problem.endswith("); a mutant must run and fail a hidden case")
    assert "(1 invalid)" in out.splitlines()[0]


@pytest.mark.docker
def test_a_reference_that_does_not_run_is_one_problem_with_the_reason(db, harness, tmp_path):
    folder = tmp_path / "order-total"
    shutil.copytree(CATALOGUE / "order-total", folder)
    (folder / "solution.py").write_text("def order_total(items, coupon=None:\n    return 0\n")
    load(folder)
    _, error = validate(jobs=1, cache=tmp_path / "c.json", json_path=str(tmp_path / "r.json"))
    assert error == "1 challenge(s) failed validation"
    (report,) = json.loads((tmp_path / "r.json").read_text())
    assert report["problems"][0].startswith("reference solution did not run: syntax_error File ")
    assert report["problems"][0].endswith("SyntaxError: invalid syntax")
    assert not any("not_run" in problem for problem in report["problems"])
