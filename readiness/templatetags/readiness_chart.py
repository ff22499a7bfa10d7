"""{% readiness_chart skills %}: per-skill scores with their 90% bands as one accessible chart."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template

register = template.Library()


def _field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)


def chart_rows(skills: Iterable[Any]) -> list[dict]:
    """Rows the chart template draws: numbers clamped to 0-100 and rounded for the SVG."""
    rows = []
    for item in skills:
        score, low, high = (
            min(100.0, max(0.0, float(_field(item, key)))) for key in ("score", "low", "high")
        )
        low, high = min(low, score), max(high, score)
        rows.append(
            {
                "slug": _field(item, "slug"),
                "name": _field(item, "name"),
                "score": round(score),
                "low": round(low),
                "high": round(high),
                "x_low": f"{low:.2f}",
                "band_width": f"{high - low:.2f}",
                "x_score": f"{score:.2f}",
                "challenges": int(_field(item, "challenges") or 0),
            }
        )
    return rows


@register.inclusion_tag("readiness/chart.html")
def readiness_chart(skills: Iterable[Any], caption: str = "Readiness per skill") -> dict:
    """Takes SkillView objects or snapshot dicts (slug, name, score, low, high, challenges)."""
    return {"rows": chart_rows(skills), "caption": caption}
