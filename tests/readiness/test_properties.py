"""The readiness model's promises as properties: hypothesis over evidence folding and scoring.

Each property compares two computations that differ in exactly one thing the promise is about,
never a number derived from the model's constants, so it holds whatever they are tuned to. A
"score" below means all three of a skill's stored numbers: the median and both ends of the 90%
band (0-100). "Never lowers" allows 1e-9 points of float rounding (EPS); "equal" is exact.

What is promised, precisely (each a test below):

- a submit of a challenge already submitted, made after its earlier submits, never lowers any
  skill, whatever it scores (a failure too) and whatever help it had; a new challenge accepted
  at its first submit never lowers any skill (a new challenge failed first does: it is evidence);
- a later submit scoring at most the best earlier score of its challenge (resubmitting accepted
  code, or anything after an accept) leaves every score exactly equal;
- the same submits on a harder challenge never score lower (solves count more, failures less);
- the same submits in any order, computed any number of times, give exactly the same estimates;
- everything submitted after opening a challenge's editorial raises a score by at most
  EDITORIAL_GAIN_POINTS (2.5 points today; derived below) over stopping when it was opened;
- n >= 1 submits below 1 then an accept, all with the same help, never score above a first-time
  accept with that help, and more failed submits count strictly less;
- the same evidence on more copies of its challenges never widens a band (up to the grid);
- opening a hint or the editorial at any moment never raises a score;
- seen from later, every challenge's masses shrink: accepts count less, failures too;
- a higher score on a challenge's latest submit never counts less; on any submit, when recency
  is out of play (raising an old partial score to an accept makes the accept old);
- any input folds and scores: NaN scores are left out, other floats clamped, any hint count;
  scores stay finite with 0 <= low <= score <= high <= 100; estimation refuses non-finite
  numbers and negative masses with ValueError.

The first part runs the pure functions (readiness.evidence, readiness.scoring,
readiness.estimation); the last part the same promises through readiness_refresh on the database.
Hostile values through the database are in tests/security/test_readiness_inputs.py.
"""

from __future__ import annotations

import itertools
import math
import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.estimation import (
    GRID_MAX,
    GRID_MIN,
    GRID_POINTS,
    PRIOR_SD,
    Observation,
    estimate,
    log_likelihood,
)
from readiness.evidence import (
    EDITORIAL_FACTOR,
    Attempt,
    Evidence,
    assistance_factor,
    fold_attempts,
    probing_factor,
)
from readiness.models import AssistEvent, ChallengeEvidence
from readiness.scoring import ChallengeFacts, observation, score_skills
from readiness.services import assist_event_record, readiness_refresh
from tests.factories import UserFactory, graded_submit, published_challenge

# Deterministic in CI (derandomize: the same examples every run), and small enough for the file
# to stay well under a minute on a loaded two-core machine.
PURE = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
DB = settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SKILLS = ("sql-querying", "algorithms", "money-correctness")
T0 = datetime(2024, 1, 1, 12, tzinfo=UTC)
SPAN_MINUTES = 3 * 365 * 24 * 60  # three years of history, so recency matters
AS_OF = T0 + timedelta(days=4 * 365)
EPS = 1e-9
# The band's ends are quantiles interpolated on the grid: each is off by up to ~step^2 logits, an
# error that drifts as the posterior moves, so a width (a difference of two) is compared with
# that slack. (Medians and ends only ever move one way together: no slack needed there.)
GRID_WIDTH_SLACK = ((GRID_MAX - GRID_MIN) / (GRID_POINTS - 1)) ** 2
# The 0-100 scale is 100 * sigmoid(theta): at most 25 points per logit.
POINTS_PER_LOGIT = 100.0 / 4.0

scores = st.one_of(st.sampled_from([0.0, 0.5, 1.0]), st.floats(0.0, 1.0))
hints = st.integers(0, 3)
editorial = st.sampled_from([False, False, False, True])


@st.composite
def attempts(draw, *, min_size: int = 1, max_size: int = 5, challenge_id: int = 1):
    """A challenge's graded submits at times within the three years before AS_OF."""
    rows = draw(
        st.lists(
            st.tuples(st.integers(0, SPAN_MINUTES), scores, hints, editorial),
            min_size=min_size,
            max_size=max_size,
        )
    )
    return [
        Attempt(
            at=T0 + timedelta(minutes=minute),
            score=score,
            hints_before=hint_count,
            editorial_before=opened,
            submission_id=challenge_id * 1000 + i,
        )
        for i, (minute, score, hint_count, opened) in enumerate(rows)
    ]


@st.composite
def challenge_facts(draw, challenge_id: int) -> ChallengeFacts:
    shares = draw(
        st.dictionaries(st.sampled_from(SKILLS), st.floats(0.05, 1.0), min_size=1, max_size=3)
    )
    return ChallengeFacts(
        id=challenge_id,
        slug=f"c{challenge_id}",
        title=f"C{challenge_id}",
        difficulty=draw(st.floats(-3.0, 3.0)),
        label="medium",
        skills=shares,
    )


