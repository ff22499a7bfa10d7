"""Read and validate a challenge package folder (docs/challenge-format.md)."""

from __future__ import annotations

import hashlib
import json
import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from challenges import package_content as limits
from challenges.kinds import kind_for, kind_names
from challenges.provenance import provenance_problems
from challenges.skills import normalised_weights, skill_weight_problems
from markup import render_markdown_checked

MANIFEST = "challenge.toml"
DIFFICULTIES = {"easy", "medium", "hard"}
# Catalogue slugs never contain "_": an organisation's are "<organisation>_<name>", so the two
# can never collide (docs/challenge-format.md).
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ORGANISATION_SEPARATOR = "_"
MAX_SLUG_CHARS = 100
SHARED_DATASETS = Path(__file__).resolve().parent / "datasets"
MAX_CASES_JSON_BYTES = 16 * 1024 * 1024
# Which keys a kind's table may hold is the kind's (`Kind.config_keys`); what each key must be
# is checked here, for every kind alike.
MAX_TIME_LIMIT_S = 600
MAX_MEMORY_MB = 64 * 1024
# Top-level manifest keys every kind knows; the kind's own table ([python], [sql], ...) too.
MANIFEST_KEYS = frozenset(
    {
        "slug",
        "title",
        "kind",
        "difficulty",
        "skills",
        "context",
        "estimated_minutes",
        "hints",
        "tags",
        "source",
    }
)
# Files every package may hold; a kind adds its own (`Kind.package_entries`).
COMMON_ENTRIES = frozenset({MANIFEST, "statement.md", "editorial.md", "cases.json"})


class PackageError(ValueError):
    """A package is invalid; `problems` lists every problem found, each with its file."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


def slug_problem(slug: Any, organisation: str | None = None) -> str | None:
    """Why `slug` can't name a challenge of `organisation` (None: the public catalogue)."""
    if not isinstance(slug, str) or len(slug) > MAX_SLUG_CHARS:
        return f"slug must be text of at most {MAX_SLUG_CHARS} characters"
    if organisation is None:
        if SLUG_RE.match(slug):
            return None
        return "slug must be lowercase words joined by hyphens (no '_': that is for organisations)"
    prefix = organisation + ORGANISATION_SEPARATOR
    if slug.startswith(prefix) and SLUG_RE.match(slug[len(prefix) :]):
        return None
    return (
        f"an organisation's challenge slug is '{prefix}<name>', <name> lowercase words joined "
        f"by hyphens (e.g. '{prefix}order-total'): the catalogue's slugs never contain '_', "
        "so they can never collide with an organisation's"
    )


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
    # Canonical skill -> weight (shares adding up to 1), sorted by slug.
    skills: dict[str, float]
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
    # Free-form topic slugs (what `skills` held before the canonical taxonomy).
    tags: tuple[str, ...] = ()
    # Provenance: the [source] table (url, commit, licence, attribution, changes); {} if none.
    source: dict[str, str] = field(default_factory=dict)
    digest: str = field(default="")
    # What loading ignored (an unknown manifest key, an unknown file): reported, not fatal.
    warnings: tuple[str, ...] = ()

    def content(self) -> dict[str, Any]:
        """Everything that defines the challenge, as plain data (what the digest covers)."""
        return {
            "slug": self.slug,
            "title": self.title,
            "kind": self.kind,
            "difficulty": self.difficulty,
            "skills": dict(self.skills),
            "tags": list(self.tags),
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
            # Only when there is one: packages without provenance keep the digest they had.
            **({"source": dict(sorted(self.source.items()))} if self.source else {}),
        }


