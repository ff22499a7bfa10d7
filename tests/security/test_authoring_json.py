"""Attack: hostile JSON in a package (nulls TOML can't write, wrong types, huge integers, deep
nesting, NUL characters, lone surrogates) answers 400 naming the field, never 500."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from challenges.models import Challenge
from challenges.packages import read_package

CATALOGUE = Path(settings.BASE_DIR) / "challenges" / "catalogue"


def package(name: str = "order-total") -> dict:
    return {**read_package(CATALOGUE / name).content(), "slug": f"acme_{name}"}


def post(client: APIClient, content: dict):
    return client.post(
        "/api/authoring/challenges/", {"organisation": "acme", "package": content}, format="json"
    )


def nested(depth: int):
    value = 1
    for _ in range(depth):
        value = {"k": value}
    return value


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"config": {"entrypoint": "order_total", "mode": None}},
            {"config": ["null has no TOML form: leave the key out instead"]},
        ),
        (
            {"config": {"entrypoint": "order_total", "comparator_options": {"rel_tol": None}}},
            {"config": ["null has no TOML form: leave the key out instead"]},
        ),
        (
            {"config": {"entrypoint": "order_total", "time_limit_s": 10**30}},
            {"config": ["integers are 64-bit at most"]},
        ),
        (
            {"config": {"entrypoint": "order_total", "x": nested(10)}},
            {"config": ["nested deeper than 4 levels"]},
        ),
        ({"statement_md": "a\x00b"}, {"statement_md": ["Null characters are not allowed."]}),
        ({"cases": "all of them"}, {"cases": ['Expected a list of items but got type "str".']}),
        ({"cases": [5]}, {"cases": {"0": ['Expected a dictionary of items but got type "int".']}}),
        ({"cases": [{"input": {}}]}, {"cases": ["case 1: 'expected' is missing"]}),
        (
            {"cases": [{"input": {}, "expected": 1, "weight": "heavy"}]},
            {"cases": ["case 1: 'weight' must be a whole number"]},
        ),
        (
            {"cases": [{"input": {}, "expected": 1, "hint": ["x"]}]},
            {"cases": ["case 1: 'hint' must be text"]},
        ),
        (
            {"cases": [{"input": {"args": ["\x00"]}, "expected": 1}]},
            {"cases": ["case 1: input: a text value contains a NUL character"]},
        ),
        ({"hints": [{"a": 1}]}, {"hints": {"0": ["Not a valid string."]}}),
        (
            {"skills": {"algorithms": None}},
            {"skills": {"algorithms": ["This field may not be null."]}},
        ),
        ({"tags": [None]}, {"tags": {"0": ["This field may not be null."]}}),
        ({"assets": None}, {"assets": ["This field may not be null."]}),
        (
            {"mutants": {"a": 1}},
            {"mutants": {"non_field_errors": ['Expected a list of items but got type "dict".']}},
        ),
    ],
)
def test_hostile_fields_answer_400_naming_the_field(author, change, errors):
    response = post(author, {**package(), **change})
    assert response.status_code == 400, response.content
    assert response.json() == {"package": errors}
    assert not Challenge.objects.exists()


@pytest.mark.parametrize(
    ("cases", "problem"),
    [
        (
            [{"input": {"args": [], "kwargs": []}, "expected": 1, "visibility": "example"}],
            "cases.json: case 1: input is",
        ),
        (
            [{"input": {"stdin": 5}, "expected": 1, "visibility": "example"}],
            "cases.json: case 1: input is",
        ),
        (
            [{"input": nested(60), "expected": 1, "visibility": "example"}],
            "cases.json: case 1: input is",
        ),
        (
            [{"input": {}, "expected": 1, "weight": 10**12}],
            "cases.json: case 1: 'weight' must be a whole number from 1 to 1000",
        ),
    ],
)
def test_case_shapes_are_problems_of_the_package(author, cases, problem):
    response = post(author, {**package(), "cases": cases})
    assert response.status_code == 400, response.content
    assert any(p.startswith(problem) for p in response.json()["package"]), response.json()


def test_lone_surrogates_are_refused(author):
    content = json.dumps({"organisation": "acme", "package": package()})
    body = content.replace('"statement_md": "', '"statement_md": "\\ud800', 1)
    response = author.post("/api/authoring/challenges/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "package": {"statement_md": ["Surrogate characters are not allowed: U+D800."]}
    }
    body = content.replace('"args": [', '"args": ["\\udfff", ', 1)
    response = author.post("/api/authoring/challenges/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "package": {
            "cases": ["case 1: input: a text value is not valid Unicode text (a lone surrogate)"]
        }
    }


def test_huge_integers_and_deep_bodies_are_refused_by_the_parser(author):
    body = '{"organisation": "acme", "package": {"cases": [' + "1" * 5000 + "]}}"
    response = author.post("/api/authoring/challenges/", body, content_type="application/json")
    assert response.status_code == 400
    deep = '{"package": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = author.post("/api/authoring/challenges/", deep, content_type="application/json")
    assert response.status_code == 400


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = [
    "slug",
    "title",
    "kind",
    "difficulty",
    "skills",
    "tags",
    "context",
    "estimated_minutes",
    "statement_md",
    "starter_code",
    "reference_solution",
    "config",
    "hints",
    "editorial_md",
    "cases",
    "mutants",
    "assets",
]
CASE_FIELDS = ["name", "visibility", "input", "expected", "category", "hint", "weight"]
BASES = {
    kind: package(name)
    for kind, name in [
        ("python", "order-total"),
        ("sql", "customers-who-never-bought"),
        ("api", "catalogue-problem-details"),
        ("design", "catalogue-cache-design"),
    ]
}


@st.composite
def hostile_packages(draw):
    content = dict(draw(st.sampled_from(sorted(BASES.items())))[1])
    for field in draw(st.lists(st.sampled_from(FIELDS), max_size=3)):
        content[field] = draw(json_values)
    if isinstance(content.get("cases"), list) and content["cases"] and draw(st.booleans()):
        cases = [dict(c) if isinstance(c, dict) else c for c in content["cases"]]
        index = draw(st.integers(0, len(cases) - 1))
        if isinstance(cases[index], dict):
            cases[index][draw(st.sampled_from(CASE_FIELDS))] = draw(json_values)
        content["cases"] = cases
    if isinstance(content.get("config"), dict) and draw(st.booleans()):
        content["config"] = {**content["config"], draw(st.text(max_size=20)): draw(json_values)}
    return content


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    content=hostile_packages(),
    body_extra=st.dictionaries(st.text(max_size=5), json_values, max_size=2),
)
def test_post_and_put_never_answer_500(author, content, body_extra):
    response = author.post(
        "/api/authoring/challenges/",
        {**body_extra, "organisation": "acme", "package": content},
        format="json",
    )
    assert response.status_code < 500, response.content
    created = Challenge.objects.filter(organisation__slug="acme").first()
    if created is not None:
        response = author.put(
            f"/api/authoring/challenges/{created.slug}/",
            {**body_extra, "package": {**content, "slug": created.slug}},
            format="json",
        )
        assert response.status_code < 500, response.content


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=json_values)
def test_any_json_body_answers_below_500(author, body):
    response = author.post("/api/authoring/challenges/", body, format="json")
    assert response.status_code < 500, response.content