@st.composite
def histories(draw, *, min_challenges: int = 1, max_challenges: int = 4):
    """(facts, submits) for a candidate: challenge id -> facts, challenge id -> its submits."""
    count = draw(st.integers(min_challenges, max_challenges))
    facts, history = {}, {}
    for cid in range(1, count + 1):
        facts[cid] = draw(challenge_facts(cid))
        history[cid] = draw(attempts(challenge_id=cid))
    return facts, history


def fold(history: dict[int, list[Attempt]]) -> dict[int, Evidence]:
    return {cid: fold_attempts(submits) for cid, submits in history.items()}


def skill_scores(facts, history, *, as_of: datetime = AS_OF) -> dict[str, tuple[float, ...]]:
    """skill -> (score, low, high), as the service would store them."""
    results = score_skills(
        evidence=fold(history), facts=facts, skills=SKILLS, as_of=as_of, explain=False
    )
    return {
        skill: (r.estimate.score, r.estimate.low, r.estimate.high) for skill, r in results.items()
    }


def assert_not_lower(after, before) -> None:
    for skill in SKILLS:
        for name, new, old in zip(
            ("score", "low", "high"), after[skill], before[skill], strict=True
        ):
            assert new >= old - EPS, f"{skill} {name} fell from {old} to {new}"


def last_time(submits: list[Attempt]) -> datetime:
    return max(a.at for a in submits)


def later(moment: datetime, minutes: int) -> datetime:
    return min(AS_OF, moment + timedelta(minutes=minutes))


# --- Solving more never lowers a skill ----------------------------------------------------------


@PURE
@given(
    data=histories(),
    pick=st.integers(0, 10),
    after=st.integers(0, 60 * 24 * 400),
    score=scores,
    extra_hints=hints,
    opened=editorial,
)
def test_any_later_submit_of_a_challenge_never_lowers_any_skill(
    data, pick, after, score, extra_hints, opened
):
    """A submit of a challenge already submitted, made after its earlier submits, with any score
    (a failure too) and any help, never lowers any skill's score or band bound. (Inserted before
    earlier submits it may: a failure then makes the later accept a probed one.)"""
    facts, history = data
    cid = sorted(history)[pick % len(history)]
    before = skill_scores(facts, history)
    new = Attempt(
        at=later(last_time(history[cid]), after),
        score=score,
        hints_before=max(a.hints_before for a in history[cid]) + extra_hints,
        editorial_before=opened,
        submission_id=cid * 1000 + 999,
    )
    grown = {**history, cid: [*history[cid], new]}

    assert_not_lower(skill_scores(facts, grown), before)
    old_ev, new_ev = fold_attempts(history[cid]), fold_attempts(grown[cid])
    assert new_ev.success >= old_ev.success
    assert new_ev.failure <= old_ev.failure


@PURE
@given(data=histories(), facts_new=challenge_facts(99), minute=st.integers(0, SPAN_MINUTES))
def test_a_new_challenge_accepted_at_its_first_submit_never_lowers_any_skill(
    data, facts_new, minute
):
    """Solving one more challenge (accepted at its first submit, with or without help) never
    lowers any skill. A new challenge whose first submit fails does lower: that is evidence."""
    facts, history = data
    before = skill_scores(facts, history)
    accept = Attempt(at=T0 + timedelta(minutes=minute), score=1.0, submission_id=99_000)

    after = skill_scores({**facts, 99: facts_new}, {**history, 99: [accept]})

    assert_not_lower(after, before)
    skill = next(iter(facts_new.skills))
    assert after[skill][0] > before[skill][0]


@PURE
@given(data=histories(), score=st.floats(0.0, 1.0), helped=hints, opened=editorial)
def test_a_submit_that_does_not_beat_the_best_earlier_score_changes_no_mass(
    data, score, helped, opened
):
    """Stronger than "never lowers": a later submit scoring at most the best earlier score of
    its challenge leaves every score exactly as it was."""
    facts, history = data
    cid = min(history)
    best = fold_attempts(history[cid]).best_score
    again = Attempt(
        at=later(last_time(history[cid]), 60),
        score=min(score, best),
        hints_before=helped,
        editorial_before=opened,
        submission_id=cid * 1000 + 999,
    )
    grown = {**history, cid: [*history[cid], again]}

    old_ev, new_ev = fold_attempts(history[cid]), fold_attempts(grown[cid])
    assert (new_ev.success, new_ev.success_at, new_ev.failure, new_ev.failure_at) == (
        old_ev.success,
        old_ev.success_at,
        old_ev.failure,
        old_ev.failure_at,
    )
    assert skill_scores(facts, grown) == skill_scores(facts, history)


