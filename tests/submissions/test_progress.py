"""The progress selector: totals, per skill and kind, activity, streaks and suggestions."""

import datetime

import pytest

from challenges.models import Challenge, ChallengeVersion, Skill
from organisations.models import Membership, Organisation
from submissions.models import Submission
from submissions.progress import Activity, Streak, Suggestion, Tally, Totals, progress_for_user
from tests.factories import UserFactory

UTC = datetime.UTC
TODAY = datetime.date(2025, 3, 10)


def at(day: int, hour: int = 12) -> datetime.datetime:
    return datetime.datetime(2025, 3, day, hour, tzinfo=UTC)


def make_challenge(
    slug: str,
    *,
    title: str,
    kind: str = "python",
    difficulty: str = "easy",
    skills: tuple[Skill, ...] = (),
    published: bool = True,
    organisation: Organisation | None = None,
) -> Challenge:
    challenge = Challenge.objects.create(
        slug=slug,
        title=title,
        kind=kind,
        difficulty=difficulty,
        is_published=published,
        organisation=organisation,
    )
    version = ChallengeVersion.objects.create(
        challenge=challenge,
        number=1,
        statement_md="Do it.",
        statement_html="<p>Do it.</p>",
        content_digest="0" * 64,
    )
    challenge.current_version = version
    challenge.save(update_fields=["current_version"])
    challenge.skills.set(skills, through_defaults={"weight": 1})
    return challenge


def submit(
    user,
    challenge: Challenge,
    *,
    when: datetime.datetime,
    mode: str = "submit",
    verdict: str = "accepted",
    score: float | None = 1.0,
    status: str = "done",
    passed: bool | None = None,
) -> Submission:
    """A graded submission as the worker leaves it (`passed`: an accepted submit, unless said)."""
    submission = Submission.objects.create(
        user=user,
        version=challenge.current_version,
        mode=mode,
        status=status,
        verdict=verdict,
        score=score,
        passed=(mode == "submit" and verdict == "accepted") if passed is None else passed,
    )
    # created_at is auto_now_add: set the history's time afterwards.
    Submission.objects.filter(pk=submission.pk).update(created_at=when)
    submission.created_at = when
    return submission


@pytest.fixture
def skills(db) -> dict[str, Skill]:
    return {
        slug: Skill.objects.create(slug=slug, name=name)
        for slug, name in [("caching", "Caching"), ("python", "Python"), ("sql-joins", "SQL joins")]
    }


@pytest.fixture
def challenges(skills) -> dict[str, Challenge]:
    acme = Organisation.objects.create(slug="acme", name="Acme")
    return {
        "alpha": make_challenge("alpha", title="Alpha sums", skills=(skills["python"],)),
        "bravo": make_challenge(
            "bravo",
            title="Bravo cache",
            kind="design",
            difficulty="medium",
            skills=(skills["caching"],),
        ),
        "charlie": make_challenge(
            "charlie",
            title="Charlie join",
            kind="sql",
            difficulty="medium",
            skills=(skills["sql-joins"], skills["python"]),
        ),
        "delta": make_challenge(
            "delta", title="Delta join", kind="sql", skills=(skills["sql-joins"],)
        ),
        "echo": make_challenge(
            "echo", title="Echo join", kind="sql", difficulty="hard", skills=(skills["sql-joins"],)
        ),
        "foxtrot": make_challenge(
            "foxtrot", title="Foxtrot API", kind="api", skills=(skills["caching"],)
        ),
        # Neither counts for the candidate: unpublished, and another organisation's private one.
        "golf": make_challenge(
            "golf", title="Golf draft", skills=(skills["python"],), published=False
        ),
        "hotel": make_challenge(
            "hotel", title="Hotel private", skills=(skills["python"],), organisation=acme
        ),
    }


@pytest.fixture
def history(candidate, challenges) -> dict[str, Submission]:
    c = challenges
    other = UserFactory(username="someone-else")
    submit(other, c["delta"], when=at(5))
    submit(other, c["echo"], when=at(6))
    return {
        "alpha_run": submit(
            candidate, c["alpha"], mode="run", verdict="wrong_answer", score=None, when=at(3, 9)
        ),
        "alpha_submit": submit(candidate, c["alpha"], when=at(3, 10)),
        # A design submit solves at the pass mark (0.7 by default), not merely by being graded.
        "bravo_submit": submit(
            candidate, c["bravo"], verdict="wrong_answer", score=0.75, passed=True, when=at(7)
        ),
        "charlie_run": submit(
            candidate, c["charlie"], mode="run", verdict="wrong_answer", score=None, when=at(8)
        ),
        "golf_submit": submit(candidate, c["golf"], when=at(9, 8)),
        "charlie_queued": submit(
            candidate, c["charlie"], verdict="", score=None, status="queued", when=at(9, 9)
        ),
    }


