"""The kinds registry: the CHALLENGE_KINDS setting, every kind answers for itself, and the page
templates it declares exist."""

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import get_template
from django.test import override_settings

from challenges.kinds import is_kind_name, kind_choices, kind_for, kind_names, question_kinds
from challenges.kinds.base import TEMPLATE_PARTS, Kind
from challenges.models import Challenge


def test_the_setting_names_the_built_in_kinds_each_in_its_module():
    assert kind_names() == ["api", "design", "python", "schema", "sql"]
    for name in kind_names():
        kind = kind_for(name)
        assert isinstance(kind, Kind)
        assert kind.name == name
        assert settings.CHALLENGE_KINDS[name] == f"challenges.kinds.{name}"
    assert kind_choices() == [
        ("python", "Python"),
        ("api", "API design"),
        ("sql", "SQL"),
        ("schema", "Data modelling"),
        ("design", "System design"),
    ]


def test_the_registry_is_read_at_each_call():
    with override_settings(CHALLENGE_KINDS={"sql": "challenges.kinds.sql"}):
        assert kind_names() == ["sql"]
        assert not is_kind_name("python")
        with pytest.raises(KeyError):
            kind_for("python")
    assert is_kind_name("python")


def test_a_module_registered_under_another_name_is_refused():
    with (
        override_settings(CHALLENGE_KINDS={"pyth0n": "challenges.kinds.python"}),
        pytest.raises(KeyError, match="defines the kind 'python'"),
    ):
        kind_for("pyth0n")


@pytest.mark.parametrize("value", ["cobol", "", None, 7, ["sql"], {"sql": 1}, "SQL"])
def test_is_kind_name_is_total(value):
    assert is_kind_name(value) is False


def test_the_model_asks_the_registry_for_valid_kinds():
    field = Challenge._meta.get_field("kind")
    challenge = Challenge(slug="x", title="X", kind="cobol", difficulty="easy")
    with pytest.raises(ValidationError):
        field.clean("cobol", challenge)
    with override_settings(
        CHALLENGE_KINDS={**settings.CHALLENGE_KINDS, "glossary": "tests.challenges.toy_kind"}
    ):
        assert field.clean("glossary", challenge) == "glossary"
        challenge.kind = "glossary"
        assert challenge.get_kind_display() == "Glossary"
    challenge.kind = "sql"
    assert challenge.get_kind_display() == "SQL"


def test_only_question_kinds_run_without_code_or_source_files():
    assert question_kinds() == ["design"]
    for name in kind_names():
        kind = kind_for(name)
        assert kind.runs_code is not kind.cases_are_questions
        assert (kind.source_extension is None) is kind.cases_are_questions


@pytest.mark.parametrize("name", kind_names())
def test_each_kind_has_the_page_templates_it_declares(name):
    kind = kind_for(name)
    assert kind.page_templates <= set(TEMPLATE_PARTS)
    # Every built-in kind is advertised on the landing page.
    assert kind.card_template == f"frontend/kinds/{name}/card.html"
    # A kind whose examples are shown has a template to show one.
    assert ("example" in kind.page_templates) is not kind.cases_are_questions
    for part in kind.page_templates:
        get_template(f"frontend/kinds/{name}/{part}.html")


def test_page_context_names_the_templates_and_none_for_the_others():
    context = Kind.page_context(kind_for("design"), version=None)
    assert context["example_template"] is None
    assert context["extras_template"] is None
    assert context["answer_template"] == "frontend/kinds/design/answer.html"
    context = Kind.page_context(kind_for("sql"), version=None)
    assert context["example_template"] == "frontend/kinds/sql/example.html"
    assert context["extras_template"] == "frontend/kinds/sql/extras.html"
    assert context["answer_template"] is None


def test_an_unknown_kind_is_a_key_error():
    with pytest.raises(KeyError):
        kind_for("cobol")
