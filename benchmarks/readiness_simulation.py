"""The readiness model on simulated candidates (issue 12): rank correlation and band coverage.

Candidates with known per-skill abilities attempt challenges under a known response model; their
submits go through the real code path (readiness.evidence.fold_attempts, then
readiness.scoring.score_skills) and the estimates are compared with the truth. Pure Python, a
fixed seed, no database: the same command prints the same table.

The simulated catalogue has the real catalogue's shape: every manifest under
challenges/catalogue/ (its skills, weight shares and difficulty label) appears COPIES times, each
copy with its own true difficulty b = label value + N(0, 0.5).

The response model (the truth the estimator does not see):

- a candidate has theta_s ~ N(0, 1) for each canonical skill, independently;
- on a challenge with shares w_s, their ability is the compensatory eta = sum_s w_s * theta_s;
- help is real: h hints opened before the first submit add 0.4 * h logits, the editorial 3;
- a challenge has 10 test cases at offsets d_k evenly spaced in [-1, 1] around b (edge cases
  are harder); a submit draws one performance eta + help + u, u ~ Logistic(0, 1), and passes
  exactly the cases with b + d_k below it: score = passed / 10 (partial credit; a full solve has
  chance sigma(eta + help - b - 1), the expected score is about sigma(eta + help - b));
- behaviour: 20% of (candidate, challenge) pairs open 1-3 hints first, 5% the editorial; 15% of
  candidates are probers who resubmit a failing challenge up to 9 more times until it passes;
  the others resubmit a non-full score with chance 0.4, at most twice. Each resubmit is a fresh
  draw at the same ability (luck, not learning);
- a candidate's challenges are spread over the 60 days before the scoring date.

Each candidate attempts, skill by skill in a random order, fresh random challenges that train
the skill until every skill has at least N attempted challenges (a multi-skill challenge counts
for each of its skills, so many skills end above N: the table gives the mean).

Difficulty re-estimation is readiness.calibration.fit_difficulty fed exactly as
readiness.recalibration does (attempter's ability = their estimates weighted by the shares),
then everyone is rescored; PASSES rounds, as the daily task would do.

Two references beside the platform's numbers, both labelled in the output: `--single-skill`
(each challenge trains only its main skill: what the multi-skill catalogue costs) and
`--evidence keep-failure` (a what-if folding rule, see fold_keeping_failure).

    .venv/bin/python -m benchmarks.readiness_simulation [--candidates 400] [--quick]
        [--single-skill] [--evidence real|keep-failure]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import time
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from readiness.calibration import MIN_CANDIDATES, Response, fit_difficulty
from readiness.estimation import LABEL_DIFFICULTY
from readiness.evidence import Attempt, Evidence, fold_attempts
from readiness.scoring import ChallengeFacts, score_skills

CATALOGUE = Path(__file__).resolve().parent.parent / "challenges" / "catalogue"
SEED = 20261129
COPIES = 4
DIFFICULTY_NOISE_SD = 0.5
CASES = 10
CASE_SPREAD = 1.0
HINT_BOOST, EDITORIAL_BOOST = 0.4, 3.0
PROBER_MAX_SUBMITS, RETRY_MAX = 10, 2
HISTORY_DAYS = 60
AS_OF = datetime(2026, 11, 1, tzinfo=UTC)
LEVELS = (3, 5, 10, 20)
QUICK_LEVELS = (3, 10)
QUICK_CANDIDATES = 60
PASSES = 2


Fold = Callable[[Sequence[Attempt]], Evidence]


def fold_keeping_failure(attempts: Sequence[Attempt]) -> Evidence:
    """What-if, not the platform's rule: readiness.evidence's folding with one change, a later
    submit never lowers the failure mass the first submit set (probing can't erase failures)."""
    ordered = sorted(attempts, key=lambda a: (a.at, a.submission_id or 0))
    folded = fold_attempts(ordered)
    first = fold_attempts(ordered[:1])
    return replace(folded, failure=first.failure, failure_at=first.failure_at)


EVIDENCE_RULES: dict[str, Fold] = {"real": fold_attempts, "keep-failure": fold_keeping_failure}


def single_skill(manifests: Sequence[Manifest]) -> list[Manifest]:
    """Reference catalogue: each challenge trains only its main skill (share 1)."""
    return [
        Manifest(slug=m.slug, label=m.label, skills={max(m.skills, key=m.skills.get): 1.0})
        for m in manifests
    ]


@dataclass(frozen=True)
class Behaviour:
    """How often candidates take help or resubmit (see the module docstring)."""

    name: str
    hint_rate: float = 0.20
    editorial_rate: float = 0.05
    prober_rate: float = 0.15
    retry_rate: float = 0.4


REALISTIC = Behaviour("hints, editorial, resubmits, probers")
CLEAN = Behaviour(
    "no help, one submit each", hint_rate=0.0, editorial_rate=0.0, prober_rate=0.0, retry_rate=0.0
)


@dataclass(frozen=True)
class Manifest:
    slug: str
    label: str
    skills: Mapping[str, float]


@dataclass(frozen=True)
class SimChallenge:
    facts: ChallengeFacts  # difficulty = the label's value, as a new catalogue starts
    true_difficulty: float


@dataclass
class Candidate:
    theta: dict[str, float]
    evidence: dict[int, Evidence] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)  # skill -> challenges attempted