def test_totals_skills_and_kinds_for_a_history(candidate, history):
    progress = progress_for_user(user=candidate, today=TODAY)
    assert progress.totals == Totals(
        solved=2,
        attempted=1,
        published=6,
        submissions=6,
        submits_graded=3,
        submits_accepted=2,
        # Bravo's design submit passed at the pass mark without being "accepted": it counts
        # as passed, the rule that made it solved (golf passed too, but isn't published).
        submits_passed=3,
    )
    assert progress.totals.pass_percent == 100
    assert progress.totals.acceptance_rate == 0.6667
    assert progress.totals.acceptance_percent == 67
    assert progress.skills == [
        Tally(key="caching", name="Caching", solved=1, total=2),
        Tally(key="python", name="Python", solved=1, total=2),
        Tally(key="sql-joins", name="SQL joins", solved=0, total=3),
    ]
    assert [tally.percent for tally in progress.skills] == [50, 50, 0]
    assert progress.kinds == [
        Tally(key="python", name="Python", solved=1, total=1),
        Tally(key="api", name="API design", solved=0, total=1),
        Tally(key="sql", name="SQL", solved=0, total=3),
        Tally(key="schema", name="Data modelling", solved=0, total=0),
        Tally(key="design", name="System design", solved=1, total=1),
    ]
    assert progress.is_new is False


def test_recent_activity_is_the_users_own_newest_first(candidate, history):
    recent = progress_for_user(user=candidate, today=TODAY).recent
    assert recent[0] == Activity(
        id=history["charlie_queued"].pk,
        challenge_slug="charlie",
        challenge_title="Charlie join",
        mode="submit",
        status="queued",
        verdict="",
        score=None,
        created_at=at(9, 9),
    )
    assert [item.id for item in recent] == [
        history[name].pk
        for name in [
            "charlie_queued",
            "golf_submit",
            "charlie_run",
            "bravo_submit",
            "alpha_submit",
            "alpha_run",
        ]
    ]
    assert [item.outcome for item in recent] == [
        "Queued",
        "Accepted",
        "Wrong answer",
        "Wrong answer",
        "Accepted",
        "Wrong answer",
    ]


def test_suggestions_started_first_then_weakest_skill_easier_first(candidate, history):
    assert progress_for_user(user=candidate, today=TODAY).suggestions == [
        Suggestion(
            slug="charlie",
            title="Charlie join",
            kind="sql",
            difficulty="medium",
            reason="You started this one",
        ),
        Suggestion(
            slug="delta",
            title="Delta join",
            kind="sql",
            difficulty="easy",
            reason="Builds your weakest skill: SQL joins",
        ),
        Suggestion(
            slug="echo",
            title="Echo join",
            kind="sql",
            difficulty="hard",
            reason="Builds your weakest skill: SQL joins",
        ),
    ]


def test_suggestions_follow_the_weakest_skill_as_it_changes(candidate, history, challenges):
    submit(candidate, challenges["delta"], when=at(10))
    # SQL joins is now 1 of 3 (33%), Caching 1 of 2 (50%).
    suggestions = progress_for_user(user=candidate, today=TODAY).suggestions
    assert [(s.slug, s.reason) for s in suggestions] == [
        ("charlie", "You started this one"),
        ("echo", "Builds your weakest skill: SQL joins"),
        ("foxtrot", "Practises Caching: 1 of 2 solved"),
    ]


def test_ties_go_to_the_title_and_challenges_without_skills_come_last(candidate, skills):
    make_challenge("zulu", title="Zulu", skills=(skills["python"],))
    make_challenge("yankee", title="yankee", skills=(skills["python"],))
    make_challenge("alpha", title="Alpha", kind="design")
    solved = make_challenge("done", title="Done", skills=(skills["python"],))
    submit(candidate, solved, when=at(9))
    suggestions = progress_for_user(user=candidate, today=TODAY).suggestions
    assert [(s.slug, s.reason) for s in suggestions] == [
        ("yankee", "Builds your weakest skill: Python"),
        ("zulu", "Builds your weakest skill: Python"),
        ("alpha", "Something new: System design"),
    ]


