"""loadchallenges records the statement's and editorial's Markdown warnings on the version."""

import pytest

from challenges.models import Challenge
from challenges.packages import PackageError, read_package
from tests.challenges.test_loadchallenges import PYTHON, copy_of, load


def test_markdown_warnings_are_load_warnings_and_the_package_loads(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    statement = folder / "statement.md"
    statement.write_text(statement.read_text() + "\n<details>\nMore `code` <kbd>Esc\n")
    lines = statement.read_text().count("\n")
    (folder / "editorial.md").write_text("Why:\n\n<iframe src=x></iframe>\n")
    out, err = load(folder)
    expected = [
        f"statement.md: line {lines - 1}: <details> is not allowed; shown as text",
        f"statement.md: line {lines}: <kbd> is not closed; shown as text",
        "editorial.md: line 3: <iframe> is not allowed; shown as text",
        "editorial.md: line 3: </iframe> is not allowed; shown as text",
    ]
    assert err.splitlines() == [f"{folder}: warning:", *[f"  - {w}" for w in expected]]
    assert out.splitlines()[-1] == (
        "1 new or changed, 0 unchanged, 0 invalid, 0 refused, 1 with warnings"
    )
    version = Challenge.objects.get(slug=PYTHON).current_version
    assert version.load_warnings == expected
    assert "<p>&lt;details&gt;\nMore <code>code</code> &lt;kbd&gt;Esc</p>" in (
        version.statement_html
    )
    assert version.editorial_html == ("<p>Why:</p>\n<p>&lt;iframe src=x&gt;&lt;/iframe&gt;</p>")


def test_an_over_long_statement_is_a_problem_not_a_crash(db, tmp_path):
    folder = copy_of(PYTHON, tmp_path)
    (folder / "statement.md").write_text("x" * 200_001)
    with pytest.raises(PackageError) as refused:
        read_package(folder)
    assert refused.value.problems == ["statement.md: at most 200000 characters"]