@dataclass(frozen=True)
class Quality:
    spearman: float  # per skill over candidates, averaged over skills
    spearman_min: float  # the worst skill
    coverage: float  # share of (candidate, skill) whose 90% band holds the true theta
    band_width: float  # mean width of the band, score points
    attempts: float  # mean attempted challenges per (candidate, skill)


@dataclass(frozen=True)
class LevelResult:
    level: int
    behaviour: str
    by_label: Quality
    reestimated: Quality
    difficulty_rmse_label: float  # true b vs the label's value
    difficulty_rmse_fitted: float  # true b vs the re-estimated b
    fitted_challenges: int


def load_manifests(root: Path = CATALOGUE) -> list[Manifest]:
    """Every challenge package's skills, shares and label, in slug order."""
    found = []
    for path in sorted(root.glob("**/challenge.toml")):
        data = tomllib.loads(path.read_text())
        skills = {str(k): float(v) for k, v in data.get("skills", {}).items()}
        if skills:
            found.append(Manifest(slug=data["slug"], label=data["difficulty"], skills=skills))
    return found


def build_catalogue(
    manifests: Sequence[Manifest], *, copies: int, rng: random.Random
) -> dict[int, SimChallenge]:
    catalogue = {}
    for copy in range(copies):
        for manifest in manifests:
            cid = len(catalogue) + 1
            label_b = LABEL_DIFFICULTY[manifest.label]
            catalogue[cid] = SimChallenge(
                facts=ChallengeFacts(
                    id=cid,
                    slug=f"{manifest.slug}-{copy}",
                    title=manifest.slug,
                    difficulty=label_b,
                    label=manifest.label,
                    skills=dict(manifest.skills),
                ),
                true_difficulty=label_b + rng.gauss(0.0, DIFFICULTY_NOISE_SD),
            )
    return catalogue


def submit_score(rng: random.Random, *, ability: float, difficulty: float) -> float:
    """One submit's graded share of the cases under the response model."""
    u = rng.random()
    performance = ability + math.log(u / (1.0 - u)) if 0.0 < u < 1.0 else ability
    passed = sum(
        1
        for k in range(CASES)
        if difficulty + CASE_SPREAD * (2.0 * k / (CASES - 1) - 1.0) < performance
    )
    return passed / CASES


def attempt_challenge(
    rng: random.Random,
    *,
    candidate: Candidate,
    challenge: SimChallenge,
    prober: bool,
    start: datetime,
    behaviour: Behaviour,
    fold: Fold = fold_attempts,
) -> Evidence:
    """The candidate's submits of one challenge, folded by the real evidence rules."""
    eta = sum(w * candidate.theta[s] for s, w in challenge.facts.skills.items())
    hints, editorial = 0, False
    draw = rng.random()
    if draw < behaviour.editorial_rate:
        editorial = True
    elif draw < behaviour.editorial_rate + behaviour.hint_rate:
        hints = rng.randint(1, 3)
    help_ = EDITORIAL_BOOST if editorial else HINT_BOOST * hints
    attempts = []
    max_submits = PROBER_MAX_SUBMITS if prober else 1 + RETRY_MAX
    for n in range(max_submits):
        score = submit_score(rng, ability=eta + help_, difficulty=challenge.true_difficulty)
        attempts.append(
            Attempt(
                at=start + timedelta(minutes=10 * n),
                score=score,
                hints_before=hints,
                editorial_before=editorial,
                submission_id=n + 1,
            )
        )
        if score >= 1.0 or not (prober or rng.random() < behaviour.retry_rate):
            break
    return fold(attempts)


