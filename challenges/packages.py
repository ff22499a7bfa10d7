"""Read and validate a challenge package folder (docs/challenge-format.md)."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from challenges.comparators import COMPARATORS

MANIFEST = "challenge.toml"
KINDS = {"python", "api", "sql", "design"}
DIFFICULTIES = {"easy", "medium", "hard"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_EXTENSION = {"python": "py", "api": "py", "sql": "sql"}
SHARED_DATASETS = Path(__file__).resolve().parent / "datasets"


class PackageError(ValueError):
    """A package is invalid; `problems` lists every problem found, each with its file."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


@dataclass(frozen=True)
class CaseSpec:
    name: str
    visibility: str
    input: dict[str, Any]
    expected: Any
    category: str = ""
    hint: str = ""
    weight: int = 1


@dataclass(frozen=True)
class Mutant:
    """A known-wrong solution that validation requires to fail at least one hidden case."""

    name: str
    code: str


@dataclass(frozen=True)
class ChallengePackage:
    path: Path
    slug: str
    title: str
    kind: str
    difficulty: str
    skills: tuple[str, ...]
    context: str
    estimated_minutes: int
    statement_md: str
    starter_code: str
    reference_solution: str
    config: dict[str, Any]
    hints: tuple[str, ...]
    editorial_md: str
    cases: tuple[CaseSpec, ...]
    mutants: tuple[Mutant, ...] = ()
    # Extra files by relative path, e.g. an SQL challenge's "dataset/schema.sql".
    assets: dict[str, str] = field(default_factory=dict)
    digest: str = field(default="")

    def content(self) -> dict[str, Any]:
        """Everything that defines the challenge, as plain data (what the digest covers)."""
        return {
            "slug": self.slug,
            "title": self.title,
            "kind": self.kind,
            "difficulty": self.difficulty,
            "skills": list(self.skills),
            "context": self.context,
            "estimated_minutes": self.estimated_minutes,
            "statement_md": self.statement_md,
            "starter_code": self.starter_code,
            "reference_solution": self.reference_solution,
            "config": self.config,
            "hints": list(self.hints),
            "editorial_md": self.editorial_md,
            "cases": [case.__dict__ for case in self.cases],
            "mutants": [mutant.__dict__ for mutant in self.mutants],
            "assets": dict(sorted(self.assets.items())),
        }