# --- A harder solved challenge never counts less ------------------------------------------------


@PURE
@given(data=histories(), pick=st.integers(0, 10), harder_by=st.floats(0.01, 4.0))
def test_a_harder_challenge_never_counts_less_than_an_easier_one(data, pick, harder_by):
    """The same submits on a harder challenge (only its difficulty differs) never give a lower
    score or band bound on any skill: a solve counts more, a failure counts less."""
    facts, history = data
    cid = sorted(history)[pick % len(history)]
    easier = facts[cid]
    harder = ChallengeFacts(
        id=cid,
        slug=easier.slug,
        title=easier.title,
        difficulty=easier.difficulty + harder_by,
        label=easier.label,
        skills=easier.skills,
    )

    assert_not_lower(skill_scores({**facts, cid: harder}, history), skill_scores(facts, history))


@PURE
@given(difficulty=st.floats(-3.0, 2.0), harder_by=st.floats(0.05, 3.0), share=st.floats(0.1, 1.0))
def test_solving_a_harder_challenge_alone_counts_strictly_more(difficulty, harder_by, share):
    def solved(b: float) -> float:
        facts = {1: ChallengeFacts(1, "c", "C", b, "medium", {"algorithms": share})}
        history = {1: [Attempt(at=T0, score=1.0, submission_id=1)]}
        return skill_scores(facts, history)["algorithms"][0]

    assert solved(difficulty + harder_by) > solved(difficulty)


# --- Same evidence, same score ------------------------------------------------------------------


@PURE
@given(data=histories(max_challenges=5), seed=st.integers(0, 2**32 - 1))
def test_the_same_evidence_gives_the_same_scores_in_any_order(data, seed):
    """Shuffling each challenge's submits and the challenges' order, and computing again, gives
    exactly the same estimates and movers (no tolerance)."""
    facts, history = data
    rng = random.Random(seed)
    shuffled_history = {}
    for cid in rng.sample(sorted(history), len(history)):
        shuffled_history[cid] = rng.sample(history[cid], len(history[cid]))
    shuffled_facts = {cid: facts[cid] for cid in rng.sample(sorted(facts), len(facts))}

    first = score_skills(evidence=fold(history), facts=facts, skills=SKILLS, as_of=AS_OF)
    again = score_skills(evidence=fold(history), facts=facts, skills=SKILLS, as_of=AS_OF)
    shuffled = score_skills(
        evidence=fold(shuffled_history),
        facts=shuffled_facts,
        skills=list(reversed(SKILLS)),
        as_of=AS_OF,
    )

    assert first == again
    assert {s: shuffled[s] for s in SKILLS} == first


@PURE
@given(moment=st.integers(0, SPAN_MINUTES), tied=st.lists(scores, min_size=2, max_size=5))
def test_submits_at_the_same_moment_fold_the_same_in_any_order(moment, tied):
    """Even with no submission ids to break ties, the input order never matters."""
    at = T0 + timedelta(minutes=moment)
    submits = [Attempt(at=at, score=s, hints_before=i % 2) for i, s in enumerate(tied)]

    folded = {fold_attempts(list(order)) for order in itertools.permutations(submits)}

    assert len(folded) == 1


# --- Resubmitting accepted code gains nothing ---------------------------------------------------


@PURE
@given(
    data=histories(),
    accept_hints=hints,
    resubmits=st.lists(
        st.tuples(st.integers(1, 60 * 24 * 400), scores, hints, editorial), min_size=1, max_size=4
    ),
)
def test_resubmitting_after_an_accept_gains_nothing(data, accept_hints, resubmits):
    """After a challenge is accepted, any further submits of it (the same accepted code, or
    anything else, with any help, up to a year later) leave every score exactly equal."""
    facts, history = data
    cid = min(history)
    accepted = Attempt(
        at=later(last_time(history[cid]), 30),
        score=1.0,
        hints_before=accept_hints,
        submission_id=cid * 1000 + 900,
    )
    solved = {**history, cid: [*history[cid], accepted]}
    more = [
        Attempt(
            at=later(accepted.at, minutes),
            score=score,
            hints_before=h,
            editorial_before=e,
            submission_id=cid * 1000 + 901 + i,
        )
        for i, (minutes, score, h, e) in enumerate(resubmits)
    ]
    resubmitted = {**solved, cid: [*solved[cid], *more]}

    assert skill_scores(facts, resubmitted) == skill_scores(facts, solved)


# --- Solving after the editorial gains (almost) nothing -----------------------------------------

