"""Why a skill scores what it does: the challenges that moved it most, and what is missing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from readiness.evidence import Evidence
from readiness.scoring import ChallengeFacts, SkillResult

# Wider than this (in score points), the band is called wide.
WIDE_BAND = 35.0
STALE_AFTER = timedelta(days=180)
# Submits on one challenge from which an accept is called "after many submits".
MANY_SUBMITS = 4


def explanation_for(
    *,
    result: SkillResult,
    evidence: Mapping[int, Evidence],
    facts: Mapping[int, ChallengeFacts],
    as_of: datetime,
) -> dict:
    """JSON stored with the score: movers (leave-one-out deltas) and plain-English gaps."""
    movers = [
        {
            "challenge": facts[m.challenge_id].slug,
            "title": facts[m.challenge_id].title,
            "difficulty": facts[m.challenge_id].label,
            "submission_id": m.submission_id,
            "delta": round(m.delta, 1),
        }
        for m in result.movers
        if m.challenge_id in facts
    ]
    return {
        "movers": movers,
        "missing": _missing(result=result, evidence=evidence, facts=facts, as_of=as_of),
    }


def _missing(
    *,
    result: SkillResult,
    evidence: Mapping[int, Evidence],
    facts: Mapping[int, ChallengeFacts],
    as_of: datetime,
) -> list[str]:
    skill = result.skill
    mine = {cid: ev for cid, ev in evidence.items() if cid in facts and skill in facts[cid].skills}
    if not mine:
        return ["No submit on this skill yet: the score is the starting estimate for everyone."]
    notes = []
    solved = {cid for cid, ev in mine.items() if ev.best_score >= 1.0}
    if not any(facts[cid].label == "hard" for cid in solved):
        notes.append("No hard challenge solved yet: a hard solve counts the most.")
    est = result.estimate
    if est.high - est.low > WIDE_BAND:
        notes.append(
            f"The band is wide ({est.low:.0f}-{est.high:.0f}): more submits on this skill "
            "would narrow it."
        )
    latest = max(
        (at for ev in mine.values() for at in (ev.success_at, ev.failure_at) if at is not None),
        default=None,
    )
    if latest is not None and as_of - latest > STALE_AFTER:
        notes.append("The latest evidence is over six months old and counts for less.")
    assisted = sum(1 for ev in mine.values() if ev.editorial_opened)
    if assisted:
        notes.append(
            f"{assisted} challenge(s) submitted after opening the editorial count for little."
        )
    probed = sum(1 for cid, ev in mine.items() if cid in solved and ev.submits >= MANY_SUBMITS)
    if probed:
        notes.append(
            f"{probed} challenge(s) accepted only after {MANY_SUBMITS} or more submits count "
            "less than a first-time accept."
        )
    return notes
