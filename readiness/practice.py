"""Practise next: unsolved challenges that would lift the weakest heavily-weighted skill of a role,
or tell the most about the skills it weighs (narrow their bands).

Both use the item model the scores come from (readiness.scoring.item_parameters): for a skill
at ability theta, a challenge is solved with p = sigma(slope * (theta - location)), slope and
location set by the skill's share of the challenge, and a submit carries Fisher information
slope^2 * p(1 - p) about theta, the most at p = 1/2. So:

- narrow: expected information = sum over the role's skills of
  weight share x slope^2 x p(1 - p) at the skill's current theta;
- lift: the skill with the largest weight x (threshold - score) gap, and challenges on it the
  candidate would solve about 50-75% of the time (a solve that moves the score, with a fair
  chance of making it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from challenges.queries import challenge_list_published
from readiness.catalogue import challenge_facts
from readiness.estimation import PRIOR_ESTIMATE
from readiness.models import RoleProfile
from readiness.overview import stored_thetas, weights_of
from readiness.queries import SkillView, skill_views
from readiness.scoring import ChallengeFacts, information, solve_chance
from submissions.queries import challenges_with_progress

LIFT_SUGGESTIONS = 3
NARROW_SUGGESTIONS = 3
# The solve chance a "lift" suggestion aims for: likely enough to succeed, hard enough to count.
LIFT_WINDOW = (0.50, 0.75)
# Without a role, every skill weighs the same and the weakest is measured against this score.
NO_ROLE_TARGET = 100.0


@dataclass(frozen=True)
class Suggestion:
    slug: str
    title: str
    kind: str
    difficulty: str  # the author's label
    aim: str  # "lift" or "narrow"
    skill: str  # the skill it is suggested for (slug)
    skill_name: str
    solve_chance: float  # 0-1, on that skill at the candidate's current estimate
    information: float  # the role-weighted expected information (see the module docstring)
    reason: str


@dataclass(frozen=True)
class WeakestSkill:
    slug: str
    name: str
    score: float
    target: float  # the role's threshold (or NO_ROLE_TARGET)
    weight: float  # the skill's share of the role


@dataclass(frozen=True)
class PractisePlan:
    role: RoleProfile | None
    weakest: WeakestSkill | None
    suggestions: list[Suggestion]


def _pct(p: float) -> str:
    return f"{round(p * 100)}%"


def weakest_skill(
    *, shares: Mapping[str, float], views: Mapping[str, SkillView], target: float
) -> WeakestSkill | None:
    """The skill with the largest share x (target - score) gap; None when every skill clears it."""
    position = {slug: n for n, slug in enumerate(views)}
    gaps = [
        (shares[slug] * (target - views[slug].score), shares[slug], position[slug], slug)
        for slug in shares
        if slug in views and views[slug].score < target
    ]
    if not gaps:
        return None
    # Largest gap; then the heavier skill; then the canonical order, so ties break the same way.
    _, share, _, slug = min(gaps, key=lambda g: (-g[0], -g[1], g[2]))
    view = views[slug]
    return WeakestSkill(slug=slug, name=view.name, score=view.score, target=target, weight=share)


def _information(
    facts: ChallengeFacts, shares: Mapping[str, float], thetas: Mapping[str, float]
) -> tuple[float, str | None]:
    """The challenge's role-weighted information, and the skill contributing the most."""
    total, best, best_skill = 0.0, -1.0, None
    for slug, share in sorted(facts.skills.items()):
        if slug not in shares or share <= 0:
            continue
        term = shares[slug] * information(facts=facts, skill=slug, theta=thetas[slug])
        total += term
        if term > best:
            best, best_skill = term, slug
    return total, best_skill


def _window_distance(p: float) -> float:
    low, high = LIFT_WINDOW
    return max(low - p, 0.0, p - high)