# The bound, from the folding rule and the model (docs in readiness.evidence and estimation):
# every submit after the editorial together raises a challenge's success mass by at most
# EDITORIAL_FACTOR (and never changes its failure mass; the bound below keeps room for both
# moving, so it also holds for the earlier rule that let it fall), each scaled by the
# skill's share (<= 1) and recency (<= 1). The posterior is the N(0, PRIOR_SD^2) prior times
# log-concave Rasch terms, so its variance is at most PRIOR_SD^2 (Brascamp-Lieb), and a likelihood
# term whose log has slope in [0, 1] moves it by at most variance * mass logits. On the 0-100
# scale that is at most POINTS_PER_LOGIT points per logit: 2.5 points with the constants of today.
EDITORIAL_GAIN_POINTS = POINTS_PER_LOGIT * PRIOR_SD**2 * 2 * EDITORIAL_FACTOR


@PURE
@given(
    data=histories(),
    before_editorial=st.booleans(),
    after=st.lists(st.tuples(st.integers(1, 60 * 24 * 30), scores, hints), min_size=1, max_size=5),
)
def test_solving_after_opening_the_editorial_gains_almost_nothing(data, before_editorial, after):
    """A challenge's submits after its editorial was opened (accepts included) raise any score
    or band bound by at most EDITORIAL_GAIN_POINTS over stopping when it was opened, whether or
    not the challenge had submits before."""
    facts, history = data
    cid = min(history)
    if not before_editorial:
        history = {k: v for k, v in history.items() if k != cid}
    opened_at = later(last_time(history[cid]), 1) if cid in history else T0
    earlier = history.get(cid, [])
    aided = [
        Attempt(
            at=later(opened_at, minutes),
            score=score,
            hints_before=h,
            editorial_before=True,
            submission_id=cid * 1000 + 900 + i,
        )
        for i, (minutes, score, h) in enumerate(after)
    ]
    baseline = skill_scores(facts, history)
    solved = skill_scores(facts, {**history, cid: [*earlier, *aided]})

    for skill in SKILLS:
        for new, old in zip(solved[skill], baseline[skill], strict=True):
            assert new - old <= EDITORIAL_GAIN_POINTS + EPS
    old_ev, new_ev = fold_attempts(earlier), fold_attempts([*earlier, *aided])
    assert new_ev.success <= max(old_ev.success, EDITORIAL_FACTOR)
    assert new_ev.failure >= (old_ev.failure - EDITORIAL_FACTOR if earlier else 0.0)


def test_the_editorial_bound_is_tight_enough_to_mean_something():
    """The bound is a few points, and an editorial-aided first solve does move the score."""
    facts = {1: ChallengeFacts(1, "c", "C", 1.0, "hard", {"algorithms": 1.0})}
    aided = {1: [Attempt(at=AS_OF, score=1.0, editorial_before=True, submission_id=1)]}
    clean = {1: [Attempt(at=AS_OF, score=1.0, submission_id=1)]}
    prior = skill_scores(facts, {})["algorithms"][0]

    gain = skill_scores(facts, aided)["algorithms"][0] - prior

    assert 0 < gain <= EDITORIAL_GAIN_POINTS
    assert skill_scores(facts, clean)["algorithms"][0] - prior > 4 * gain


# --- Probing submits count less than a first-time accept ----------------------------------------


@PURE
@given(
    data=histories(),
    probes=st.lists(st.floats(0.0, 1.0, exclude_max=True), min_size=1, max_size=10),
    helped=hints,
    opened=editorial,
)
def test_probing_then_accepting_counts_less_than_a_first_time_accept(data, probes, helped, opened):
    """n >= 1 submits scoring below 1, then an accept, all with the same help, never score above
    an accept at the first submit with that help; the success mass is probing_factor(n) of it."""
    facts, history = data
    history = {k: v for k, v in history.items() if k != 1}
    facts_1 = facts.get(1) or ChallengeFacts(1, "c1", "C1", 0.0, "medium", {"algorithms": 1.0})
    facts = {**facts, 1: facts_1}
    accept_at = AS_OF - timedelta(days=1)

    def submit(i: int, score: float) -> Attempt:
        return Attempt(
            at=accept_at - timedelta(minutes=len(probes) - i),
            score=score,
            hints_before=helped,
            editorial_before=opened,
            submission_id=1000 + i,
        )

    probed = [*(submit(i, s) for i, s in enumerate(probes)), submit(len(probes), 1.0)]
    first_time = [submit(len(probes), 1.0)]

    assert_not_lower(
        skill_scores(facts, {**history, 1: first_time}), skill_scores(facts, {**history, 1: probed})
    )
    assist = assistance_factor(hints=helped, editorial=opened)
    assert fold_attempts(probed).success == max(
        [s * probing_factor(i) * assist for i, s in enumerate(probes)]
        + [probing_factor(len(probes)) * assist]
    )
    assert fold_attempts(first_time).success == assist