def content_digest(content: dict[str, Any]) -> str:
    """sha256 of canonical JSON: the same content gives the same digest however it's laid out."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _read_text(path: Path, problems: list[str], *, required: bool = True) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            problems.append(f"{path.name}: missing")
        return ""
    except UnicodeDecodeError:
        problems.append(f"{path.name}: not valid UTF-8")
        return ""


def _cases(raw: Any, problems: list[str], *, design: bool = False) -> list[CaseSpec]:
    if not isinstance(raw, dict) or not isinstance(raw.get("cases"), list):
        problems.append('cases.json: must be an object with a "cases" list')
        return []
    cases = []
    names = set()
    for index, item in enumerate(raw["cases"], start=1):
        where = f"cases.json: case {index}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object")
            continue
        name = item.get("name") or f"case {index}"
        if name in names:
            problems.append(f"{where}: duplicate name {name!r}")
        names.add(name)
        visibility = item.get("visibility", "hidden")
        if visibility not in ("example", "hidden"):
            problems.append(f"{where}: visibility must be 'example' or 'hidden'")
        if not isinstance(item.get("input"), dict):
            problems.append(f"{where}: 'input' must be an object")
        if "expected" not in item:
            problems.append(f"{where}: 'expected' is missing")
        weight = item.get("weight", 1)
        if not isinstance(weight, int) or weight < 1:
            problems.append(f"{where}: 'weight' must be a positive whole number")
        cases.append(
            CaseSpec(
                name=str(name),
                visibility=str(visibility),
                input=item.get("input") if isinstance(item.get("input"), dict) else {},
                expected=item.get("expected"),
                category=str(item.get("category", "")),
                hint=str(item.get("hint", "")),
                weight=weight if isinstance(weight, int) and weight > 0 else 1,
            )
        )
    if cases and not design and not any(case.visibility == "example" for case in cases):
        problems.append("cases.json: at least one case must be a visible example")
    if cases and not design and not any(case.visibility == "hidden" for case in cases):
        problems.append("cases.json: at least one case must be hidden")
    return cases


def _sql_assets(folder: Path, config: dict, problems: list[str]) -> dict[str, str]:
    """The dataset an SQL challenge runs on: its own dataset/ folder, or a shared one by name."""
    for key, kind in (("order_matters", bool), ("check_column_names", bool)):
        if key in config and not isinstance(config[key], kind):
            problems.append(f"{MANIFEST}: [sql] {key} must be true or false")
    tolerance = config.get("float_tolerance", 1e-6)
    if not isinstance(tolerance, (int, float)) or tolerance < 0:
        problems.append(f"{MANIFEST}: [sql] float_tolerance must be a number >= 0")
    source = folder / "dataset"
    if not source.is_dir():
        name = config.get("dataset")
        if not isinstance(name, str) or not SLUG_RE.match(name):
            problems.append(
                f"{MANIFEST}: [sql] dataset must name a shared dataset "
                "(challenges/datasets/<name>) when the package has no dataset/ folder"
            )
            return {}
        source = SHARED_DATASETS / name
        if not source.is_dir():
            problems.append(f"{MANIFEST}: [sql] dataset {name!r}: no folder {source}")
            return {}
    assets = {
        f"dataset/{path.relative_to(source).as_posix()}": _read_text(path, problems)
        for path in sorted(source.rglob("*.sql"))
    }
    if "dataset/schema.sql" not in assets:
        problems.append(f"dataset: schema.sql is missing in {source}")
    return assets


def _case_shape_problems(
    kind: str, config: dict, cases: list[CaseSpec], assets: dict[str, str]
) -> list[str]:
    """Kind-specific shape of case inputs and expected values."""
    problems = []
    for index, case in enumerate(cases, start=1):
        where = f"cases.json: case {index}"
        if kind == "design":
            from challenges.kinds.design import question_problems

            problems += question_problems(index, case.input, case.expected, case.weight)
        elif kind == "sql":
            data = case.input.get("data")
            if not isinstance(data, str) or f"dataset/{data}.sql" not in assets:
                problems.append(
                    f'{where}: input is {{"data": "<name>"}} naming a dataset file '
                    f"(dataset/<name>.sql); got {data!r}"
                )
            expected = case.expected
            if not (
                isinstance(expected, dict)
                and isinstance(expected.get("columns"), list)
                and isinstance(expected.get("rows"), list)
                and all(isinstance(row, list) for row in expected["rows"])
            ):
                problems.append(f'{where}: expected is {{"columns": [...], "rows": [[...], ...]}}')
        elif kind == "api":
            requests = case.input.get("requests")
            if (
                not isinstance(requests, list)
                or not requests
                or not all(isinstance(r, dict) and isinstance(r.get("path"), str) for r in requests)
            ):
                problems.append(f'{where}: input is {{"requests": [{{"method", "path", ...}}]}}')
            elif not (isinstance(case.expected, list) and len(case.expected) == len(requests)):
                problems.append(f"{where}: expected is a list with one response per request")
        elif kind == "python" and config.get("mode") == "program":
            if not isinstance(case.input.get("stdin"), str):
                problems.append(f'{where}: a program\'s input is {{"stdin": "text"}}')
            if not (
                isinstance(case.expected, dict) and isinstance(case.expected.get("stdout"), str)
            ):
                problems.append(f'{where}: a program\'s expected value is {{"stdout": "text"}}')
        elif kind == "python":
            keys = set(case.input)
            if not (keys <= {"args", "kwargs"} or keys == {"ops"}):
                problems.append(
                    f'{where}: input is {{"args": [...], "kwargs": {{...}}}} or {{"ops": [...]}}'
                )
    return problems


def read_package(folder: Path) -> ChallengePackage:
    """Parse `folder`; raises PackageError listing every problem at once."""
    folder = Path(folder)
    problems: list[str] = []
    manifest_text = _read_text(folder / MANIFEST, problems)
    try:
        manifest = tomllib.loads(manifest_text) if manifest_text else {}
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{MANIFEST}: {exc}")
        manifest = {}
    slug = manifest.get("slug", "")
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        problems.append(f"{MANIFEST}: slug must be lowercase words joined by hyphens")
    if slug and folder.name != slug:
        problems.append(f"{MANIFEST}: slug {slug!r} must match the folder name {folder.name!r}")
    title = manifest.get("title", "")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{MANIFEST}: title is required")
    kind = manifest.get("kind")
    if kind not in KINDS:
        problems.append(f"{MANIFEST}: kind must be one of {sorted(KINDS)}")
    difficulty = manifest.get("difficulty")
    if difficulty not in DIFFICULTIES:
        problems.append(f"{MANIFEST}: difficulty must be one of {sorted(DIFFICULTIES)}")
    skills = manifest.get("skills", [])
    if (
        not isinstance(skills, list)
        or not skills
        or not all(isinstance(s, str) and SLUG_RE.match(s) for s in skills)
    ):
        problems.append(f"{MANIFEST}: skills must be a non-empty list of slugs")
        skills = []
    minutes = manifest.get("estimated_minutes", 20)
    if not isinstance(minutes, int) or not 1 <= minutes <= 600:
        problems.append(f"{MANIFEST}: estimated_minutes must be a whole number from 1 to 600")
    hints = manifest.get("hints", [])
    if not isinstance(hints, list) or not all(isinstance(h, str) for h in hints):
        problems.append(f"{MANIFEST}: hints must be a list of strings")
        hints = []
    config = manifest.get(kind, {}) if kind else {}
    if not isinstance(config, dict):
        problems.append(f"{MANIFEST}: [{kind}] must be a table")
        config = {}
    starter, solution = "", ""
    if kind == "python":
        mode = config.get("mode", "function")
        if mode not in ("function", "program"):
            problems.append(f"{MANIFEST}: [python] mode must be 'function' or 'program'")
        entrypoint = config.get("entrypoint")
        if mode == "function" and not (isinstance(entrypoint, str) and entrypoint.isidentifier()):
            problems.append(f"{MANIFEST}: [python] entrypoint must be a Python identifier")
        comparator = config.get("comparator", "text" if mode == "program" else "exact")
        if comparator not in COMPARATORS:
            problems.append(f"{MANIFEST}: [python] comparator must be one of {sorted(COMPARATORS)}")
        for key in ("time_limit_s", "memory_mb"):
            value = config.get(key)
            if value is not None and (not isinstance(value, (int, float)) or value <= 0):
                problems.append(f"{MANIFEST}: [python] {key} must be a positive number")
    if kind == "api":
        entrypoint = config.get("entrypoint", "app")
        if not (isinstance(entrypoint, str) and entrypoint.isidentifier()):
            problems.append(f"{MANIFEST}: [api] entrypoint must be a Python identifier")
        if not isinstance(config.get("factory", False), bool):
            problems.append(f"{MANIFEST}: [api] factory must be true or false")
    assets: dict[str, str] = {}
    if kind == "sql":
        assets = _sql_assets(folder, config, problems)
    mutants: list[Mutant] = []
    if kind in SOURCE_EXTENSION:
        extension = SOURCE_EXTENSION[kind]
        starter = _read_text(folder / f"starter.{extension}", problems)
        solution = _read_text(folder / f"solution.{extension}", problems)
        for path in sorted((folder / "mutants").glob(f"*.{extension}")):
            mutants.append(Mutant(name=path.stem, code=_read_text(path, problems)))
    statement = _read_text(folder / "statement.md", problems)
    editorial = _read_text(folder / "editorial.md", problems, required=False)
    cases: list[CaseSpec] = []
    cases_text = _read_text(folder / "cases.json", problems)
    if cases_text:
        try:
            cases = _cases(json.loads(cases_text), problems, design=kind == "design")
            problems += _case_shape_problems(kind, config, cases, assets)
        except json.JSONDecodeError as exc:
            problems.append(f"cases.json: {exc}")
    if problems:
        raise PackageError(folder, problems)
    package = ChallengePackage(
        path=folder,
        slug=slug,
        title=title.strip(),
        kind=kind,
        difficulty=difficulty,
        skills=tuple(sorted(set(skills))),  # a set: order carries no meaning
        context=str(manifest.get("context", "")),
        estimated_minutes=minutes,
        statement_md=statement,
        starter_code=starter,
        reference_solution=solution,
        config=dict(config),
        hints=tuple(hints),
        editorial_md=editorial,
        cases=tuple(cases),
        mutants=tuple(mutants),
        assets=assets,
    )
    return replace(package, digest=content_digest(package.content()))


def discover(paths: list[Path]) -> list[Path]:
    """Package folders under `paths`: each folder holding a manifest, sorted by name."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if (path / MANIFEST).is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p.parent for p in path.glob(f"*/{MANIFEST}")))
        else:
            raise FileNotFoundError(f"{path}: not a challenge package or a folder of packages")
    return found