def content_digest(content: dict[str, Any]) -> str:
    """sha256 of canonical JSON: the same content gives the same digest however it's laid out."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def read_text(
    path: Path, problems: list[str], *, required: bool = True, max_bytes: int | None = None
) -> str:
    max_bytes = max_bytes or limits.MAX_MARKDOWN_CHARS * 4
    # Never followed or opened: a link out of the package, a device or a pipe (it could be
    # endless: /dev/zero has no size).
    if path.is_symlink():
        problems.append(f"{path.name}: a symbolic link; a package holds plain files only")
        return ""
    if path.exists() and not path.is_file():
        problems.append(f"{path.name}: not a plain file")
        return ""
    try:
        if path.stat().st_size > max_bytes:
            problems.append(f"{path.name}: larger than {max_bytes} bytes")
            return ""
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            problems.append(f"{path.name}: missing")
        return ""
    except UnicodeDecodeError:
        problems.append(f"{path.name}: not valid UTF-8")
        return ""
    if "\x00" in text:
        problems.append(f"{path.name}: contains a NUL character")
        return ""
    return text


def _shown(name: str) -> str:
    return repr(name if len(name) <= 60 else name[:60] + "...")


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _load_json(text: str, problems: list[str], where: str) -> Any:
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        problems.append(f"{where}: nested too deeply")
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, too many digits
        problems.append(f"{where}: {exc}")
    return None


def _text_field(item: dict, key: str, limit: int, where: str, problems: list[str]) -> str:
    value = item.get(key, "")
    if not isinstance(value, str):
        problems.append(f"{where}: '{key}' must be text")
        return ""
    if len(value) > limit:
        problems.append(f"{where}: '{key}' is at most {limit} characters")
    return value


def _cases(raw: Any, problems: list[str], *, questions: bool = False) -> list[CaseSpec]:
    """The cases; `questions`: a kind whose cases are questions, answer key included (never
    examples, and no example/hidden mix required)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("cases"), list):
        problems.append('cases.json: must be an object with a "cases" list')
        return []
    if len(raw["cases"]) > limits.MAX_CASES:
        problems.append(f"cases.json: at most {limits.MAX_CASES} cases")
        return []
    cases = []
    names = set()
    for index, item in enumerate(raw["cases"], start=1):
        where = f"cases.json: case {index}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object")
            continue
        name = _text_field(item, "name", 120, where, problems) or f"case {index}"
        if name in names:
            problems.append(f"{where}: duplicate name {name!r}")
        names.add(name)
        visibility = item.get("visibility", "hidden")
        if visibility not in ("example", "hidden"):
            problems.append(f"{where}: visibility must be 'example' or 'hidden'")
            visibility = "hidden"
        elif questions and visibility == "example":
            problems.append(
                f"{where}: a design question can't be an example: its answer key would be shown"
            )
        if not isinstance(item.get("input"), dict):
            problems.append(f"{where}: 'input' must be an object")
        if "expected" not in item:
            problems.append(f"{where}: 'expected' is missing")
        for key in ("input", "expected"):
            problems += [f"{where}: {key}: {p}" for p in limits.json_problems(item.get(key))]
        if visibility == "hidden":
            for key, why in (("category", "shown with it"), ("hint", "shown when it fails")):
                value = item.get(key, "")
                if isinstance(value, str) and not value.strip():  # not text: reported below
                    problems.append(
                        f"{where} ({_shown(name)}): a hidden case needs a '{key}' ({why})"
                    )
        weight = item.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int) or not 1 <= weight <= 1000:
            problems.append(f"{where}: 'weight' must be a whole number from 1 to 1000")
            weight = 1
        cases.append(
            CaseSpec(
                name=name,
                visibility=visibility,
                input=item.get("input") if isinstance(item.get("input"), dict) else {},
                expected=item.get("expected"),
                category=_text_field(item, "category", 80, where, problems),
                hint=_text_field(item, "hint", 300, where, problems),
                weight=weight,
            )
        )
    if cases and not questions and not any(case.visibility == "example" for case in cases):
        problems.append("cases.json: at least one case must be a visible example")
    if cases and not questions and not any(case.visibility == "hidden" for case in cases):
        problems.append("cases.json: at least one case must be hidden")
    return cases