@PURE
@given(fewer=st.integers(0, 15), more_by=st.integers(1, 15), share=st.floats(0.1, 1.0))
def test_more_failed_submits_before_the_accept_count_strictly_less(fewer, more_by, share):
    facts = {1: ChallengeFacts(1, "c", "C", 0.0, "medium", {"algorithms": share})}

    def probed(failures: int) -> float:
        submits = [
            Attempt(at=T0 + timedelta(minutes=i), score=0.0, submission_id=i)
            for i in range(failures)
        ]
        submits.append(Attempt(at=T0 + timedelta(minutes=failures), score=1.0, submission_id=99))
        return skill_scores(facts, {1: submits}, as_of=T0 + timedelta(days=1))["algorithms"][0]

    assert probed(fewer + more_by) < probed(fewer)


# --- The band narrows with more consistent evidence ---------------------------------------------


@PURE
@given(data=histories(max_challenges=3))
def test_the_band_narrows_with_more_consistent_evidence(data):
    """The same evidence repeated on 1, 2, 3 and 4 copies of its challenges (what a candidate
    performing at the same level shows) never widens any skill's band, on the logit scale or
    the 0-100 scale, beyond the grid's resolution (GRID_WIDTH_SLACK)."""
    facts, history = data
    evidence = fold(history)
    widths = []
    for copies in range(1, 5):
        facts_k, evidence_k = {}, {}
        for copy, (cid, ev) in itertools.product(range(copies), evidence.items()):
            f = facts[cid]
            twin = 100 * copy + cid
            facts_k[twin] = ChallengeFacts(twin, f.slug, f.title, f.difficulty, f.label, f.skills)
            evidence_k[twin] = ev
        results = score_skills(
            evidence=evidence_k, facts=facts_k, skills=SKILLS, as_of=AS_OF, explain=False
        )
        widths.append(
            {
                s: (r.estimate.theta_high - r.estimate.theta_low, r.estimate.high - r.estimate.low)
                for s, r in results.items()
            }
        )
    for fewer, more in itertools.pairwise(widths):
        for skill in SKILLS:
            assert more[skill][0] <= fewer[skill][0] + GRID_WIDTH_SLACK
            assert more[skill][1] <= fewer[skill][1] + GRID_WIDTH_SLACK * POINTS_PER_LOGIT


def test_consistent_accepts_narrow_the_band_strictly():
    facts = {1: ChallengeFacts(1, "c", "C", 0.0, "medium", {"algorithms": 1.0})}
    accept = fold_attempts([Attempt(at=AS_OF, score=1.0)])
    widths = []
    for copies in (1, 3, 10):
        twins = {
            cid: ChallengeFacts(cid, "c", "C", 0.0, "medium", {"algorithms": 1.0})
            for cid in range(copies)
        }
        result = score_skills(
            evidence=dict.fromkeys(twins, accept), facts=twins, skills=["algorithms"], as_of=AS_OF
        )["algorithms"]
        widths.append(result.estimate.high - result.estimate.low)
    prior = skill_scores(facts, {})["algorithms"]
    assert prior[2] - prior[1] > widths[0] > widths[1] > widths[2]


# --- More help never counts more ----------------------------------------------------------------


@PURE
@given(
    data=histories(),
    pick=st.integers(0, 10),
    moment=st.integers(0, SPAN_MINUTES),
    kind=st.sampled_from(["hint", "editorial"]),
)
def test_opening_help_at_any_moment_never_raises_any_skill(data, pick, moment, kind):
    """Opening one more hint, or the editorial, at any moment of a challenge's history (every
    submit from then on was made with it) never raises any score or band bound."""
    facts, history = data
    cid = sorted(history)[pick % len(history)]
    opened_at = T0 + timedelta(minutes=moment)
    helped = [
        Attempt(
            at=a.at,
            score=a.score,
            hints_before=a.hints_before + (kind == "hint" and a.at > opened_at),
            editorial_before=a.editorial_before or (kind == "editorial" and a.at > opened_at),
            submission_id=a.submission_id,
        )
        for a in history[cid]
    ]

    assert_not_lower(skill_scores(facts, history), skill_scores(facts, {**history, cid: helped}))


@PURE
@given(submits=attempts(max_size=6), extra=st.integers(1, 5))
def test_more_hints_before_every_submit_never_show_more(submits, extra):
    plain = fold_attempts(submits)
    helped = fold_attempts(
        [
            Attempt(a.at, a.score, a.hints_before + extra, a.editorial_before, a.submission_id)
            for a in submits
        ]
    )
    assert helped.success <= plain.success
    assert helped.failure >= plain.failure


# --- Recency: old evidence counts less ----------------------------------------------------------


