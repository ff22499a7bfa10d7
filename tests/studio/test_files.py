"""studio.files and studio.queries: files <-> packages, problems by file and line, diffs."""

import pytest

from challenges.kinds import kind_names
from challenges.packages import PackageError
from studio.files import (
    FileProblem,
    FilesRefused,
    case_lines,
    file_of,
    files_problems,
    package_files,
    package_from_files,
    problems_by_file,
    template_files,
)
from studio.queries import files_diff


@pytest.mark.parametrize("kind", kind_names())
def test_every_kind_template_loads_and_round_trips(kind):
    files = template_files(kind, slug="some-slug", title="Some title")
    package = package_from_files(files, slug="some-slug", organisation=None)
    assert package.slug == "some-slug"
    assert package.title == "Some title"
    assert package.kind == kind
    assert package.warnings == ()
    again = package_from_files(package_files(package), slug="some-slug", organisation=None)
    assert again.digest == package.digest


def test_the_manifest_comes_first_then_the_statement():
    files = template_files("python", slug="a", title="A")
    assert list(files)[:3] == ["challenge.toml", "statement.md", "cases.json"]


def test_a_slug_that_does_not_match_is_a_manifest_problem():
    files = template_files("python", slug="other", title="A")
    with pytest.raises(PackageError) as caught:
        package_from_files(files, slug="mine", organisation=None)
    assert caught.value.problems == [
        "challenge.toml: slug 'other' must match the folder name 'mine'"
    ]


def test_files_out_of_bounds_are_refused_before_anything_is_written():
    with pytest.raises(FilesRefused) as caught:
        package_from_files({"../x": "y", "a/b": "c", "a": "d"}, slug="s", organisation=None)
    assert caught.value.problems == [
        "'../x': each part is letters, digits, '.', '_' or '-', not starting with a dot "
        "(so no '..')",
        "'a': is also a folder",
    ]


def test_a_nul_character_is_refused():
    assert files_problems({"statement.md": "a\x00b"}) == ["statement.md: contains a NUL character"]


def test_case_lines_finds_where_each_case_starts():
    text = '{\n "cases": [\n  {"name": "a"},\n\n  {"name": "b",\n   "x": [1, 2]},\n  {}\n ]\n}'
    assert case_lines(text) == [3, 5, 7]
    assert case_lines("not json") == []
    assert case_lines('{"cases": [ {"a": ') == []


@pytest.mark.parametrize(
    ("problem", "path"),
    [
        ("cases.json: case 2: 'weight' must be a whole number", "cases.json"),
        ("mutants/off-by-one.py: not valid UTF-8", "mutants/off-by-one.py"),
        ("challenge.toml: [python] entrypoint is required", "challenge.toml"),
        ("mutants: at most 20", ""),
        ("the starter code passes every case: it must fail", ""),
    ],
)
def test_file_of_names_the_file_a_problem_is_about(problem, path):
    assert file_of(problem) == path


def test_problems_are_grouped_by_file_with_lines():
    files = {"cases.json": '{"cases": [\n {"name": "a"},\n {"name": "b"}\n]}'}
    grouped = problems_by_file(
        [
            "cases.json: case 2: 'input' must be an object",
            "challenge.toml: invalid TOML: Invalid value (at line 3, column 9)",
            "mutants: at most 20",
        ],
        files,
    )
    assert grouped == {
        "cases.json": [FileProblem(line=3, message="case 2: 'input' must be an object")],
        "challenge.toml": [
            FileProblem(line=3, message="invalid TOML: Invalid value (at line 3, column 9)")
        ],
        "": [FileProblem(line=None, message="mutants: at most 20")],
    }


def test_files_diff_lists_changed_added_and_removed_files():
    diffs = files_diff(
        {"a.md": "one\ntwo\n", "gone.py": "x\n", "same.md": "s\n"},
        {"a.md": "one\n2\n", "new.py": "y\n", "same.md": "s\n"},
    )
    assert [(d.path, d.status) for d in diffs] == [
        ("a.md", "changed"),
        ("gone.py", "removed"),
        ("new.py", "added"),
    ]
    assert diffs[0].lines == [
        ("meta", "--- a/a.md"),
        ("meta", "+++ b/a.md"),
        ("meta", "@@ -1,2 +1,2 @@"),
        ("same", " one"),
        ("removed", "-two"),
        ("added", "+2"),
    ]
