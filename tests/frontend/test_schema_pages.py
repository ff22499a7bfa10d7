"""The challenge page of every schema challenge in the catalogue: the example's steps in order,
what each must do, the expected tables, and nothing of the hidden cases."""

import html
import json
import re

import pytest
from django.template.loader import get_template

from challenges.packages import discover, read_package
from challenges.services import challenge_import_package
from tests.conftest import CATALOGUE

SCHEMA_PACKAGES = [
    folder for folder in discover([CATALOGUE]) if read_package(folder).kind == "schema"
]


def test_the_catalogue_has_six_schema_challenges_of_every_difficulty():
    packages = [read_package(folder) for folder in SCHEMA_PACKAGES]
    assert len(packages) >= 6
    assert {package.difficulty for package in packages} == {"easy", "medium", "hard"}


@pytest.mark.parametrize("folder", SCHEMA_PACKAGES, ids=[f.name for f in SCHEMA_PACKAGES])
def test_the_example_shows_its_steps_and_the_hidden_cases_stay_hidden(client, ada, folder):
    challenge_import_package(package=read_package(folder))
    page = html.unescape(client.get(f"/challenges/{folder.name}/").content.decode())
    assert 'data-kind="schema"' in page
    assert "Your schema (SQL DDL, SQLite dialect)" in page
    cases = json.loads((folder / "cases.json").read_text())["cases"]
    for case in cases:
        steps = case["input"]["steps"]
        if case.get("visibility") == "example":
            for step in steps:
                assert step.get("accept", step.get("reject", step.get("query"))) in page
            shown = len(re.findall(r'<li class="schema-step">', page))
            assert shown >= len(steps)
        else:
            assert case["name"] not in page


def test_the_rules_above_the_examples_render():
    text = get_template("frontend/kinds/schema/extras.html").render({})
    assert "with foreign keys enforced, once per case" in text