@PURE
@given(data=histories(), older_by=st.integers(1, 3 * 365))
def test_the_same_evidence_counts_less_the_older_it_is(data, older_by):
    """Seen from a later moment, every challenge's effective masses shrink; so a history of
    accepts only (success) never scores higher, and one of failures only never lower."""
    facts, history = data
    evidence = fold(history)
    as_later = AS_OF + timedelta(days=older_by)
    for cid, ev in evidence.items():
        for skill in facts[cid].skills:
            now = observation(evidence=ev, facts=facts[cid], skill=skill, as_of=AS_OF)
            then = observation(evidence=ev, facts=facts[cid], skill=skill, as_of=as_later)
            assert then.success <= now.success
            assert then.failure <= now.failure

    def only(score: float) -> dict[int, list[Attempt]]:
        return {
            cid: [Attempt(a.at, score, a.hints_before, a.editorial_before, a.submission_id)]
            for cid, submits in history.items()
            for a in submits[:1]
        }

    assert_not_lower(skill_scores(facts, only(1.0)), skill_scores(facts, only(1.0), as_of=as_later))
    assert_not_lower(skill_scores(facts, only(0.0), as_of=as_later), skill_scores(facts, only(0.0)))


def test_a_year_old_accept_counts_visibly_less_than_a_fresh_one():
    facts = {1: ChallengeFacts(1, "c", "C", 0.0, "medium", {"algorithms": 1.0})}
    fresh = skill_scores(facts, {1: [Attempt(at=AS_OF, score=1.0)]})["algorithms"][0]
    old = skill_scores(facts, {1: [Attempt(at=AS_OF - timedelta(days=730), score=1.0)]})
    prior = skill_scores(facts, {})["algorithms"][0]
    assert prior < old["algorithms"][0] < fresh


# --- Partial credit is monotone in the score ----------------------------------------------------


@PURE
@given(data=histories(), lower=scores, raise_by=st.floats(0.0, 1.0))
def test_a_higher_score_on_the_latest_submit_never_counts_less(data, lower, raise_by):
    """Any history: the latest submit of a challenge scoring higher never lowers any skill."""
    facts, history = data
    cid = min(history)
    submits = sorted(history[cid], key=lambda a: (a.at, a.submission_id))
    last = submits[-1]

    def with_last(score: float):
        changed = Attempt(
            last.at, score, last.hints_before, last.editorial_before, last.submission_id
        )
        return skill_scores(facts, {**history, cid: [*submits[:-1], changed]})

    assert_not_lower(with_last(min(1.0, lower + raise_by)), with_last(lower))


@PURE
@given(data=histories(), pick=st.integers(0, 10), raise_by=st.floats(0.0, 1.0))
def test_a_higher_score_on_any_submit_never_counts_less_at_one_moment(data, pick, raise_by):
    """With recency out of play (all submits made at one moment, in id order), raising any one
    submit's score never lowers any skill. (Across time it can: raising a two-year-old partial
    score to an accept makes the accept two years old, and a fresh accept counts more.)"""
    facts, history = data
    at_once = {
        cid: [
            Attempt(AS_OF, a.score, a.hints_before, a.editorial_before, a.submission_id) for a in s
        ]
        for cid, s in history.items()
    }
    cid = min(at_once)
    i = pick % len(at_once[cid])
    a = at_once[cid][i]
    raised = Attempt(
        a.at, min(1.0, a.score + raise_by), a.hints_before, a.editorial_before, a.submission_id
    )
    changed = {**at_once, cid: [*at_once[cid][:i], raised, *at_once[cid][i + 1 :]]}

    assert_not_lower(skill_scores(facts, changed), skill_scores(facts, at_once))


# --- Total: any input, a score in [0, 100] with low <= score <= high, or a ValueError -----------

hostile_floats = st.one_of(
    st.floats(),
    st.sampled_from(
        [math.nan, math.inf, -math.inf, -0.0, -1.0, 1.0 + 1e-12, 1e300, -1e300, 5e-324, 2.0]
    ),
)
hostile_attempts = st.lists(
    st.builds(
        Attempt,
        at=st.datetimes(timezones=st.just(UTC)),
        score=hostile_floats,
        hints_before=st.one_of(st.integers(-(10**6), 10**6), st.integers(-(10**400), 10**400)),
        editorial_before=st.booleans(),
        submission_id=st.one_of(st.none(), st.integers(-(2**63), 2**63)),
    ),
    max_size=8,
)


def assert_valid(est) -> None:
    for value in (est.score, est.low, est.high, est.theta, est.theta_low, est.theta_high):
        assert math.isfinite(value)
    assert 0.0 <= est.low <= est.score <= est.high <= 100.0
    assert est.theta_low <= est.theta <= est.theta_high


@PURE
@given(submits=hostile_attempts)
def test_folding_is_total_over_hostile_scores_and_counts(submits):
    """NaN scores are left out (not a grade), others clamped into [0, 1]; any hint count; the
    masses always land in [0, 1]."""
    ev = fold_attempts(submits)

    graded = [a for a in submits if not math.isnan(a.score)]
    assert ev == fold_attempts(graded)
    assert ev.submits == len(graded)
    for mass in (ev.success, ev.failure, ev.best_score):
        assert 0.0 <= mass <= 1.0
    assert 0 <= ev.hints_opened <= 32767


