"""The kinds registry: every kind answers for itself, and its page pieces exist."""

import pytest
from django.template.loader import get_template

from challenges.kinds import kind_for, kind_names, question_kinds
from challenges.kinds.base import Kind
from challenges.models import Challenge


def test_every_kind_of_the_model_has_a_module_that_names_it():
    assert kind_names() == sorted(Challenge.Kind.values)
    for name in kind_names():
        kind = kind_for(name)
        assert isinstance(kind, Kind)
        assert kind.name == name


def test_only_question_kinds_run_without_code_or_source_files():
    assert question_kinds() == ["design"]
    for name in kind_names():
        kind = kind_for(name)
        assert kind.runs_code is not kind.cases_are_questions
        assert (kind.source_extension is None) is kind.cases_are_questions


@pytest.mark.parametrize("name", [n for n in kind_names() if not kind_for(n).cases_are_questions])
def test_each_kind_with_examples_has_a_template_to_show_one(name):
    get_template(f"frontend/examples/{name}.html")


def test_an_unknown_kind_is_a_key_error():
    with pytest.raises(KeyError):
        kind_for("cobol")
