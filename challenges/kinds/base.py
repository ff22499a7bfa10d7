"""What every challenge kind provides: one class per kind, defaults here, overrides in the
kind's own module. Code outside challenges/kinds/ asks the kind, never compares kind names."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from challenges.grading import Grade, Verdict
from challenges.models import ChallengeVersion, TestCase

# The challenge page's templates a kind may have (see Kind.page_templates), and all of them.
PAGE_TEMPLATES = ("example", "extras", "answer")
TEMPLATE_PARTS = (*PAGE_TEMPLATES, "card")
NO_CUSTOM_INPUT = "this challenge has no custom input"
# What any kind's custom input may weigh (each kind may refuse less).
MAX_CUSTOM_INPUT_BYTES = 20_000
# The studio's case table: the widgets a column may use.
CASE_WIDGETS = frozenset({"text", "textarea", "select", "checkbox", "json", "number"})
# A column without a default leaves its key out of a new case.
NO_DEFAULT: Any = object()


@dataclass(frozen=True)
class CaseColumn:
    """One column of the studio's case table: where its value sits in a case (`key`, dotted:
    "input.args"), how it is edited (`widget`, one of CASE_WIDGETS; a select's `options`, a
    number's `minimum` and `maximum`) and what a new case starts with (`default`)."""

    key: str
    label: str
    widget: str
    help: str = ""
    options: tuple[str, ...] = ()
    default: Any = NO_DEFAULT
    minimum: int | None = None
    maximum: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The column as the page's script reads it (JSON)."""
        spec: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "widget": self.widget,
            "help": self.help,
        }
        if self.options:
            spec["options"] = list(self.options)
        if self.default is not NO_DEFAULT:
            spec["default"] = self.default
        if self.minimum is not None:
            spec["min"] = self.minimum
        if self.maximum is not None:
            spec["max"] = self.maximum
        return spec


NAME_COLUMN = CaseColumn(
    "name", "Name", "text", "Unique within the challenge; shown with the case's result."
)
VISIBILITY_COLUMN = CaseColumn(
    "visibility",
    "Visibility",
    "select",
    "An example is shown to the candidate and run by Run; hidden cases are graded on Submit.",
    options=("example", "hidden"),
    default="hidden",
)
CATEGORY_COLUMN = CaseColumn(
    "category", "Category", "text", "A hidden case needs one: shown when the case fails."
)
HINT_COLUMN = CaseColumn(
    "hint", "Hint", "textarea", "A hidden case needs one: shown when it fails (300 characters)."
)
WEIGHT_COLUMN = CaseColumn(
    "weight", "Weight", "number", "1 to 1000; empty counts as 1.", minimum=1, maximum=1000
)


def case_columns_around(middle: list[CaseColumn]) -> list[CaseColumn]:
    """The columns every kind's cases share around the kind's own (`middle`)."""
    return [NAME_COLUMN, VISIBILITY_COLUMN, *middle, CATEGORY_COLUMN, HINT_COLUMN, WEIGHT_COLUMN]


# A JSON value up to this many characters is written on one line.
COMPACT_WIDTH = 60


def json_text(value: object) -> str:
    """A value as JSON: a short one on one line (as HTTP examples are usually written), a long
    one indented. The notation of a kind that has none of its own."""
    compact = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    if len(compact) <= COMPACT_WIDTH:
        return compact
    return json.dumps(value, indent=2, ensure_ascii=False)


class AnswerRejected(ValueError):
    """A submission's answer doesn't fit the kind; `field` names it, `detail` says why (a message,
    a list of them, or messages per part)."""

    def __init__(self, field: str, detail: str | list[str] | dict[str, list[str]]):
        self.field = field
        self.detail = detail
        super().__init__(detail if isinstance(detail, str) else f"invalid {field}")