@PURE
@given(
    history=st.dictionaries(st.integers(1, 6), hostile_attempts.filter(bool), max_size=4),
    difficulties=st.lists(st.floats(-1e3, 1e3), min_size=6, max_size=6),
    as_of=st.datetimes(timezones=st.just(UTC)),
)
def test_scores_stay_on_the_scale_for_any_submits(history, difficulties, as_of):
    """Whatever the submits hold and whenever they are seen from, every skill's estimate is
    finite with 0 <= low <= score <= high <= 100."""
    facts = {
        cid: ChallengeFacts(
            cid, f"c{cid}", "C", difficulties[cid - 1], "medium", {SKILLS[cid % 3]: 1.0}
        )
        for cid in history
    }
    results = score_skills(evidence=fold(history), facts=facts, skills=SKILLS, as_of=as_of)
    for result in results.values():
        assert_valid(result.estimate)
        for mover in result.movers:
            assert math.isfinite(mover.delta)


def _valid_observation(obs: Observation) -> bool:
    return math.isfinite(obs.difficulty) and all(
        math.isfinite(m) and m >= 0 for m in (obs.success, obs.failure)
    )


@PURE
@given(rows=st.lists(st.tuples(hostile_floats, hostile_floats, hostile_floats), max_size=6))
def test_estimation_is_total_by_rejection(rows):
    """An observation with a non-finite number or a negative mass is refused with ValueError,
    alone or among others, through estimate() and log_likelihood() alike. Valid ones give a valid
    estimate, unless mass * |difficulty| is beyond 1e300 and overflows the log posterior, which is
    refused with ValueError too. Nothing else is ever raised."""
    observations = [Observation(b, s, f) for b, s, f in rows]
    invalid = [o for o in observations if not _valid_observation(o)]
    for obs in invalid:
        with pytest.raises(ValueError, match="must be"):
            log_likelihood(obs)
    try:
        est = estimate(observations)
    except ValueError:
        # Overflow needs a log likelihood term beyond the float range: mass * |difficulty|.
        assert invalid or (
            math.fsum((o.success + o.failure) * (abs(o.difficulty) + 10) for o in observations)
            > 1e300
        )
    else:
        assert not invalid
        assert_valid(est)


@PURE
@given(
    rows=st.lists(
        st.tuples(st.floats(-1e6, 1e6), st.floats(0.0, 1e6), st.floats(0.0, 1e6)), max_size=8
    )
)
def test_estimation_of_any_realistic_magnitudes_is_valid(rows):
    assert_valid(estimate(Observation(b, s, f) for b, s, f in rows))


def test_ten_thousand_submits_of_one_challenge_fold_in_order():
    submits = [
        Attempt(at=T0 + timedelta(seconds=i), score=0.0, submission_id=i) for i in range(10**4)
    ]
    submits.append(Attempt(at=T0 + timedelta(days=1), score=1.0, submission_id=10**4))

    ev = fold_attempts(list(reversed(submits)))

    assert (ev.submits, ev.success, ev.failure) == (10**4 + 1, probing_factor(10**4), 1.0)
    assert ev.best_submission_id == 10**4


# --- The same promises through the database (readiness_refresh) ---------------------------------

_slugs = itertools.count()


def _challenge(**skills: float):
    return published_challenge(f"prop-{next(_slugs)}", skills=skills or {"sql-querying": 1.0})


def _stored(rows) -> dict[str, tuple[float, float, float]]:
    return {row.skill.slug: (row.score, row.low, row.high) for row in rows}


@pytest.mark.django_db
@DB
@given(steps=st.lists(st.tuples(scores, st.booleans()), min_size=2, max_size=5))
def test_each_graded_submit_never_lowers_the_stored_scores(steps):
    """Submit after submit (some after opening a hint), each refresh stores scores and band
    bounds at least those of the refresh before."""
    user = UserFactory()
    challenge = _challenge(**{"sql-querying": 0.6, "algorithms": 0.4})
    previous = None
    for i, (score, hint_first) in enumerate(steps):
        when = T0 + timedelta(hours=i + 1)
        if hint_first:
            AssistEvent.objects.create(
                user=user,
                challenge=challenge,
                kind="hint",
                index=i,
                created_at=when - timedelta(minutes=1),
            )
        graded_submit(user, challenge, score=score, when=when)
        stored = _stored(readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=AS_OF))
        if previous is not None:
            for skill, bounds in stored.items():
                for new, old in zip(bounds, previous[skill], strict=True):
                    assert new >= old - EPS
        previous = stored


