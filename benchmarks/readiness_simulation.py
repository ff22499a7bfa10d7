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

Three references beside the platform's numbers, each labelled in the output:

- `--single-skill`: each challenge trains only its main skill (what the multi-skill catalogue
  costs);
- `--oracle`: the ceiling. A single-skill catalogue, no help, one submit per challenge, and the
  estimator given the TRUE difficulties (no re-estimation): one row is the platform's estimator
  with them, the other the exact Bayes posterior of the response model (oracle_estimates), which
  no estimator fed one such response per attempt can beat on average;
- `--evidence erase-failure`: a what-if folding rule, NOT the platform's: the rule
  readiness.evidence used before (a later submit that beats the best earlier score lowers the
  failure mass by assistance * the improvement, never below 0; see fold_erasing_failure).
  `--evidence real` (the default) is readiness.evidence.fold_attempts, where a later submit never
  changes the failure mass the first submit set.

    .venv/bin/python -m benchmarks.readiness_simulation [--candidates 400] [--quick]
        [--single-skill | --oracle] [--evidence real|erase-failure]
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
from readiness.estimation import GRID, LABEL_DIFFICULTY, estimate_from_log_posterior
from readiness.evidence import (
    Attempt,
    Evidence,
    assistance_factor,
    fold_attempts,
    graded_in_order,
)
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


def fold_erasing_failure(attempts: Sequence[Attempt]) -> Evidence:
    """What-if, NOT the platform's rule: the folding readiness.evidence used before it was
    changed to keep the first submit's failure. Everything is readiness.evidence.fold_attempts
    except the failure mass: a later submit that beats the best earlier score lowers failure by
    assistance * (score - that best score), never below 0, so a prober's final accept erases
    the failure of their earlier submits. failure_at stays the first submit's time, as it was."""
    folded = fold_attempts(attempts)
    graded = graded_in_order(attempts)
    failure, best, hints, editorial = 0.0, 0.0, 0, False
    for earlier, (attempt, score) in enumerate(graded):
        hints = max(hints, attempt.hints_before)
        editorial = editorial or bool(attempt.editorial_before)
        if earlier == 0:
            failure = 1.0 - score
        elif score > best:
            assist = assistance_factor(hints=hints, editorial=editorial)
            failure = max(0.0, failure - assist * (score - best))
        best = max(best, score)
    return replace(folded, failure=min(1.0, max(0.0, failure)))


EVIDENCE_RULES: dict[str, Fold] = {"real": fold_attempts, "erase-failure": fold_erasing_failure}


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
    # --oracle: by_label is the platform's estimator given the TRUE difficulties, reestimated the
    # exact posterior of the response model (see oracle_estimates); nothing is re-fitted.
    oracle: bool = False


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


def case_thresholds(difficulty: float) -> list[float]:
    """The true difficulty of each test case (submit_score passes those below the draw)."""
    return [difficulty + CASE_SPREAD * (2.0 * k / (CASES - 1) - 1.0) for k in range(CASES)]


def exact_log_likelihood(score: float, difficulty: float) -> list[float]:
    """log P(this score | theta) on GRID under the response model, for a single-skill challenge
    submitted once without help: `passed` cases means the performance theta + u fell between
    the thresholds of case passed - 1 and case passed, and P(theta + u > c) = sigma(theta - c)."""
    thresholds = case_thresholds(difficulty)
    passed = round(score * CASES)
    lower = thresholds[passed - 1] if passed > 0 else None
    upper = thresholds[passed] if passed < CASES else None
    values = []
    for theta in GRID:
        above_lower = 1.0 if lower is None else 1.0 / (1.0 + math.exp(lower - theta))
        above_upper = 0.0 if upper is None else 1.0 / (1.0 + math.exp(upper - theta))
        values.append(math.log(max(above_lower - above_upper, 1e-300)))
    return values


def oracle_estimates(
    population: Sequence[Candidate], *, catalogue: Mapping[int, SimChallenge], skills: Sequence[str]
) -> list[dict[str, tuple[float, float, float, float]]]:
    """Reference, NOT the platform's estimator: the exact Bayes posterior of each skill given the
    truth the platform never has (the N(0, 1) ability prior, the true difficulties, the 10-case
    logistic response model, no recency since abilities don't change). Its median ranks as well
    as any estimator fed these responses can (up to sampling noise), and its 90% band is
    calibrated by construction. Only for single-skill challenges submitted once without help
    (--oracle)."""
    prior = [-0.5 * theta * theta for theta in GRID]
    cache: dict[tuple[int, float], list[float]] = {}
    estimates = []
    for candidate in population:
        logp = {s: list(prior) for s in skills}
        for cid, ev in candidate.evidence.items():
            challenge = catalogue[cid]
            unhelped = not ev.hints_opened and not ev.editorial_opened
            if len(challenge.facts.skills) != 1 or ev.submits != 1 or not unhelped:
                raise ValueError("the oracle needs single-skill challenges, one unhelped submit")
            key = (cid, ev.best_score)
            if key not in cache:
                cache[key] = exact_log_likelihood(ev.best_score, challenge.true_difficulty)
            (skill,) = challenge.facts.skills
            logp[skill] = [a + b for a, b in zip(logp[skill], cache[key], strict=True)]
        row = {}
        for s in skills:
            e = estimate_from_log_posterior(logp[s], evidence=0.0)
            row[s] = (e.theta, e.theta_low, e.theta_high, e.high - e.low)
        estimates.append(row)
    return estimates