class Kind:
    """A challenge kind. Subclasses set `name` and override what differs."""

    name: str = ""
    # Shown to people: the catalogue's tag and filter, the dashboard, the admin.
    label: str = ""
    # Graded by running the candidate's code in the sandbox (design: from answers alone).
    runs_code: bool = True
    # Starter, solution and mutants are files with this extension (None: the kind has none).
    source_extension: str | None = "py"
    # The keys the kind's table in challenge.toml may hold.
    config_keys: frozenset[str] = frozenset()
    # Cases are questions whose expected value is the answer key: never shown as examples.
    cases_are_questions: bool = False
    # The challenge page's editor: its highlighting and completion, and its label.
    editor_language: str = "python"
    editor_label: str = "Your solution (Python)"
    # The kind's page templates, in frontend/templates/frontend/kinds/<name>/ (any template
    # directory): "example" shows one visible example (every kind whose cases aren't
    # questions), "extras" goes above the examples (SQL's schema panel), "answer" replaces the
    # shared code editor (design's question form); "card" is the kind's card on the landing
    # page (a kind without one isn't advertised there).
    page_templates: frozenset[str] = frozenset({"example"})

    # Packages -------------------------------------------------------------------------------

    @property
    def template_folder(self) -> Path:
        """A minimal package of this kind that validates as is: the studio's starting point."""
        return Path(__file__).resolve().parent / "templates" / self.name

    @property
    def package_help(self) -> list[tuple[str, str]]:
        """The files of a package that are the kind's own, as (what, path) pairs: the studio
        says them where an author adds a file (default: a mutant, for kinds with source)."""
        if not self.source_extension:
            return []
        return [("a mutant", f"mutants/<name>.{self.source_extension}")]

    def config_problems(self, config: dict) -> list[str]:
        """Problems with the kind's own table beyond key types (e.g. an entrypoint's name)."""
        return []

    def package_entries(self) -> frozenset[str]:
        """Files and folders at the top of a package the kind reads, beyond the manifest,
        statement, editorial and cases (anything else is reported as ignored)."""
        extension = self.source_extension
        if not extension:
            return frozenset()
        return frozenset({f"starter.{extension}", f"solution.{extension}", "mutants"})

    def package_assets(
        self,
        folder: Path,
        config: dict,
        problems: list[str],
        *,
        root: Path | None = None,
        warnings: list[str] | None = None,
    ) -> dict[str, str]:
        """Extra files the kind reads from a package folder, by relative path. `root` is the
        folder the load was asked for: nothing outside it (or challenges/datasets) is read."""
        return {}

    def case_problems(self, index: int, case: Any, config: dict, assets: dict) -> list[str]:
        """Problems with case `index` (from 1): its input and expected value (a CaseSpec)."""
        return []

    def case_columns(self, *, config: dict, paths: Collection[str]) -> list[CaseColumn]:
        """The studio's case table for a package with the kind's table `config` and the files
        `paths` (relative paths in the package folder)."""
        return case_columns_around(
            [
                CaseColumn("input", "Input", "json", "A JSON object.", default={}),
                CaseColumn("expected", "Expected", "json", "Any JSON value.", default=None),
            ]
        )

    # Grading ----------------------------------------------------------------------------

    def grade(
        self,
        *,
        version: ChallengeVersion,
        code: str,
        answers: dict | None,
        cases: list[TestCase],
        audience: str,
    ) -> Grade:
        """One result row per case (`challenges.kinds.grade` adds each row's `kind`)."""
        raise NotImplementedError

    def clean_answer(
        self, *, version: ChallengeVersion, mode: str, code: str, answers: Any
    ) -> tuple[str, Any]:
        """(code, answers) to store for a submission; raises AnswerRejected."""
        from runner.facade import InvalidSource, validate_source

        if not code:
            raise AnswerRejected("code", "this challenge is answered with `code`")
        try:
            validate_source(code)
        except InvalidSource as exc:
            raise AnswerRejected("code", str(exc)) from None
        return code, None

    # Custom input ("run with my input") --------------------------------------------------

    # The kind can run the candidate's code and the reference solution on the candidate's own
    # input (a version may still have none: see `custom_input_for`).
    custom_input: bool = False

    def custom_input_for(self, version: ChallengeVersion) -> dict[str, str] | None:
        """How the page offers a custom run of `version` ({"label", "prefill", "placeholder",
        "help"}), or None when it has none."""
        return None

    def clean_custom_input(self, *, version: ChallengeVersion, text: str) -> Any:
        """The candidate's input text checked and parsed (what the sandbox will get); raises
        AnswerRejected("custom_input", ...) saying what was wrong."""
        raise AnswerRejected("custom_input", NO_CUSTOM_INPUT)

    def grade_custom(self, *, version: ChallengeVersion, code: str, custom_input: str) -> Grade:
        """The candidate's code and the reference solution on the candidate's input (as they
        typed it; cleaned again here), one row comparing them."""
        raise NotImplementedError

    def passed(self, *, version: ChallengeVersion, verdict: str, rows: Any) -> bool:
        """Does a graded submit earn the editorial (count as solved)?"""
        return verdict == Verdict.ACCEPTED

    # Validation and publishing ------------------------------------------------------------

    def validate_without_sandbox(self, version: ChallengeVersion) -> list[str]:
        """Problems with a version graded without running code."""
        return []

    def validation_extras(self, version: ChallengeVersion, report: Any) -> bool:
        """Kind-specific sandbox work of a validation, recorded on `report` (a
        ValidationReport); False when the sandbox failed and validation should stop."""
        return True

    def validation_summary(self, version: ChallengeVersion, report: Any) -> str:
        """One line on a validation (a ValidationReport) for `validatechallenges`."""
        invalid = sum(1 for mutant in report.mutants if mutant.invalid)
        return (
            f"slowest {report.slowest_case_ms:>4} ms / limit {report.time_limit_s:g} s  "
            f"mutants killed {report.mutants_killed}/{len(report.mutants)}"
            + (f" ({invalid} invalid)" if invalid else "")
        )

    def trusted_fields(
        self, package: Any, existing: ChallengeVersion | None = None
    ) -> dict[str, Any]:
        """Fields computed from repository content an operator installs (`loadchallenges`),
        only those `existing` lacks."""
        return {}

    def trusted_problem(self, version: ChallengeVersion) -> str | None:
        """What `trusted_fields` could not compute for `version` (None: nothing missing)."""
        return None

    def publish_problem(self, version: ChallengeVersion) -> str | None:
        """Why `version` can't be published yet (None: it can, once validated)."""
        return None

    # What candidates see ----------------------------------------------------------------

    def detail_fields(self, version: ChallengeVersion) -> dict[str, Any]:
        """The kind's extra fields in the challenge API (None where they don't apply)."""
        return {"sql_schema": None, "questions": None}

    def notations(self) -> dict[str, Callable[..., str]]:
        """How the kind writes case data, by form: "value" (what code produced, literally) and
        "expected" (an author's expected value, its matchers in words), and any form of the
        kind's own (python: "call"); its templates use them through `{% notation %}`."""
        return {"value": json_text, "expected": json_text}

    def notation(self, form: str, value: Any, *options: Any) -> str:
        """`value` written in the kind's notation `form` (see `notations`)."""
        notations = self.notations()
        if form not in notations:
            raise ValueError(f"{self.name}: no notation {form!r} (one of {sorted(notations)})")
        return notations[form](value, *options)

    def shown_input(self, config: dict, row: dict[str, Any]) -> str:
        """A visible case's input written as the statement writes it, for the submission page
        (empty: the row's own rendering says it)."""
        return ""

    def shown_input_label(self, row: dict[str, Any]) -> str:
        """What the submission page calls `shown_input`."""
        return "Input"

    def result_steps(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """A visible case's result on the submission page, as steps: each an optional
        `heading` (text, e.g. the request of an API step), whether it is where the case
        `failed` and a `note` saying how, and its `sides`: (label, value, the kind's notation
        for it). The author's expected value says its matchers in words; what the code
        produced is shown literally (a custom run's reference output too: it is a value, not
        an author's expected one)."""
        sides = (
            [
                ("Expected (reference solution)", row.get("expected"), "value"),
                ("Your output", row.get("actual"), "value"),
            ]
            if row.get("custom")
            else [
                ("Expected", row.get("expected"), "expected"),
                ("Actual", row.get("actual"), "value"),
            ]
        )
        return [{"heading": "", "failed": False, "note": "", "sides": sides}]

    def page_context(self, version: ChallengeVersion) -> dict[str, Any]:
        """The kind's context for the challenge page (subclasses add to it): the editor's
        settings and the kind's templates (None for those it doesn't have)."""
        return {
            "editor_language": self.editor_language,
            "editor_label": self.editor_label,
            "editor_completion": None,
            **{
                f"{part}_template": self.template(part) if part in self.page_templates else None
                for part in PAGE_TEMPLATES
            },
        }

    def template(self, part: str) -> str:
        """The name of one of the kind's templates (`part`: one of TEMPLATE_PARTS)."""
        return f"frontend/kinds/{self.name}/{part}.html"

    @property
    def card_template(self) -> str | None:
        """The kind's card on the landing page; None: not advertised there."""
        return self.template("card") if "card" in self.page_templates else None

    def answer_lines(self, version: ChallengeVersion, answers: Any) -> list[dict[str, str]]:
        """A submission's answers in words, for its page (kinds answered with code: none)."""
        return []