def package_from_content(path: Path, content: dict[str, Any]) -> ChallengePackage:
    package = ChallengePackage(
        path=path,
        slug=content["slug"],
        title=content["title"],
        kind=content["kind"],
        difficulty=content["difficulty"],
        skills=tuple(sorted(set(content["skills"]))),
        context=content["context"],
        estimated_minutes=content["estimated_minutes"],
        statement_md=content["statement_md"],
        starter_code=content["starter_code"],
        reference_solution=content["reference_solution"],
        config=content["config"],
        hints=tuple(content["hints"]),
        editorial_md=content["editorial_md"],
        cases=tuple(CaseSpec(**case) for case in content["cases"]),
        mutants=tuple(Mutant(**mutant) for mutant in content["mutants"]),
        assets=dict(content.get("assets", {})),
    )
    return replace(package, digest=content_digest(package.content()))


def write_package(package: ChallengePackage, folder: Path) -> Path:
    """Write `package` as a package folder `folder/<slug>/`; reading it back gives the same."""
    import tomli_w

    target = Path(folder) / package.slug
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty")
    target.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "slug": package.slug,
        "title": package.title,
        "kind": package.kind,
        "difficulty": package.difficulty,
        "skills": list(package.skills),
        "estimated_minutes": package.estimated_minutes,
    }
    if package.context:
        manifest["context"] = package.context
    if package.hints:
        manifest["hints"] = list(package.hints)
    if package.config:
        manifest[package.kind] = package.config
    (target / MANIFEST).write_text(tomli_w.dumps(manifest), encoding="utf-8")
    (target / "statement.md").write_text(package.statement_md, encoding="utf-8")
    if package.editorial_md:
        (target / "editorial.md").write_text(package.editorial_md, encoding="utf-8")
    cases = [
        {
            "name": case.name,
            "visibility": case.visibility,
            "input": case.input,
            "expected": case.expected,
            **({"category": case.category} if case.category else {}),
            **({"hint": case.hint} if case.hint else {}),
            **({"weight": case.weight} if case.weight != 1 else {}),
        }
        for case in package.cases
    ]
    (target / "cases.json").write_text(
        json.dumps({"cases": cases}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for relative, text in package.assets.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    extension = SOURCE_EXTENSION.get(package.kind)
    if extension:
        (target / f"starter.{extension}").write_text(package.starter_code, encoding="utf-8")
        (target / f"solution.{extension}").write_text(package.reference_solution, encoding="utf-8")
        if package.mutants:
            (target / "mutants").mkdir()
            for mutant in package.mutants:
                path = target / "mutants" / f"{mutant.name}.{extension}"
                path.write_text(mutant.code, encoding="utf-8")
    return target


def package_from_submitted(content: dict[str, Any]) -> ChallengePackage:
    """Validate submitted content exactly as a folder on disk would be: write it, read it.

    One code path for every check (loadchallenges, the authoring API, the admin); raises
    PackageError listing every problem.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        draft = package_from_content(Path(tmp), content)
        folder = write_package(draft, Path(tmp))
        package = read_package(folder)
    return replace(package, path=Path(package.slug))