def simulate_population(
    rng: random.Random,
    *,
    catalogue: Mapping[int, SimChallenge],
    skills: Sequence[str],
    candidates: int,
    level: int,
    behaviour: Behaviour,
    fold: Fold = fold_attempts,
) -> list[Candidate]:
    by_skill: dict[str, list[int]] = defaultdict(list)
    for cid, challenge in catalogue.items():
        for skill in challenge.facts.skills:
            by_skill[skill].append(cid)
    population = []
    for _ in range(candidates):
        candidate = Candidate(theta={s: rng.gauss(0.0, 1.0) for s in skills})
        candidate.attempts = dict.fromkeys(skills, 0)
        prober = rng.random() < behaviour.prober_rate
        order = list(skills)
        rng.shuffle(order)
        for skill in order:
            pool = [cid for cid in by_skill[skill] if cid not in candidate.evidence]
            rng.shuffle(pool)
            while candidate.attempts[skill] < level and pool:
                cid = pool.pop()
                start = AS_OF - timedelta(days=rng.uniform(0.0, HISTORY_DAYS), hours=1)
                candidate.evidence[cid] = attempt_challenge(
                    rng,
                    candidate=candidate,
                    challenge=catalogue[cid],
                    prober=prober,
                    start=start,
                    behaviour=behaviour,
                    fold=fold,
                )
                for trained in catalogue[cid].facts.skills:
                    candidate.attempts[trained] += 1
        population.append(candidate)
    return population


def estimate_population(
    population: Sequence[Candidate], *, facts: Mapping[int, ChallengeFacts], skills: Sequence[str]
) -> list[dict[str, tuple[float, float, float, float]]]:
    """Per candidate, per skill: (theta, theta_low, theta_high, band width in score points)."""
    estimates = []
    for candidate in population:
        results = score_skills(
            evidence=candidate.evidence, facts=facts, skills=skills, as_of=AS_OF, explain=False
        )
        estimates.append(
            {
                s: (
                    r.estimate.theta,
                    r.estimate.theta_low,
                    r.estimate.theta_high,
                    r.estimate.high - r.estimate.low,
                )
                for s, r in results.items()
            }
        )
    return estimates


def reestimate(
    population: Sequence[Candidate],
    estimates: Sequence[Mapping[str, tuple[float, float, float, float]]],
    *,
    facts: Mapping[int, ChallengeFacts],
) -> tuple[dict[int, ChallengeFacts], int]:
    """One pass of readiness.recalibration's fit on the simulated population."""
    responses: dict[int, list[Response]] = defaultdict(list)
    for candidate, estimate in zip(population, estimates, strict=True):
        for cid, ev in candidate.evidence.items():
            theta = sum(w * estimate[s][0] for s, w in facts[cid].skills.items())
            responses[cid].append(Response(theta=theta, success=ev.success, failure=ev.failure))
    fitted, count = {}, 0
    for cid, challenge in facts.items():
        found = responses.get(cid, [])
        label_b = LABEL_DIFFICULTY[challenge.label]
        b = label_b
        if len(found) >= MIN_CANDIDATES:
            b = fit_difficulty(label=label_b, responses=found)
            count += 1
        fitted[cid] = ChallengeFacts(
            id=challenge.id,
            slug=challenge.slug,
            title=challenge.title,
            difficulty=b,
            label=challenge.label,
            skills=challenge.skills,
        )
    return fitted, count


