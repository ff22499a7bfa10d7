"""Reads on challenges (selectors): what candidates may see."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Abs, Coalesce

from accounts.models import User
from challenges.access import access_visible_challenges
from challenges.kinds import Kind, kind_for, question_kinds
from challenges.models import Challenge, ChallengeSkill, ChallengeVersion, Skill, TestCase
from challenges.packages import ChallengePackage, package_from_content
from challenges.provenance import provenance_shown
from readiness.assists import NONE_OPENED, AssistsOpened, assists_opened
from submissions.models import Submission
from submissions.queries import challenge_solved_by, challenges_with_progress

# The progress filter's values: solved; attempted but not solved; never attempted.
PROGRESS_CHOICES = ("solved", "attempted", "new")

# The catalogue's orders (value, label); the first is the default. Ties fall back to the title.
SORT_CHOICES = (
    ("title", "Title"),
    ("difficulty", "Difficulty (easiest first)"),
    ("newest", "Newest first"),
    ("most_solved", "Most solved"),
)
_DIFFICULTY_RANK = Case(
    *(
        When(difficulty=value, then=Value(rank))
        for rank, value in enumerate(Challenge.Difficulty.values)
    ),
    default=Value(len(Challenge.Difficulty.values)),
    output_field=IntegerField(),
)
_ORDERINGS = {
    "title": ("title", "pk"),
    "difficulty": ("difficulty_rank", "title", "pk"),
    "newest": ("-created_at", "-pk"),
    "most_solved": ("-solvers", "title", "pk"),
}


def with_solvers(queryset: QuerySet[Challenge]) -> QuerySet[Challenge]:
    """Annotate `solvers`: how many people solved each challenge (a `passed` submission of any
    of its versions), as one correlated subquery inside the list's own query."""
    solvers = (
        Submission.objects.filter(version__challenge=OuterRef("pk"), passed=True)
        .order_by()
        .values("version__challenge")
        .annotate(n=Count("user", distinct=True))
        .values("n")
    )
    return queryset.annotate(solvers=Coalesce(Subquery(solvers, output_field=IntegerField()), 0))


def challenge_list_published(*, user: User | AnonymousUser) -> QuerySet[Challenge]:
    """Published challenges `user` may practise: the public catalogue and their orgs' own."""
    return (
        Challenge.objects.filter(access_visible_challenges(user))
        .filter(is_published=True, current_version__isnull=False)
        .distinct()
        .select_related("current_version")
        .prefetch_related(
            Prefetch("skill_weights", queryset=ChallengeSkill.objects.select_related("skill"))
        )
    )


def challenge_list_filtered(
    *,
    user: User | AnonymousUser,
    kind: str | None = None,
    difficulty: str | None = None,
    skill: str | None = None,
    search: str | None = None,
    progress: str | None = None,
    sort: str | None = None,
) -> QuerySet[Challenge]:
    """Published challenges annotated with `solved`/`attempted`/`solvers`, narrowed by validated
    filters and ordered by `sort` (a SORT_CHOICES value; empty or None: by title).

    Empty or None filters are not applied; `skill` is a skill's slug, `search` words in the
    title, `progress` one of PROGRESS_CHOICES.
    """
    queryset = challenges_with_progress(challenge_list_published(user=user), user=user)
    queryset = with_solvers(queryset).annotate(difficulty_rank=_DIFFICULTY_RANK)
    queryset = queryset.order_by(*_ORDERINGS.get(sort or "title", _ORDERINGS["title"]))
    if kind:
        queryset = queryset.filter(kind=kind)
    if difficulty:
        queryset = queryset.filter(difficulty=difficulty)
    if skill:
        queryset = queryset.filter(skills__slug=skill)
    if search:
        queryset = queryset.filter(title__icontains=search)
    if progress == "solved":
        queryset = queryset.filter(solved=True)
    elif progress == "attempted":
        queryset = queryset.filter(attempted=True, solved=False)
    elif progress == "new":
        queryset = queryset.filter(attempted=False)
    return queryset


def skill_list_published(*, user: User | AnonymousUser) -> QuerySet[Skill]:
    """Canonical skills trained by a challenge `user` may practise (for a filter's choices)."""
    return Skill.objects.filter(
        challenges__in=challenge_list_published(user=user).values("pk")
    ).distinct()


DIFFICULTY_RANK = {
    Challenge.Difficulty.EASY: 0,
    Challenge.Difficulty.MEDIUM: 1,
    Challenge.Difficulty.HARD: 2,
}