def practise_next(
    *, user, role: RoleProfile | None, skills: list[SkillView] | None = None
) -> PractisePlan:
    """Suggestions for `role` (None: every skill weighs the same), lift first, then narrow.

    Only published challenges the candidate may practise and hasn't solved; the order is fully
    determined by the stored scores and the catalogue (ties break on the challenge's slug).
    `skills`: the candidate's skill views when the caller already read them.
    """
    views = {v.slug: v for v in (skills if skills is not None else skill_views(user=user))}
    if role is not None:
        weights = weights_of(role)
        target = float(role.threshold)
    else:
        weights = dict.fromkeys(views, 1.0)
        target = NO_ROLE_TARGET
    total = sum(weights.values())
    shares = {slug: w / total for slug, w in weights.items() if slug in views} if total else {}
    stored = stored_thetas(user=user)
    thetas = {slug: stored.get(slug, PRIOR_ESTIMATE.theta) for slug in views}
    names = {slug: view.name for slug, view in views.items()}

    unsolved = challenges_with_progress(challenge_list_published(user=user), user=user).filter(
        solved=False
    )
    kinds = dict(unsolved.values_list("pk", "kind"))
    facts = challenge_facts(kinds)
    ordered = sorted(facts.values(), key=lambda f: f.slug)

    weakest = weakest_skill(shares=shares, views=views, target=target)
    suggestions: list[Suggestion] = []
    if weakest is not None:
        suggestions += _lift(ordered, kinds, weakest, thetas[weakest.slug], shares, thetas, role)
    picked = {s.slug for s in suggestions}
    suggestions += _narrow(
        [f for f in ordered if f.slug not in picked], kinds, shares, thetas, views, names, role
    )
    return PractisePlan(role=role, weakest=weakest, suggestions=suggestions)


def _for_role(role: RoleProfile | None) -> str:
    return f"for {role.name}" if role is not None else "across all skills"


def _lift(
    ordered: list[ChallengeFacts],
    kinds: Mapping[int, str],
    weakest: WeakestSkill,
    theta: float,
    shares: Mapping[str, float],
    thetas: Mapping[str, float],
    role: RoleProfile | None,
) -> list[Suggestion]:
    ranked = []
    for facts in ordered:
        share = facts.skills.get(weakest.slug, 0.0)
        if share <= 0:
            continue
        p = solve_chance(facts=facts, skill=weakest.slug, theta=theta)
        # In the window first, the largest share x (1 - p) there (how much of the skill it
        # trains, times how much a solve would surprise the model); outside, the nearest.
        ranked.append(((_window_distance(p), -share * (1.0 - p), facts.slug), facts, p))
    ranked.sort(key=lambda r: r[0])
    standing = (
        f"{weakest.name} is your weakest heavily-weighted skill {_for_role(role)} "
        f"({weakest.score:.0f}, aiming for {weakest.target:.0f})"
        if role is not None
        else f"{weakest.name} is your weakest skill ({weakest.score:.0f})"
    )
    out = []
    for (distance, _, _), facts, p in ranked[:LIFT_SUGGESTIONS]:
        chance = (
            f"you would solve this one about {_pct(p)} of the time, a fair chance of a solve "
            "that counts"
            if distance == 0
            else f"your solve chance here, about {_pct(p)}, is the nearest to 50-75% among "
            "what is left"
        )
        told, _ = _information(facts, shares, thetas)
        out.append(
            Suggestion(
                slug=facts.slug,
                title=facts.title,
                kind=kinds[facts.id],
                difficulty=facts.label,
                aim="lift",
                skill=weakest.slug,
                skill_name=weakest.name,
                solve_chance=p,
                information=told,
                reason=f"{standing}: {chance}.",
            )
        )
    return out


def _narrow(
    ordered: list[ChallengeFacts],
    kinds: Mapping[int, str],
    shares: Mapping[str, float],
    thetas: Mapping[str, float],
    views: Mapping[str, SkillView],
    names: Mapping[str, str],
    role: RoleProfile | None,
) -> list[Suggestion]:
    ranked = []
    for facts in ordered:
        told, skill = _information(facts, shares, thetas)
        if skill is None or told <= 0:
            continue
        ranked.append(((-told, facts.slug), facts, told, skill))
    ranked.sort(key=lambda r: r[0])
    out = []
    for _, facts, told, skill in ranked[:NARROW_SUGGESTIONS]:
        p = solve_chance(facts=facts, skill=skill, theta=thetas[skill])
        view = views[skill]
        out.append(
            Suggestion(
                slug=facts.slug,
                title=facts.title,
                kind=kinds[facts.id],
                difficulty=facts.label,
                aim="narrow",
                skill=skill,
                skill_name=names.get(skill, skill),
                solve_chance=p,
                information=told,
                reason=(
                    f"Narrows the band on {view.name} (now {view.low:.0f}-{view.high:.0f}): "
                    f"at about a {_pct(p)} solve chance its result tells the most about the "
                    f"skills that matter {_for_role(role)}."
                ),
            )
        )
    return out