@pytest.mark.django_db
def test_resubmitting_accepted_code_stores_exactly_the_same_scores():
    user = UserFactory()
    challenge = _challenge()
    graded_submit(user, challenge, score=0.25, when=T0)
    assist_event_record(user_id=user.pk, challenge_id=challenge.pk, kind="hint", index=0)
    now = datetime.now(UTC)
    graded_submit(user, challenge, score=1.0, when=now + timedelta(minutes=1))
    before = _stored(readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=AS_OF))
    evidence_before = ChallengeEvidence.objects.get(user=user, challenge=challenge)

    for minutes in (2, 3, 4):
        graded_submit(user, challenge, score=1.0, when=now + timedelta(minutes=minutes))
    graded_submit(user, challenge, score=0.0, when=now + timedelta(minutes=5))
    after = _stored(readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=AS_OF))

    assert after == before
    evidence = ChallengeEvidence.objects.get(user=user, challenge=challenge)
    assert evidence.submits == 6
    assert (evidence.success, evidence.failure, evidence.success_at, evidence.failure_at) == (
        evidence_before.success,
        evidence_before.failure,
        evidence_before.success_at,
        evidence_before.failure_at,
    )


@pytest.mark.django_db
def test_solving_after_opening_the_editorial_stores_at_most_the_bounded_gain():
    user = UserFactory()
    challenge = _challenge()
    now = datetime.now(UTC)
    as_of = now + timedelta(days=1)
    graded_submit(user, challenge, score=0.0, when=now - timedelta(hours=1))
    before = _stored(readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=as_of))

    assist_event_record(user_id=user.pk, challenge_id=challenge.pk, kind="editorial")
    graded_submit(user, challenge, score=1.0, when=now + timedelta(minutes=5))
    after = _stored(readiness_refresh(user_id=user.pk, challenge_id=challenge.pk, as_of=as_of))

    for new, old in zip(after["sql-querying"], before["sql-querying"], strict=True):
        assert old - EPS <= new <= old + EDITORIAL_GAIN_POINTS
    evidence = ChallengeEvidence.objects.get(user=user, challenge=challenge)
    assert evidence.editorial_opened is True
    assert evidence.success == EDITORIAL_FACTOR * probing_factor(1)
    assert evidence.failure == 1.0  # the first submit's failure stays


@pytest.mark.django_db
def test_probing_through_the_database_counts_less_than_a_first_time_accept():
    prober, natural = UserFactory(), UserFactory()
    challenge = _challenge()
    for i in range(5):
        graded_submit(prober, challenge, score=0.0, when=T0 + timedelta(minutes=i))
    graded_submit(prober, challenge, score=1.0, when=T0 + timedelta(minutes=10))
    graded_submit(natural, challenge, score=1.0, when=T0 + timedelta(minutes=10))

    probed = _stored(readiness_refresh(user_id=prober.pk, challenge_id=challenge.pk, as_of=AS_OF))
    first = _stored(readiness_refresh(user_id=natural.pk, challenge_id=challenge.pk, as_of=AS_OF))

    assert probed["sql-querying"][0] < first["sql-querying"][0]
    assert ChallengeEvidence.objects.get(user=prober).success == probing_factor(5)
    assert ChallengeEvidence.objects.get(user=natural).success == 1.0


@pytest.mark.django_db
def test_opening_a_hint_before_the_accept_never_stores_more():
    plain, helped = UserFactory(), UserFactory()
    challenge = _challenge()
    now = datetime.now(UTC)
    for user in (plain, helped):
        graded_submit(user, challenge, score=0.0, when=now - timedelta(hours=1))
    assist_event_record(user_id=helped.pk, challenge_id=challenge.pk, kind="hint", index=0)
    for user in (plain, helped):
        graded_submit(user, challenge, score=1.0, when=now + timedelta(minutes=5))

    as_of = now + timedelta(days=1)
    with_hint = _stored(
        readiness_refresh(user_id=helped.pk, challenge_id=challenge.pk, as_of=as_of)
    )
    without = _stored(readiness_refresh(user_id=plain.pk, challenge_id=challenge.pk, as_of=as_of))

    assert with_hint["sql-querying"][0] < without["sql-querying"][0]


@pytest.mark.django_db
@DB
@given(
    submits=st.lists(
        st.tuples(st.integers(0, 10**6), scores), min_size=1, max_size=5, unique_by=lambda t: t[0]
    )
)
def test_the_same_submits_store_the_same_scores_whatever_the_insertion_order(submits):
    first, second = UserFactory(), UserFactory()
    challenge = _challenge(**{"sql-querying": 0.5, "data-modelling": 0.5})
    for user, order in ((first, submits), (second, list(reversed(submits)))):
        for minute, score in order:
            graded_submit(user, challenge, score=score, when=T0 + timedelta(minutes=minute))

    a = _stored(readiness_refresh(user_id=first.pk, challenge_id=challenge.pk, as_of=AS_OF))
    b = _stored(readiness_refresh(user_id=second.pk, challenge_id=challenge.pk, as_of=AS_OF))
    again = _stored(readiness_refresh(user_id=first.pk, challenge_id=challenge.pk, as_of=AS_OF))

    assert a == b == again