def challenge_next_for(*, user: User | AnonymousUser, challenge: Challenge) -> Challenge | None:
    """What to practise after solving `challenge`: an unsolved published challenge `user` may
    practise of the same kind or sharing a skill; same kind and skill first, then the nearest
    difficulty, then the title. None when nothing like it is left (one query)."""
    skill_ids = ChallengeSkill.objects.filter(challenge_id=challenge.pk).values("skill_id")
    shares_skill = ChallengeSkill.objects.filter(
        challenge_id=OuterRef("pk"), skill_id__in=skill_ids
    )
    rank = Case(
        *(When(difficulty=name, then=Value(value)) for name, value in DIFFICULTY_RANK.items()),
        default=Value(1),
        output_field=IntegerField(),
    )
    candidates = (
        challenges_with_progress(
            challenge_list_published(user=user).prefetch_related(None).select_related(None),
            user=user,
        )
        .exclude(pk=challenge.pk)
        .annotate(
            shares_skill=Exists(shares_skill),
            same_kind=Case(
                When(kind=challenge.kind, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            distance=Abs(rank - Value(DIFFICULTY_RANK.get(challenge.difficulty, 1))),
        )
        .filter(solved=False)
        .filter(Q(same_kind=1) | Q(shares_skill=True))
        .order_by("-same_kind", "-shares_skill", "distance", "title", "pk")
    )
    return candidates.first()


def challenge_get_published(*, slug: str, user: User | AnonymousUser) -> Challenge:
    """Raises Challenge.DoesNotExist for unknown, unpublished or inaccessible slugs."""
    return challenge_list_published(user=user).get(slug=slug)


def version_examples(version_id: int) -> QuerySet[TestCase]:
    """A version's visible examples; never a question's (its expected value is the answer key)."""
    return (
        TestCase.objects.filter(version_id=version_id, visibility=TestCase.Visibility.EXAMPLE)
        .exclude(version__challenge__kind__in=question_kinds())
        .order_by("ordinal")
    )


@dataclass(frozen=True)
class ChallengeDetail:
    """A published challenge as a candidate sees it: the API and the page both show this."""

    challenge: Challenge
    version: ChallengeVersion  # the current version
    kind: Kind
    examples: list[TestCase]  # visible examples only, never a question's answer key
    solved: bool
    # The help the candidate opened: hint and editorial texts are shown only once recorded.
    opened: AssistsOpened = NONE_OPENED

    @property
    def hints(self) -> list[str]:
        """The texts of the hints the candidate opened (1..n); the others stay on the server."""
        return self.opened.hints_shown(list(self.version.hints))

    @property
    def hints_total(self) -> int:
        return len(self.version.hints)

    @property
    def has_editorial(self) -> bool:
        return bool(self.version.editorial_html)

    @cached_property
    def hidden_case_count(self) -> int:
        return self.version.cases.count() - len(self.examples)

    @cached_property
    def kind_fields(self) -> dict[str, Any]:
        """The kind's extra API fields (`Kind.detail_fields`: sql_schema, questions)."""
        return self.kind.detail_fields(self.version)

    @property
    def editorial_html(self) -> str | None:
        """The worked solution, once the candidate has solved the challenge or opened it."""
        shown = self.solved or self.opened.editorial
        return (self.version.editorial_html or None) if shown else None

    @property
    def source(self) -> dict[str, str] | None:
        """Provenance as shown: None without one; a link only when it is http(s)."""
        return provenance_shown(self.version.source)


def challenge_detail(*, user: User | AnonymousUser, slug: str) -> ChallengeDetail:
    """The challenge `user` opens; raises Challenge.DoesNotExist for unknown, unpublished or
    inaccessible slugs."""
    challenge = challenge_get_published(slug=slug, user=user)
    version = challenge.current_version
    return ChallengeDetail(
        challenge=challenge,
        version=version,
        kind=kind_for(challenge.kind),
        examples=list(version_examples(version.pk)),
        solved=challenge_solved_by(user=user, challenge_id=challenge.pk),
        opened=assists_opened(user=user, challenge_id=challenge.pk),
    )


def version_questions(*, version_id: int) -> QuerySet[TestCase]:
    """A design version's questions as candidates see them: the answer key is not loaded."""
    return (
        TestCase.objects.filter(version_id=version_id)
        .order_by("ordinal")
        .only("ordinal", "name", "input", "weight")
    )


def version_content(version: ChallengeVersion) -> dict:
    """A stored version as package content (plain data, hidden cases included)."""
    challenge = version.challenge
    return {
        "slug": challenge.slug,
        "title": challenge.title,
        "kind": challenge.kind,
        "difficulty": challenge.difficulty,
        "skills": {
            weight.skill.slug: weight.weight
            for weight in challenge.skill_weights.select_related("skill")
        },
        "tags": sorted(challenge.tags.values_list("slug", flat=True)),
        "context": challenge.context,
        "estimated_minutes": challenge.estimated_minutes,
        "statement_md": version.statement_md,
        "starter_code": version.starter_code,
        "reference_solution": version.reference_solution,
        "config": version.config,
        "hints": version.hints,
        "editorial_md": version.editorial_md,
        "cases": [
            {
                "name": case.name,
                "visibility": case.visibility,
                "input": case.input,
                "expected": case.expected,
                "category": case.category,
                "hint": case.hint,
                "weight": case.weight,
            }
            for case in version.cases.order_by("ordinal")
        ],
        "mutants": version.mutants,
        "assets": version.assets,
        "source": version.source,
    }


def package_for_version(version: ChallengeVersion) -> ChallengePackage:
    """The package a stored version came from (for export; the digest matches the import)."""
    return package_from_content(Path(version.challenge.slug), version_content(version))
