"""Design challenges: choices, estimates with tolerance, orderings; free text waits for review."""

from pathlib import Path

import pytest

from challenges import kinds
from challenges.kinds.design import estimate_correct
from challenges.packages import PackageError, read_package
from challenges.services import challenge_import_package
from challenges.validation import validate_version

PACKAGE = Path(__file__).parent / "packages" / "cache-sizing"


@pytest.fixture
def cache_sizing(db):
    return challenge_import_package(package=read_package(PACKAGE)).version


def grade(version, answers):
    return kinds.grade(version=version, answers=answers, cases=version.cases.order_by("ordinal"))


@pytest.mark.parametrize(
    ("answer", "expected", "tolerance", "correct"),
    [
        (450, 400, {"kind": "relative", "value": 0.25}, True),
        (510, 400, {"kind": "relative", "value": 0.25}, False),
        (3000, 1000, {"kind": "order_of_magnitude", "value": 0.5}, True),
        (4000, 1000, {"kind": "order_of_magnitude", "value": 0.5}, False),
        (0, 1000, {"kind": "order_of_magnitude", "value": 1}, False),
        ("400", 400, {"kind": "relative", "value": 0.25}, False),
    ],
)
def test_estimates_within_the_stated_tolerance(answer, expected, tolerance, correct):
    assert estimate_correct(answer, expected, tolerance) is correct


def test_auto_graded_parts_score_at_once_and_text_waits(cache_sizing):
    result = grade(
        cache_sizing,
        {
            "hot-set": 420,
            "eviction": 1,
            "invalidation": [2, 1],
            "layers": [1, 2, 0],
            "stampede": "x",
        },
    )
    assert result.verdict == "pending_review"
    assert result.score == round(5 / 8, 4)
    assert [(row["name"], row["status"], row["earned"]) for row in result.cases] == [
        ("hot-set", "passed", 2),
        ("eviction", "passed", 1),
        ("invalidation", "passed", 1),
        ("layers", "passed", 1),
        ("stampede", "pending_review", None),
    ]


def test_wrong_answers_get_their_hint(cache_sizing):
    result = grade(cache_sizing, {"hot-set": 4000, "eviction": 0})
    rows = {row["name"]: row for row in result.cases}
    assert rows["hot-set"]["status"] == "wrong_answer"
    assert rows["hot-set"]["hint"] == "100,000 pages x 4 KB."
    assert rows["invalidation"]["earned"] == 0  # unanswered
    assert result.score == 0.0


def test_the_package_validates_without_a_sandbox(cache_sizing):
    report = validate_version(cache_sizing)
    assert report.problems == []


def test_malformed_questions_are_reported(tmp_path):
    import shutil

    target = tmp_path / "cache-sizing"
    shutil.copytree(PACKAGE, target)
    text = (target / "cases.json").read_text().replace('"expected": 1,', '"expected": 7,')
    text = text.replace('{"criterion": "early refresh or jittered TTLs", "points": 1}', "")
    text = text.replace('"points": 2},\n', '"points": 2}\n')
    (target / "cases.json").write_text(text)
    with pytest.raises(PackageError) as info:
        read_package(target)
    assert info.value.problems == [
        "cases.json: question 2: the answer must be option index(es) into options",
        "cases.json: question 5: the rubric's points must add up to the weight (3)",
    ]