def run_level(
    *,
    level: int,
    candidates: int,
    manifests: Sequence[Manifest],
    passes: int,
    seed: int,
    behaviour: Behaviour = REALISTIC,
    fold: Fold = fold_attempts,
    oracle: bool = False,
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
    attempted = {cid for c in population for cid in c.evidence}
    if oracle:
        true_facts = {
            cid: replace(c.facts, difficulty=c.true_difficulty) for cid, c in catalogue.items()
        }
        return LevelResult(
            level=level,
            behaviour=behaviour.name,
            by_label=quality(
                population,
                estimate_population(population, facts=true_facts, skills=skills),
                skills,
            ),
            reestimated=quality(
                population, oracle_estimates(population, catalogue=catalogue, skills=skills), skills
            ),
            difficulty_rmse_label=rmse(
                (catalogue[cid].true_difficulty, facts[cid].difficulty) for cid in attempted
            ),
            difficulty_rmse_fitted=0.0,  # given the truth
            fitted_challenges=0,
            oracle=True,
        )
    estimates = estimate_population(population, facts=facts, skills=skills)
    by_label = quality(population, estimates, skills)
    fitted_facts, fitted = facts, 0
    for _ in range(passes):
        fitted_facts, fitted = reestimate(population, estimates, facts=facts)
        estimates = estimate_population(population, facts=fitted_facts, skills=skills)
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
    oracle: bool = False,
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
            oracle=oracle,
        )
        for behaviour in behaviours
        for n in levels
    ]


def markdown(results: Sequence[LevelResult], *, candidates: int, passes: int, seed: int) -> str:
    rows = []
    for r in results:
        names = (
            ("oracle: true difficulties, platform estimator", "oracle: exact Bayes posterior")
            if r.oracle
            else ("labels", f"re-estimated, {passes} passes")
        )
        for name, q in zip(names, (r.by_label, r.reestimated), strict=True):
            rows.append(
                f"| {r.behaviour} | {r.level} | {q.attempts:.1f} | {name} | {q.spearman:.3f} "
                f"| {q.spearman_min:.3f} | {100 * q.coverage:.1f}% | {q.band_width:.1f} |"
            )
    difficulty_rows = [
        f"| {r.behaviour} | {r.level} | {r.fitted_challenges} | {r.difficulty_rmse_label:.3f} "
        f"| {r.difficulty_rmse_fitted:.3f} |"
        for r in results
        if not r.oracle
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
            *(
                [
                    "",
                    "Difficulty recovery: root mean square error against the true difficulty, "
                    "over the challenges someone attempted.",
                    "",
                    "| behaviour | attempts per skill | challenges re-fitted | RMSE of the label "
                    "| RMSE re-estimated |",
                    "|---|---|---|---|---|",
                    *difficulty_rows,
                ]
                if difficulty_rows
                else []
            ),
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
        help="real: readiness.evidence.fold_attempts, the platform's rule; erase-failure: "
        "what-if, the previous rule (a later better submit lowers the failure mass)",
    )
    parser.add_argument(
        "--single-skill",
        action="store_true",
        help="reference: every challenge trains only its main skill",
    )
    parser.add_argument(
        "--oracle",
        action="store_true",
        help="reference ceiling: single-skill, no help, one submit, the estimator given the true "
        "difficulties (and the exact posterior of the response model); no re-estimation",
    )
    args = parser.parse_args()
    if args.oracle and args.evidence != "real":
        parser.error("--oracle uses one submit per challenge: the evidence rule plays no part")
    manifests = load_manifests()
    if args.single_skill or args.oracle:
        manifests = single_skill(manifests)
    candidates = QUICK_CANDIDATES if args.quick else args.candidates
    started = time.perf_counter()
    results = run(
        candidates=candidates,
        levels=QUICK_LEVELS if args.quick else LEVELS,
        passes=args.passes,
        seed=args.seed,
        behaviours=(CLEAN,) if args.oracle else (REALISTIC,) if args.quick else (REALISTIC, CLEAN),
        manifests=manifests,
        fold=EVIDENCE_RULES[args.evidence],
        oracle=args.oracle,
    )
    rule = "real (the platform's)" if args.evidence == "real" else f"{args.evidence} (what-if)"
    catalogue = (
        "each challenge on its main skill only"
        if args.single_skill or args.oracle
        else "real shares"
    )
    oracle = "; ORACLE reference, not the platform's estimator" if args.oracle else ""
    print(f"Evidence rule: {rule}; catalogue: {catalogue}{oracle}.\n")
    print(markdown(results, candidates=candidates, passes=args.passes, seed=args.seed))
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