def average_ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing the average of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    if sxx == 0.0 or syy == 0.0:
        return 0.0
    return sxy / math.sqrt(sxx * syy)


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho: the Pearson correlation of the average ranks."""
    return pearson(average_ranks(xs), average_ranks(ys))


def quality(
    population: Sequence[Candidate],
    estimates: Sequence[Mapping[str, tuple[float, float, float, float]]],
    skills: Sequence[str],
) -> Quality:
    rhos = []
    covered = total = 0
    widths = []
    attempts = []
    for skill in skills:
        truth = [c.theta[skill] for c in population]
        rhos.append(spearman(truth, [e[skill][0] for e in estimates]))
        for c, e in zip(population, estimates, strict=True):
            _, low, high, width = e[skill]
            covered += low <= c.theta[skill] <= high
            total += 1
            widths.append(width)
            attempts.append(c.attempts[skill])
    return Quality(
        spearman=statistics.fmean(rhos),
        spearman_min=min(rhos),
        coverage=covered / total,
        band_width=statistics.fmean(widths),
        attempts=statistics.fmean(attempts),
    )


def rmse(pairs: Iterable[tuple[float, float]]) -> float:
    squares = [(a - b) ** 2 for a, b in pairs]
    return math.sqrt(statistics.fmean(squares))


def run_level(
    *,
    level: int,
    candidates: int,
    manifests: Sequence[Manifest],
    passes: int,
    seed: int,
    behaviour: Behaviour = REALISTIC,
    fold: Fold = fold_attempts,
) -> LevelResult:
    # One stream per level: the same catalogue and abilities whatever the behaviour.
    rng = random.Random(f"{seed}-{level}")
    catalogue = build_catalogue(manifests, copies=COPIES, rng=rng)
    skills = sorted({s for m in manifests for s in m.skills})
    population = simulate_population(
        rng,
        catalogue=catalogue,
        skills=skills,
        candidates=candidates,
        level=level,
        behaviour=behaviour,
        fold=fold,
    )
    facts = {cid: c.facts for cid, c in catalogue.items()}
    estimates = estimate_population(population, facts=facts, skills=skills)
    by_label = quality(population, estimates, skills)
    fitted_facts, fitted = facts, 0
    for _ in range(passes):
        fitted_facts, fitted = reestimate(population, estimates, facts=facts)
        estimates = estimate_population(population, facts=fitted_facts, skills=skills)
    attempted = {cid for c in population for cid in c.evidence}
    return LevelResult(
        level=level,
        behaviour=behaviour.name,
        by_label=by_label,
        reestimated=quality(population, estimates, skills),
        difficulty_rmse_label=rmse(
            (catalogue[cid].true_difficulty, facts[cid].difficulty) for cid in attempted
        ),
        difficulty_rmse_fitted=rmse(
            (catalogue[cid].true_difficulty, fitted_facts[cid].difficulty) for cid in attempted
        ),
        fitted_challenges=fitted,
    )


def run(
    *,
    candidates: int,
    levels: Sequence[int] = LEVELS,
    passes: int = PASSES,
    seed: int = SEED,
    manifests: Sequence[Manifest] | None = None,
    behaviours: Sequence[Behaviour] = (REALISTIC, CLEAN),
    fold: Fold = fold_attempts,
) -> list[LevelResult]:
    manifests = list(manifests if manifests is not None else load_manifests())
    return [
        run_level(
            level=n,
            candidates=candidates,
            manifests=manifests,
            passes=passes,
            seed=seed,
            behaviour=behaviour,
            fold=fold,
        )
        for behaviour in behaviours
        for n in levels
    ]


def markdown(results: Sequence[LevelResult], *, candidates: int, passes: int, seed: int) -> str:
    rows = []
    for r in results:
        for name, q in (("labels", r.by_label), (f"re-estimated, {passes} passes", r.reestimated)):
            rows.append(
                f"| {r.behaviour} | {r.level} | {q.attempts:.1f} | {name} | {q.spearman:.3f} "
                f"| {q.spearman_min:.3f} | {100 * q.coverage:.1f}% | {q.band_width:.1f} |"
            )
    difficulty_rows = [
        f"| {r.behaviour} | {r.level} | {r.fitted_challenges} | {r.difficulty_rmse_label:.3f} "
        f"| {r.difficulty_rmse_fitted:.3f} |"
        for r in results
    ]
    return "\n".join(
        [
            f"{candidates} simulated candidates per row, 13 skills each, seed {seed}, "
            f"{COPIES} copies of each of the catalogue's challenges.",
            "",
            "| behaviour | attempts per skill (at least) | mean attempts | difficulties "
            "| Spearman (mean over skills) | worst skill | 90% band coverage "
            "| mean band width (points) |",
            "|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            "Difficulty recovery: root mean square error against the true difficulty, over the "
            "challenges someone attempted.",
            "",
            "| behaviour | attempts per skill | challenges re-fitted | RMSE of the label "
            "| RMSE re-estimated |",
            "|---|---|---|---|---|",
            *difficulty_rows,
            "",
            "Targets: Spearman >= 0.9 from 10 attempts per skill; coverage 90 +- 3%.",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=400)
    parser.add_argument("--passes", type=int, default=PASSES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_CANDIDATES} candidates, {QUICK_LEVELS} attempts, realistic behaviour only",
    )
    parser.add_argument(
        "--evidence",
        choices=sorted(EVIDENCE_RULES),
        default="real",
        help="real: readiness.evidence.fold_attempts; keep-failure: a what-if rule",
    )
    parser.add_argument(
        "--single-skill",
        action="store_true",
        help="reference: every challenge trains only its main skill",
    )
    args = parser.parse_args()
    manifests = load_manifests()
    if args.single_skill:
        manifests = single_skill(manifests)
    candidates = QUICK_CANDIDATES if args.quick else args.candidates
    started = time.perf_counter()
    results = run(
        candidates=candidates,
        levels=QUICK_LEVELS if args.quick else LEVELS,
        passes=args.passes,
        seed=args.seed,
        behaviours=(REALISTIC,) if args.quick else (REALISTIC, CLEAN),
        manifests=manifests,
        fold=EVIDENCE_RULES[args.evidence],
    )
    print(
        f"Evidence rule: {args.evidence}; catalogue: "
        f"{'each challenge on its main skill only' if args.single_skill else 'real shares'}.\n"
    )
    print(markdown(results, candidates=candidates, passes=args.passes, seed=args.seed))
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
