"""The readiness simulation benchmark: its statistics are right and its --quick run is sane."""

import math
import random
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from benchmarks import readiness_simulation as sim
from readiness.evidence import Attempt, fold_attempts


def test_average_ranks_share_ties():
    assert sim.average_ranks([10.0, 20.0, 20.0, 30.0, 20.0]) == [1.0, 3.0, 3.0, 5.0, 3.0]
    assert sim.average_ranks([]) == []


def test_spearman_with_ties_is_the_pearson_correlation_of_average_ranks():
    assert sim.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert sim.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # Ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): covariance 4.5, variances 4.5 and 5.
    assert sim.spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(4.5 / (4.5 * 5.0) ** 0.5)
    assert sim.spearman([5, 5, 5], [1, 2, 3]) == 0.0


def test_a_submit_scores_whole_cases_and_a_strong_candidate_solves_more():
    rng = random.Random(1)
    scores = [sim.submit_score(rng, ability=0.0, difficulty=0.0) for _ in range(4000)]
    assert set(scores) <= {k / sim.CASES for k in range(sim.CASES + 1)}
    strong = [sim.submit_score(rng, ability=2.0, difficulty=0.0) for _ in range(4000)]
    assert sum(strong) > sum(scores)
    # The expected score of an average candidate on a challenge at their level is about one half.
    assert sum(scores) / len(scores) == pytest.approx(0.5, abs=0.03)


def test_the_catalogue_has_the_real_packages_shape():
    manifests = sim.load_manifests()
    catalogue = sim.build_catalogue(manifests, copies=2, rng=random.Random(3))

    assert len(manifests) >= 100
    assert len(catalogue) == 2 * len(manifests)
    for manifest in manifests:
        assert sum(manifest.skills.values()) == pytest.approx(1.0)
        assert manifest.label in {"easy", "medium", "hard"}
    first = catalogue[1]
    assert first.facts.skills == dict(manifests[0].skills)
    assert first.facts.difficulty == {"easy": -1.0, "medium": 0.0, "hard": 1.0}[first.facts.label]


def test_the_same_seed_gives_the_same_numbers():
    kwargs = {"candidates": 12, "levels": (3,), "passes": 1, "behaviours": (sim.REALISTIC,)}

    assert sim.run(**kwargs) == sim.run(**kwargs)


def test_quick_run_prints_a_sane_table(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["readiness_simulation", "--quick"])

    sim.main()

    out = capsys.readouterr().out
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in out.splitlines()
        if line.startswith(f"| {sim.REALISTIC.name} |")
    ]
    quality = [r for r in rows if len(r) == 8]
    difficulty = [r for r in rows if len(r) == 5]
    assert [(r[1], r[3]) for r in quality] == [
        ("3", "labels"),
        ("3", "re-estimated, 2 passes"),
        ("10", "labels"),
        ("10", "re-estimated, 2 passes"),
    ]
    assert [r[1] for r in difficulty] == ["3", "10"]
    by_level = {(r[1], r[3]): r for r in quality}
    for (level, _), row in by_level.items():
        assert float(row[2]) >= int(level)  # mean attempts per skill, at least the level
        assert 0.75 <= float(row[6].rstrip("%")) / 100 <= 0.97  # band coverage
    three, ten = by_level[("3", "labels")], by_level[("10", "labels")]
    # More attempts rank better and narrow the band; a broken estimator ranks near zero.
    assert float(ten[4]) > float(three[4])
    assert float(ten[4]) >= 0.35
    assert float(ten[7]) < float(three[7])
    # Re-estimation brings the difficulties closer to the truth than the labels.
    ten_difficulty = next(r for r in difficulty if r[1] == "10")
    assert int(ten_difficulty[2]) > 0
    assert float(ten_difficulty[4]) < float(ten_difficulty[3])


def _attempts(*scores, hints=0):
    start = datetime(2026, 1, 1, tzinfo=UTC)
    return [
        Attempt(at=start + timedelta(minutes=n), score=s, hints_before=hints, submission_id=n + 1)
        for n, s in enumerate(scores)
    ]


def test_the_real_rule_keeps_the_first_failure_and_the_what_if_erases_it():
    probed = _attempts(0.0, 0.0, 0.0, 1.0)

    real = sim.EVIDENCE_RULES["real"](probed)
    erased = sim.EVIDENCE_RULES["erase-failure"](probed)

    assert sim.EVIDENCE_RULES["real"] is fold_attempts
    assert real.failure == 1.0
    assert erased.failure == 0.0
    # Only the failure mass differs: success is the platform's (probed: 1 / (1 + 0.25 * 3)).
    assert replace(erased, failure=real.failure) == real
    assert real.success == pytest.approx(1 / 1.75)


def test_the_what_if_lowers_failure_by_assistance_times_the_improvement():
    # 0.4, then 0.7 after 1 hint: failure 0.6 - 0.8 * 0.3; a worse submit then changes nothing.
    assert sim.fold_erasing_failure(_attempts(0.4, 0.7, 0.5, hints=1)).failure == pytest.approx(
        0.6 - 0.8 * 0.3
    )
    assert sim.fold_erasing_failure(_attempts(0.4)).failure == pytest.approx(0.6)


def test_the_oracle_reference_is_labelled_and_its_exact_band_is_calibrated():
    manifests = sim.single_skill(sim.load_manifests())

    (result,) = sim.run(
        candidates=30, levels=(5,), behaviours=(sim.CLEAN,), manifests=manifests, oracle=True
    )
    (platform,) = sim.run(candidates=30, levels=(5,), behaviours=(sim.CLEAN,), manifests=manifests)

    assert result.oracle
    assert result.fitted_challenges == 0
    # The same simulated responses: the oracle's true difficulties rank at least about as well.
    assert result.by_label.attempts == platform.by_label.attempts
    assert result.reestimated.spearman >= platform.by_label.spearman - 0.02
    assert 0.85 <= result.reestimated.coverage <= 0.95
    table = sim.markdown([result], candidates=30, passes=2, seed=sim.SEED)
    assert "oracle: exact Bayes posterior" in table
    assert "Difficulty recovery" not in table


def test_the_exact_likelihood_is_a_distribution_over_the_scores():
    total = [0.0] * len(sim.GRID)
    for passed in range(sim.CASES + 1):
        for i, v in enumerate(sim.exact_log_likelihood(passed / sim.CASES, 0.3)):
            total[i] += math.exp(v)
    assert all(t == pytest.approx(1.0) for t in total)


def test_the_oracle_refuses_multi_skill_challenges():
    with pytest.raises(ValueError, match="single-skill"):
        sim.run(candidates=3, levels=(3,), behaviours=(sim.CLEAN,), oracle=True)