def dataset_reference_ok(value: Any) -> bool:
    """A shared dataset's name, or a relative folder path ("../datasets/clinic"): where it
    resolves is checked when the dataset is read (inside the load root or challenges/datasets)."""
    if not isinstance(value, str) or not value or len(value) > 200:
        return False
    if SLUG_RE.match(value):
        return True
    segments = value.split("/")
    return not value.startswith("/") and all(
        segment == ".." or limits.SAFE_SEGMENT_RE.match(segment) for segment in segments
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def kind_config_problems(kind: str, config: dict) -> list[str]:
    """Each key of the kind's table is known and of the right type and range."""
    problems = []
    where = f"{MANIFEST}: [{kind}]"
    keys = kind_for(kind).config_keys
    unknown = sorted(set(config) - keys)
    if unknown:
        known = ", ".join(sorted(keys)) or "none"
        problems.append(f"{where} unknown keys {unknown} (known: {known})")
    for key in ("order_matters", "check_column_names", "factory"):
        if key in config and not isinstance(config[key], bool):
            problems.append(f"{where} {key} must be true or false")
    time_limit = config.get("time_limit_s", 1)
    if not _is_number(time_limit) or not 0 < time_limit <= MAX_TIME_LIMIT_S:
        problems.append(
            f"{where} time_limit_s must be a number of seconds, 0 to {MAX_TIME_LIMIT_S}"
        )
    memory = config.get("memory_mb", 1)
    if isinstance(memory, bool) or not isinstance(memory, int) or not 0 < memory <= MAX_MEMORY_MB:
        problems.append(f"{where} memory_mb must be a whole number, 1 to {MAX_MEMORY_MB}")
    tolerance = config.get("float_tolerance", 1e-6)
    if not _is_number(tolerance) or not 0 <= tolerance <= 1:
        problems.append(f"{where} float_tolerance must be a number from 0 to 1")
    options = config.get("comparator_options", {})
    if not isinstance(options, dict) or not set(options) <= {"rel_tol", "abs_tol"}:
        problems.append(f"{where} comparator_options may set rel_tol and abs_tol only")
    elif not all(_is_number(v) and 0 <= v <= 1e6 for v in options.values()):
        problems.append(f"{where} comparator_options are numbers from 0 to 1e6")
    mark = config.get("pass_mark", 0.7)
    if not _is_number(mark) or not 0 < mark <= 1:
        problems.append(f"{where} pass_mark must be a share of the points, above 0 and at most 1")
    if "dataset" in config and not dataset_reference_ok(config["dataset"]):
        problems.append(
            f"{where} dataset must name a shared dataset (a slug) or be a relative path "
            "to a dataset folder ('/' between folders, at most 200 characters)"
        )
    return problems


def _case_shape_problems(
    kind: str, config: dict, cases: list[CaseSpec], assets: dict[str, str]
) -> list[str]:
    """Kind-specific shape of case inputs and expected values."""
    checker = kind_for(kind)
    problems = []
    for index, case in enumerate(cases, start=1):
        try:
            problems += checker.case_problems(index, case, config, assets)
        except (AttributeError, TypeError, ValueError, KeyError, OverflowError):
            # A kind's checker assumes a sane shape in places; a hostile one is a problem too.
            problems.append(f"cases.json: case {index}: malformed (see the docs for the kind)")
    return problems


def _manifest_problems(manifest: dict, kind: Any) -> list[str]:
    """The manifest's own fields (the slug is checked by the caller)."""
    problems = []
    title = manifest.get("title", "")
    if not isinstance(title, str) or not title.strip() or len(title) > 200:
        problems.append(f"{MANIFEST}: title is required, at most 200 characters")
    if kind not in kind_names():
        problems.append(f"{MANIFEST}: kind must be one of {kind_names()}")
    if manifest.get("difficulty") not in DIFFICULTIES:
        problems.append(f"{MANIFEST}: difficulty must be one of {sorted(DIFFICULTIES)}")
    problems += [f"{MANIFEST}: {found}" for found in skill_weight_problems(manifest.get("skills"))]
    tags = manifest.get("tags", [])
    if (
        not isinstance(tags, list)
        or len(tags) > limits.MAX_TAGS
        or not all(isinstance(t, str) and len(t) <= 64 and SLUG_RE.match(t) for t in tags)
    ):
        problems.append(
            f"{MANIFEST}: tags must be a list of at most {limits.MAX_TAGS} slugs "
            "(each at most 64 characters)"
        )
    context = manifest.get("context", "")
    if not isinstance(context, str) or len(context) > 32:
        problems.append(f"{MANIFEST}: context must be text of at most 32 characters")
    minutes = manifest.get("estimated_minutes", 20)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= 600:
        problems.append(f"{MANIFEST}: estimated_minutes must be a whole number from 1 to 600")
    hints = manifest.get("hints", [])
    if (
        not isinstance(hints, list)
        or len(hints) > limits.MAX_HINTS
        or not all(isinstance(h, str) and len(h) <= limits.MAX_HINT_CHARS for h in hints)
    ):
        problems.append(
            f"{MANIFEST}: hints must be a list of at most {limits.MAX_HINTS} texts "
            f"(each at most {limits.MAX_HINT_CHARS} characters)"
        )
    return problems


def _source(path: Path, problems: list[str]) -> str:
    text = read_text(path, problems, max_bytes=limits.max_source_bytes())
    problems += [f"{path.name}: {p}" for p in limits.source_problems(text)]
    return text


def _manifest_warnings(manifest: dict, kind: str | None) -> list[str]:
    """Top-level keys nothing reads: each is a warning naming it (loading goes on)."""
    warnings = []
    for key in manifest:
        if key in MANIFEST_KEYS or key == kind:
            continue
        if key in kind_names():
            warnings.append(f"{MANIFEST}: [{key}] is not read by a {kind} challenge; ignored")
        else:
            warnings.append(f"{MANIFEST}: unknown key {_shown(key)}; ignored")
    return warnings


def _markdown_warnings(name: str, text: str, problems: list[str]) -> list[str]:
    """What the author should fix in a Markdown file (raw HTML shown as text, deep nesting)."""
    if len(text) > limits.MAX_MARKDOWN_CHARS:
        problems.append(f"{name}: at most {limits.MAX_MARKDOWN_CHARS} characters")
        return []
    if not text:
        return []
    return [f"{name}: {warning}" for warning in render_markdown_checked(text).warnings]


def _entry_findings(folder: Path, kind: str, problems: list[str], warnings: list[str]) -> None:
    """Files and folders of the package the kind doesn't read are warnings; a symbolic link, or a
    mutant that isn't a source file of the kind, is a problem."""
    checker = kind_for(kind)
    entries = COMMON_ENTRIES | checker.package_entries()
    ignored = []
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            problems.append(f"{path.name}: a symbolic link; a package holds plain files only")
        elif path.name not in entries:
            ignored.append(path.name + ("/" if path.is_dir() else ""))
    warnings += [f"{name}: not part of a {kind} package; ignored" for name in ignored[:20]]
    if len(ignored) > 20:
        warnings.append(f"... and {len(ignored) - 20} more files or folders ignored")
    mutants = folder / "mutants"
    extension = checker.source_extension
    if not extension or mutants.is_symlink() or not mutants.is_dir():
        return
    wrong = [
        path.name
        for path in sorted(mutants.iterdir())
        if path.is_symlink() or not path.is_file() or path.suffix != f".{extension}"
    ]
    problems += [
        f"mutants/{name}: a mutant of a {kind} challenge is a plain .{extension} file"
        for name in wrong[:20]
    ]


def read_package(
    folder: Path, *, organisation: str | None = None, root: Path | None = None
) -> ChallengePackage:
    """Parse `folder`; raises PackageError listing every problem at once.

    `organisation` is the owner's slug for an organisation's private challenge (its slug is then
    `<organisation>_<name>`); None for the public catalogue. `root` is the folder the load was
    asked for (default: `folder`): a dataset given as a relative path must stay inside it (or
    in challenges/datasets). What loading ignores is kept in the package's `warnings`.
    """
    folder = Path(folder)
    root = Path(root) if root is not None else folder
    problems: list[str] = []
    warnings: list[str] = []
    manifest_text = read_text(folder / MANIFEST, problems)
    if problems:
        raise PackageError(folder, problems)
    try:
        manifest = tomllib.loads(manifest_text)
    except tomllib.TOMLDecodeError as exc:
        # Nothing else can be checked without the manifest: one problem, with line and column.
        raise PackageError(folder, [f"{MANIFEST}: invalid TOML: {exc}"]) from None
    slug = manifest.get("slug", "")
    problem = slug_problem(slug, organisation)
    if problem:
        problems.append(f"{MANIFEST}: {problem}")
    if isinstance(slug, str) and slug and folder.name != slug:
        problems.append(f"{MANIFEST}: slug {slug!r} must match the folder name {folder.name!r}")
    kind = manifest.get("kind")
    kind = kind if isinstance(kind, str) else None
    problems += _manifest_problems(manifest, kind)
    source = manifest.get("source", {})
    problems += [f"{MANIFEST}: {p}" for p in provenance_problems(source)]
    known = kind in kind_names()
    warnings += _manifest_warnings(manifest, kind if known else None)
    config = manifest.get(kind, {}) if known else {}
    if not isinstance(config, dict):
        problems.append(f"{MANIFEST}: [{kind}] must be a table")
        config = {}
    problems += [f"{MANIFEST}: [{kind}] {p}" for p in limits.config_problems(config)]
    assets: dict[str, str] = {}
    starter, solution = "", ""
    mutants: list[Mutant] = []
    if known:
        checker = kind_for(kind)
        _entry_findings(folder, kind, problems, warnings)
        problems += kind_config_problems(kind, config)
        problems += checker.config_problems(config)
        assets = checker.package_assets(folder, config, problems, root=root, warnings=warnings)
        extension = checker.source_extension
        if extension:
            starter = _source(folder / f"starter.{extension}", problems)
            solution = _source(folder / f"solution.{extension}", problems)
            mutants_dir = folder / "mutants"
            paths = (
                sorted(
                    path
                    for path in mutants_dir.glob(f"*.{extension}")
                    if path.is_file() and not path.is_symlink()
                )
                if mutants_dir.is_dir() and not mutants_dir.is_symlink()
                else []
            )
            if len(paths) > limits.MAX_MUTANTS:
                problems.append(f"mutants: at most {limits.MAX_MUTANTS}")
                paths = []
            for path in paths:
                mutants.append(Mutant(name=path.stem, code=_source(path, problems)))
    statement = read_text(folder / "statement.md", problems)
    editorial = read_text(folder / "editorial.md", problems, required=False)
    warnings += _markdown_warnings("statement.md", statement, problems)
    warnings += _markdown_warnings("editorial.md", editorial, problems)
    cases: list[CaseSpec] = []
    cases_text = read_text(folder / "cases.json", problems, max_bytes=MAX_CASES_JSON_BYTES)
    if cases_text:
        raw = _load_json(cases_text, problems, "cases.json")
        if raw is not None:
            questions = known and kind_for(kind).cases_are_questions
            cases = _cases(raw, problems, questions=questions)
            if known:
                problems += _case_shape_problems(kind, config, cases, assets)
    if problems:
        # A file can be refused twice (as the package's entry and when read): once is enough.
        raise PackageError(folder, list(dict.fromkeys(problems)))
    package = ChallengePackage(
        path=folder,
        slug=slug,
        title=manifest["title"].strip(),
        kind=kind,
        difficulty=manifest["difficulty"],
        skills=normalised_weights(manifest["skills"]),
        tags=tuple(sorted(set(manifest.get("tags", [])))),  # a set: order carries no meaning
        context=manifest.get("context", ""),
        estimated_minutes=manifest.get("estimated_minutes", 20),
        statement_md=statement,
        starter_code=starter,
        reference_solution=solution,
        config=dict(config),
        hints=tuple(manifest.get("hints", [])),
        editorial_md=editorial,
        cases=tuple(cases),
        mutants=tuple(mutants),
        assets=assets,
        source=dict(source),
        warnings=tuple(warnings),
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


def package_from_content(path: Path, content: Any) -> ChallengePackage:
    """A package from plain data (ChallengePackage.content()'s shape); raises PackageError,
    before anything is built, when a field has the wrong type, size or nesting."""
    problems = limits.flat_problems(limits.content_problems(content))
    if problems:
        raise PackageError(Path(path), problems)
    package = ChallengePackage(
        path=path,
        slug=content["slug"],
        title=content["title"],
        kind=content["kind"],
        difficulty=content["difficulty"],
        skills=normalised_weights(content["skills"]),
        tags=tuple(sorted(set(content.get("tags", [])))),
        context=content.get("context", ""),
        estimated_minutes=content["estimated_minutes"],
        statement_md=content["statement_md"],
        starter_code=content.get("starter_code", ""),
        reference_solution=content.get("reference_solution", ""),
        config=content.get("config", {}),
        hints=tuple(content.get("hints", [])),
        editorial_md=content.get("editorial_md", ""),
        cases=tuple(
            CaseSpec(
                name=case.get("name", ""),
                visibility=case.get("visibility", "hidden"),
                input=case["input"],
                expected=case["expected"],
                category=case.get("category", ""),
                hint=case.get("hint", ""),
                weight=case.get("weight", 1),
            )
            for case in content["cases"]
        ),
        mutants=tuple(Mutant(**mutant) for mutant in content.get("mutants", [])),
        assets=dict(content.get("assets", {})),
        source=dict(content.get("source") or {}),
    )
    return replace(package, digest=content_digest(package.content()))


def _inside(root: Path, relative: str) -> Path:
    """`root / relative`, refused unless it stays inside `root` (whatever the name holds)."""
    path = (root / relative).resolve()
    if not path.is_relative_to(root.resolve()) or path == root.resolve():
        raise PackageError(root, [f"{relative!r}: a file must stay inside the package folder"])
    return path


def write_package(package: ChallengePackage, folder: Path) -> Path:
    """Write `package` as a package folder `folder/<slug>/`; reading it back gives the same.

    Every path is checked to stay inside that folder, whatever the package says (the names were
    validated before, this is the second line of defence).
    """
    import tomli_w

    target = _inside(Path(folder), package.slug)
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty")
    target.mkdir(parents=True, exist_ok=True)

    def write(relative: str, text: str) -> None:
        path = _inside(target, relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    manifest: dict[str, Any] = {
        "slug": package.slug,
        "title": package.title,
        "kind": package.kind,
        "difficulty": package.difficulty,
        "skills": dict(package.skills),
        "estimated_minutes": package.estimated_minutes,
    }
    if package.tags:
        manifest["tags"] = list(package.tags)
    if package.context:
        manifest["context"] = package.context
    if package.hints:
        manifest["hints"] = list(package.hints)
    if package.source:
        manifest["source"] = package.source
    if package.config:
        manifest[package.kind] = package.config
    write(MANIFEST, tomli_w.dumps(manifest))
    write("statement.md", package.statement_md)
    if package.editorial_md:
        write("editorial.md", package.editorial_md)
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
    write("cases.json", json.dumps({"cases": cases}, indent=1, ensure_ascii=False) + "\n")
    for relative, text in package.assets.items():
        write(relative, text)
    extension = kind_for(package.kind).source_extension
    if extension:
        write(f"starter.{extension}", package.starter_code)
        write(f"solution.{extension}", package.reference_solution)
        for mutant in package.mutants:
            write(f"mutants/{mutant.name}.{extension}", mutant.code)
    return target


def package_from_submitted(
    content: dict[str, Any], *, organisation: str | None = None
) -> ChallengePackage:
    """Validate submitted content exactly as a folder on disk would be: write it, read it.

    One code path for every check (loadchallenges, the authoring API, the admin); raises
    PackageError listing every problem. The content is checked as data first, and only then
    written, into a temporary folder this function owns and removes.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="package-") as tmp:
        draft = package_from_content(Path(tmp), content)
        folder = write_package(draft, Path(tmp))
        package = read_package(folder, organisation=organisation)
    return replace(package, path=Path(package.slug))
