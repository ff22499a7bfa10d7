"""The worked example of docs/readiness.md, computed by the platform's own scoring code.

One candidate, four challenges that train money-correctness, scored step by step; then why the
skills are scored independently: a compensatory two-skill model would lower one skill when the
candidate solves more of the other ("explaining away"), the platform's model never does.

    .venv/bin/python docs/examples/readiness_worked_example.py
"""

from __future__ import annotations

import math
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from readiness.estimation import (
    GRID,
    LABEL_DIFFICULTY,
    PRIOR_ESTIMATE,
    log_sigmoid,
    to_scale,
)
from readiness.evidence import Attempt, fold_attempts
from readiness.scoring import ChallengeFacts, observation, score_skill

SKILL = "money-correctness"
AS_OF = datetime(2026, 11, 1, 12, tzinfo=UTC)
DAY = timedelta(days=1)

# (catalogue challenge, label, skills, submits: (days before AS_OF, score, hints, editorial))
HISTORY = [
    (
        "double-entry-ledger",
        "easy",
        {"money-correctness": 0.6, "python-correctness": 0.4},
        [(90, 0.7, 0, False), (90 - 1 / 72, 1.0, 1, False)],
    ),
    (
        "invoice-split-minor-units",
        "medium",
        {"money-correctness": 0.7, "python-correctness": 0.3},
        [(40, 1.0, 0, False)],
    ),
    (
        "bank-statement-reconciliation",
        "hard",
        {"money-correctness": 0.6, "algorithms": 0.4},
        [(10, 0.4, 0, False)],
    ),
    (
        "ledger-balance-backfill",
        "hard",
        {"money-correctness": 0.5, "sql-analytics": 0.5},
        [(2, 1.0, 0, True)],
    ),
]


def main() -> None:
    facts, evidence = {}, {}
    prior = PRIOR_ESTIMATE
    print(f"Prior: median {prior.score:.1f}, 90% band {prior.low:.1f}-{prior.high:.1f}\n")
    print(
        "| step | challenge (label, share) | submits (score, help) | success, failure masses "
        "| recency | slope, location | median | 90% band |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for step, (slug, label, skills, submits) in enumerate(HISTORY, start=1):
        cid = step
        facts[cid] = ChallengeFacts(
            id=cid,
            slug=slug,
            title=slug,
            difficulty=LABEL_DIFFICULTY[label],
            label=label,
            skills=skills,
        )
        attempts = [
            Attempt(
                at=AS_OF - days * DAY,
                score=score,
                hints_before=hints,
                editorial_before=editorial,
                submission_id=100 * step + n,
            )
            for n, (days, score, hints, editorial) in enumerate(submits)
        ]
        evidence[cid] = fold_attempts(attempts)
        obs = observation(evidence=evidence[cid], facts=facts[cid], skill=SKILL, as_of=AS_OF)
        result = score_skill(evidence=evidence, facts=facts, skill=SKILL, as_of=AS_OF)
        est = result.estimate
        shown = ", ".join(
            f"{score:g}"
            + (" after the editorial" if editorial else f" after {hints} hint" if hints else "")
            for _, score, hints, editorial in submits
        )
        ev = evidence[cid]
        age = (AS_OF - (ev.success_at or ev.failure_at)).days
        print(
            f"| {step} | {slug} ({label}, {skills[SKILL]:g}) | {shown} "
            f"| {ev.success:.3f}, {ev.failure:.3f} | {age} days: "
            f"{obs.success / ev.success if ev.success else obs.failure / ev.failure:.3f} "
            f"| {obs.discrimination:.3f}, {obs.difficulty:+.2f} | {est.score:.1f} "
            f"| {est.low:.1f}-{est.high:.1f} |"
        )
    print("\nMoved it most (leave-one-out, score points):\n")
    for mover in result.movers:
        print(f"- {facts[mover.challenge_id].slug}: {mover.delta:+.1f}")


def compensatory_mean(solves: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Posterior means of (sql, algorithms) under a joint compensatory Rasch model with a
    N(0, I) prior: P(solve) = sigma(w_sql * sql + w_alg * alg - b), on the platform's grid."""
    weights = {}
    for sql in GRID:
        for alg in GRID:
            logp = -0.5 * (sql * sql + alg * alg)
            for w_sql, w_alg, b in solves:
                logp += log_sigmoid(w_sql * sql + w_alg * alg - b)
            weights[sql, alg] = logp
    top = max(weights.values())
    total = mean_sql = mean_alg = 0.0
    for (sql, alg), logp in weights.items():
        p = math.exp(logp - top)
        total += p
        mean_sql += p * sql
        mean_alg += p * alg
    return mean_sql / total, mean_alg / total


def explaining_away() -> None:
    mixed = (0.5, 0.5, LABEL_DIFFICULTY["medium"])  # X: SQL 0.5 + algorithms 0.5, medium
    pure_sql = (1.0, 0.0, LABEL_DIFFICULTY["hard"])  # Y: SQL only, hard
    print("\nExplaining away (posterior means, 0-100):\n")
    print("| solved | compensatory: sql | compensatory: algorithms | platform: algorithms |")
    print("|---|---|---|---|")
    facts = {
        1: ChallengeFacts(
            id=1,
            slug="x",
            title="x",
            difficulty=0.0,
            label="medium",
            skills={"sql-querying": 0.5, "algorithms": 0.5},
        ),
        2: ChallengeFacts(
            id=2, slug="y", title="y", difficulty=1.0, label="hard", skills={"sql-querying": 1.0}
        ),
    }
    solved = fold_attempts([Attempt(at=AS_OF, score=1.0)])
    for name, solves, evidence in (
        ("X", [mixed], {1: solved}),
        ("X, then Y", [mixed, pure_sql], {1: solved, 2: solved}),
    ):
        sql, alg = compensatory_mean(solves)
        ours = score_skill(evidence=evidence, facts=facts, skill="algorithms", as_of=AS_OF)
        print(f"| {name} | {to_scale(sql):.1f} | {to_scale(alg):.1f} | {ours.estimate.score:.1f} |")


if __name__ == "__main__":
    main()
    explaining_away()
