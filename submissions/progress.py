"""Reads on a candidate's progress: totals, per skill and kind, activity, streaks, next steps."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import User
from challenges.kinds import kind_choices
from challenges.models import Challenge
from challenges.queries import challenge_list_published
from submissions.models import MODE_LABELS, Submission
from submissions.queries import challenges_with_progress

RECENT_LIMIT = 10
SUGGESTION_LIMIT = 3
DIFFICULTY_RANK = {
    Challenge.Difficulty.EASY: 0,
    Challenge.Difficulty.MEDIUM: 1,
    Challenge.Difficulty.HARD: 2,
}


def _percent(part: int, whole: int) -> int:
    """Rounded half up (3 of 8 is 38%), unlike round()'s half to even."""
    return (200 * part + whole) // (2 * whole) if whole else 0


@dataclass(frozen=True)
class Totals:
    solved: int
    attempted: int  # attempted but not solved
    published: int
    submissions: int
    submits_graded: int  # submits with a final verdict: not queued, failed or awaiting review
    submits_accepted: int
    # Submits that passed: the same rule as "solved" (Submission.passed: accepted for code, the
    # pass mark for design, settled again by a review), so the two numbers never disagree.
    submits_passed: int = 0

    @property
    def pass_percent(self) -> int | None:
        return _percent(self.submits_passed, self.submits_graded) if self.submits_graded else None

    @property
    def acceptance_rate(self) -> float | None:
        if not self.submits_graded:
            return None
        return round(self.submits_accepted / self.submits_graded, 4)

    @property
    def acceptance_percent(self) -> int | None:
        return _percent(self.submits_accepted, self.submits_graded) if self.submits_graded else None


@dataclass(frozen=True)
class Streak:
    current: int
    longest: int


@dataclass(frozen=True)
class Tally:
    """Solved out of total, for one skill or one kind."""

    key: str
    name: str
    solved: int
    total: int

    @property
    def percent(self) -> int:
        return _percent(self.solved, self.total)


@dataclass(frozen=True)
class Activity:
    id: int
    challenge_slug: str
    challenge_title: str
    mode: str
    status: str
    verdict: str
    score: float | None
    created_at: datetime.datetime

    @property
    def outcome(self) -> str:
        return Submission.outcome_label_for(verdict=self.verdict, status=self.status)

    @property
    def mode_label(self) -> str:
        return MODE_LABELS.get(self.mode, self.mode.capitalize())


@dataclass(frozen=True)
class Suggestion:
    slug: str
    title: str
    kind: str
    difficulty: str
    reason: str


@dataclass(frozen=True)
class Progress:
    totals: Totals
    streak: Streak
    skills: list[Tally]
    kinds: list[Tally]
    recent: list[Activity]
    suggestions: list[Suggestion]

    @property
    def is_new(self) -> bool:
        return self.totals.submissions == 0


def progress_for_user(*, user: User, today: datetime.date | None = None) -> Progress:
    """Everything the dashboard shows, in five queries whatever the history's size.

    Only published challenges `user` may practise count towards solved, attempted and the
    totals; submissions, activity and streaks count all of the user's own submissions.
    """
    challenges = list(
        challenges_with_progress(
            # No version columns: the statements are large and not needed here.
            challenge_list_published(user=user).select_related(None),
            user=user,
        )
    )
    mine = Submission.objects.filter(user=user)
    counts = mine.aggregate(
        submissions=Count("pk"),
        submits_graded=Count(
            "pk",
            filter=Q(mode=Submission.Mode.SUBMIT, status=Submission.Status.DONE)
            & ~Q(verdict=Submission.Verdict.PENDING_REVIEW),
        ),
        submits_accepted=Count(
            "pk",
            filter=Q(
                mode=Submission.Mode.SUBMIT,
                status=Submission.Status.DONE,
                verdict=Submission.Verdict.ACCEPTED,
            ),
        ),
        submits_passed=Count(
            "pk",
            filter=Q(mode=Submission.Mode.SUBMIT, status=Submission.Status.DONE, passed=True)
            & ~Q(verdict=Submission.Verdict.PENDING_REVIEW),
        ),
    )
    # Not the code, outputs or statements: large, and not shown here.
    recent = (
        mine.select_related("version__challenge")
        .only(
            "mode",
            "status",
            "verdict",
            "score",
            "created_at",
            "version__challenge__slug",
            "version__challenge__title",
        )
        .order_by("-created_at", "-id")[:RECENT_LIMIT]
    )
    # Days in the current time zone (settings.TIME_ZONE), the same calendar as localdate().
    days = set(
        mine.annotate(day=TruncDate("created_at"))
        .order_by()
        .values_list("day", flat=True)
        .distinct()
    )

    skills = _skill_tallies(challenges)
    return Progress(
        totals=Totals(
            solved=sum(challenge.solved for challenge in challenges),
            attempted=sum(challenge.attempted and not challenge.solved for challenge in challenges),
            published=len(challenges),
            **counts,
        ),
        streak=_streak(days, today=today or timezone.localdate()),
        skills=skills,
        kinds=_kind_tallies(challenges),
        recent=[
            Activity(
                id=submission.pk,
                challenge_slug=submission.version.challenge.slug,
                challenge_title=submission.version.challenge.title,
                mode=submission.mode,
                status=submission.status,
                verdict=submission.verdict,
                score=submission.score,
                created_at=submission.created_at,
            )
            for submission in recent
        ],
        suggestions=_suggestions(challenges, skills=skills),
    )