def test_a_new_user_gets_easy_starters_and_zeroes(candidate, challenges):
    progress = progress_for_user(user=candidate, today=TODAY)
    assert progress.is_new is True
    assert progress.totals == Totals(
        solved=0, attempted=0, published=6, submissions=0, submits_graded=0, submits_accepted=0
    )
    assert progress.totals.acceptance_rate is None
    assert progress.totals.acceptance_percent is None
    assert progress.streak == Streak(current=0, longest=0)
    assert progress.recent == []
    assert [(s.slug, s.difficulty, s.reason) for s in progress.suggestions] == [
        ("alpha", "easy", "An easy first challenge"),
        ("delta", "easy", "An easy first challenge"),
        ("foxtrot", "easy", "An easy first challenge"),
    ]


def test_only_challenges_the_user_may_practise_count(candidate, history, challenges):
    # Solving the unpublished challenge did not count; the private one appears on joining.
    assert progress_for_user(user=candidate, today=TODAY).totals.published == 6
    Membership.objects.create(
        organisation=challenges["hotel"].organisation, user=candidate, role="reviewer"
    )
    progress = progress_for_user(user=candidate, today=TODAY)
    assert (progress.totals.published, progress.totals.solved) == (7, 2)
    assert Tally(key="python", name="Python", solved=1, total=3) in progress.skills


def test_another_users_history_does_not_count(history, challenges):
    stranger = UserFactory(username="stranger")
    progress = progress_for_user(user=stranger, today=TODAY)
    assert (progress.totals.solved, progress.totals.submissions, progress.recent) == (0, 0, [])
    someone = UserFactory(username="someone-else")
    progress = progress_for_user(user=someone, today=TODAY)
    assert (progress.totals.solved, progress.totals.attempted) == (2, 0)
    assert progress.streak == Streak(current=0, longest=2)


@pytest.fixture
def practised(candidate, challenges):
    """Four days in a row (1-4 March), a gap, then three (7-9 March, twice on the 9th)."""
    for day in [1, 2, 3, 4, 7, 8, 9]:
        submit(candidate, challenges["alpha"], mode="run", verdict="wrong_answer", when=at(day))
    submit(candidate, challenges["alpha"], when=at(9, 23))
    # Someone else practising on 5 and 6 March does not bridge the candidate's gap.
    for day in [5, 6]:
        submit(UserFactory(username="someone-else"), challenges["alpha"], when=at(day))


@pytest.mark.parametrize(
    ("today", "current"),
    [
        (datetime.date(2025, 3, 9), 3),  # practised today
        (datetime.date(2025, 3, 10), 3),  # not yet today: yesterday keeps the streak alive
        (datetime.date(2025, 3, 11), 0),  # a whole day missed
        (datetime.date(2025, 3, 5), 4),
        (datetime.date(2025, 3, 6), 0),
    ],
)
def test_streaks(candidate, practised, today, current):
    assert progress_for_user(user=candidate, today=today).streak == Streak(
        current=current, longest=4
    )


def test_practising_today_extends_the_streak(candidate, practised, challenges):
    submit(candidate, challenges["alpha"], when=at(10, 0))
    assert progress_for_user(user=candidate, today=TODAY).streak == Streak(current=4, longest=4)
    submit(candidate, challenges["alpha"], when=at(6, 0))
    assert progress_for_user(user=candidate, today=TODAY).streak == Streak(current=5, longest=5)
    submit(candidate, challenges["alpha"], when=at(5, 23))  # closes the gap
    assert progress_for_user(user=candidate, today=TODAY).streak == Streak(current=10, longest=10)


def test_days_are_calendar_days_in_the_sites_time_zone(candidate, challenges, settings):
    submit(candidate, challenges["alpha"], when=at(9, 10))  # 19:00 on 9 March in Tokyo
    submit(candidate, challenges["alpha"], when=at(9, 20))  # 05:00 on 10 March in Tokyo
    assert progress_for_user(user=candidate, today=TODAY).streak == Streak(current=1, longest=1)
    settings.TIME_ZONE = "Asia/Tokyo"
    assert progress_for_user(user=candidate, today=TODAY).streak == Streak(current=2, longest=2)


def test_today_defaults_to_the_local_date(candidate, challenges):
    from django.utils import timezone

    submit(candidate, challenges["alpha"], when=timezone.now())
    assert progress_for_user(user=candidate).streak == Streak(current=1, longest=1)


def test_queries_stay_constant(candidate, history, challenges, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        progress_for_user(user=candidate, today=TODAY)
    for day in range(1, 13):
        for challenge in challenges.values():
            submit(candidate, challenge, mode="run", verdict="wrong_answer", when=at(day, 20))
    with django_assert_max_num_queries(5):
        progress = progress_for_user(user=candidate, today=TODAY)
    assert len(progress.recent) == 10
    assert progress.recent[0].created_at == at(12, 20)
    assert progress.totals.submissions == 6 + 12 * 8
