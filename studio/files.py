"""A package as the files an author edits (path -> text), loaded through challenges.packages."""

from __future__ import annotations

import json
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from challenges import package_content as limits
from challenges.kinds import kind_for
from challenges.models import ChallengeVersion
from challenges.packages import (
    MANIFEST,
    MAX_CASES_JSON_BYTES,
    ChallengePackage,
    PackageError,
    read_package,
    write_package,
)
from challenges.queries import package_for_version

MAX_FILES = 120
MAX_FILE_BYTES = MAX_CASES_JSON_BYTES
MAX_TOTAL_BYTES = 24 * 1024 * 1024
MAX_PATH_SEGMENTS = 1 + limits.MAX_ASSET_SEGMENTS
CASES = "cases.json"
# Where each file is shown in the editor, in this order; anything else comes last.
ORDER = (MANIFEST, "statement.md", "editorial.md", CASES)


class FilesRefused(ValueError):
    """The files can't be a package folder (a path, a size, a count): nothing was loaded."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class FileProblem:
    line: int | None
    message: str


def file_order(path: str) -> tuple[int, str]:
    return (ORDER.index(path) if path in ORDER else len(ORDER), path)


def path_problem(path: str, *, max_segments: int = MAX_PATH_SEGMENTS) -> str | None:
    """Why `path` can't be a file of a package folder, or None: relative, safe segments."""
    if not isinstance(path, str) or not path:
        return "a file needs a name"
    shown = repr(path[:80])
    if "\\" in path or path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return f"{shown}: a relative path with '/' between folders"
    segments = path.split("/")
    if len(segments) > max_segments:
        return f"{shown}: at most {max_segments} levels of folders"
    if not all(limits.SAFE_SEGMENT_RE.match(segment) for segment in segments):
        return (
            f"{shown}: each part is letters, digits, '.', '_' or '-', not starting with a dot "
            "(so no '..')"
        )
    return None


def files_problems(files: dict[str, str]) -> list[str]:
    """What keeps `files` from being written as a package folder (checked before any write)."""
    if len(files) > MAX_FILES:
        return [f"at most {MAX_FILES} files (got {len(files)})"]
    problems = []
    total = 0
    folded: set[str] = set()
    for path, text in files.items():
        problem = path_problem(path)
        if problem:
            problems.append(problem)
            continue
        if path.lower() in folded:
            problems.append(f"{path!r}: differs from another file only in letter case")
        folded.add(path.lower())
        if "\x00" in text:
            problems.append(f"{path}: contains a NUL character")
        size = len(text.encode("utf-8", "surrogatepass"))
        total += size
        if size > MAX_FILE_BYTES:
            problems.append(f"{path}: {size} bytes; a file is at most {MAX_FILE_BYTES}")
    if total > MAX_TOTAL_BYTES:
        problems.append(f"{total} bytes in all; a package is at most {MAX_TOTAL_BYTES}")
    # A file and a folder of the same name can't both exist.
    folders = {"/".join(p.split("/")[:i]) for p in files for i in range(1, p.count("/") + 1)}
    problems += [f"{path!r}: is also a folder" for path in sorted(folders & set(files))]
    return problems


def _read_folder(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def package_files(package: ChallengePackage) -> dict[str, str]:
    """The files of `package`'s folder, as written for loadchallenges (and read back the same)."""
    with tempfile.TemporaryDirectory(prefix="studio-") as tmp:
        folder = write_package(package, Path(tmp))
        files = _read_folder(folder)
    return dict(sorted(files.items(), key=lambda item: file_order(item[0])))


def version_files(version: ChallengeVersion) -> dict[str, str]:
    """A stored version as its package's files (hidden cases, solution and mutants included)."""
    return package_files(package_for_version(version))


def package_from_files(
    files: dict[str, str], *, slug: str, organisation: str | None
) -> ChallengePackage:
    """Load `files` as the package folder `<slug>/` exactly as loadchallenges would; raises
    FilesRefused (paths, sizes) or PackageError (content, each problem naming its file)."""
    problems = files_problems(files)
    if problems:
        raise FilesRefused(problems)
    with tempfile.TemporaryDirectory(prefix="studio-") as tmp:
        folder = Path(tmp) / slug
        folder.mkdir()
        root = folder.resolve()
        for relative, text in files.items():
            path = (folder / relative).resolve()
            if not path.is_relative_to(root) or path == root:  # second line of defence
                raise FilesRefused([f"{relative!r}: a file must stay inside the package"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
        package = read_package(folder, organisation=organisation)
    return package


def template_files(kind: str, *, slug: str, title: str) -> dict[str, str]:
    """The kind's template package as files, renamed to `slug` and titled `title`."""
    files = _read_folder(kind_for(kind).template_folder)
    manifest = tomllib.loads(files[MANIFEST])
    manifest["slug"] = slug
    manifest["title"] = title
    files[MANIFEST] = tomli_w.dumps(manifest)
    return dict(sorted(files.items(), key=lambda item: file_order(item[0])))


def file_of(problem: str) -> str:
    """The file a loading problem names ('cases.json: case 2: ...'), or '' for the package."""
    head = problem.split(":", 1)[0].strip()
    return head if "." in head and " " not in head else ""


def case_lines(text: str) -> list[int]:
    """The line each case of a cases.json text starts on (empty if it doesn't parse)."""
    decoder = json.JSONDecoder()
    match = re.search(r'"cases"\s*:\s*\[', text)
    if not match:
        return []
    lines = []
    position = match.end()
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        try:
            _, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError):
            return lines
        lines.append(text.count("\n", 0, position) + 1)
        position = end


LINE_RE = re.compile(r"line (\d+)")
CASE_RE = re.compile(r"^cases\.json: case (\d+)\b")


def problems_by_file(problems: list[str], files: dict[str, str]) -> dict[str, list[FileProblem]]:
    """Loading problems grouped by the file they name, each with its line where known."""
    starts = case_lines(files.get(CASES, ""))
    grouped: dict[str, list[FileProblem]] = {}
    for problem in problems:
        path = file_of(problem)
        line = None
        case = CASE_RE.match(problem)
        if case and 0 < int(case.group(1)) <= len(starts):
            line = starts[int(case.group(1)) - 1]
        elif path and LINE_RE.search(problem):
            line = int(LINE_RE.search(problem).group(1))
        message = problem[len(path) + 1 :].strip() if path else problem
        grouped.setdefault(path, []).append(FileProblem(line=line, message=message))
    return grouped


def loading_problems(exc: PackageError | FilesRefused) -> list[str]:
    return list(exc.problems)