def _skill_tallies(challenges: list[Challenge]) -> list[Tally]:
    solved: dict[int, int] = defaultdict(int)
    total: dict[int, int] = defaultdict(int)
    skills = {}
    for challenge in challenges:
        for skill in (weight.skill for weight in challenge.skill_weights.all()):
            skills[skill.pk] = skill
            total[skill.pk] += 1
            solved[skill.pk] += challenge.solved
    return sorted(
        (
            Tally(key=s.slug, name=s.name, solved=solved[s.pk], total=total[s.pk])
            for s in skills.values()
        ),
        key=lambda tally: (tally.name.casefold(), tally.key),
    )


def _kind_tallies(challenges: list[Challenge]) -> list[Tally]:
    """Solved out of published per kind (every registered kind, in the registry's order)."""
    solved: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for challenge in challenges:
        total[challenge.kind] += 1
        solved[challenge.kind] += challenge.solved
    return [
        Tally(key=name, name=label, solved=solved[name], total=total[name])
        for name, label in kind_choices()
    ]


def _streak(days: set[datetime.date], *, today: datetime.date) -> Streak:
    one = datetime.timedelta(days=1)
    # A streak that ended yesterday is still alive: today's practice may come later.
    day = today if today in days else today - one
    current = 0
    while day in days:
        current += 1
        day -= one
    longest = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == one else 1
        longest = max(longest, run)
        previous = day
    return Streak(current=current, longest=longest)


def _suggestions(challenges: list[Challenge], *, skills: list[Tally]) -> list[Suggestion]:
    """Started ones first, then the weakest skills' challenges, easier first, then by title."""
    ratio = {tally.key: tally.solved / tally.total for tally in skills}
    weakest = min(ratio.values(), default=0.0)
    solved_any = any(challenge.solved for challenge in challenges)

    def weakest_skill(challenge: Challenge) -> Tally | None:
        slugs = {weight.skill.slug for weight in challenge.skill_weights.all()}
        own = [tally for tally in skills if tally.key in slugs]
        return min(own, key=lambda tally: ratio[tally.key], default=None)

    ranked = []
    for challenge in challenges:
        if challenge.solved:
            continue
        skill = weakest_skill(challenge)
        # Challenges without skills come after every skill-building one.
        skill_ratio = ratio[skill.key] if skill else 2.0
        ranked.append(
            (
                (
                    not challenge.attempted,
                    skill_ratio,
                    DIFFICULTY_RANK[challenge.difficulty],
                    challenge.title.casefold(),
                    challenge.slug,
                ),
                challenge,
                skill,
            )
        )
    ranked.sort(key=lambda row: row[0])
    return [
        Suggestion(
            slug=challenge.slug,
            title=challenge.title,
            kind=challenge.kind,
            difficulty=challenge.difficulty,
            reason=_reason(challenge, skill=skill, weakest=weakest, solved_any=solved_any),
        )
        for _, challenge, skill in ranked[:SUGGESTION_LIMIT]
    ]


def _reason(challenge: Challenge, *, skill: Tally | None, weakest: float, solved_any: bool) -> str:
    if challenge.attempted:
        return "You started this one"
    if not solved_any and challenge.difficulty == Challenge.Difficulty.EASY:
        return "An easy first challenge"
    if skill is None:
        return f"Something new: {challenge.get_kind_display()}"
    if skill.solved / skill.total == weakest:
        return f"Builds your weakest skill: {skill.name}"
    return f"Practises {skill.name}: {skill.solved} of {skill.total} solved"
