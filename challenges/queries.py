"""Reads on challenges (selectors): what candidates may see."""

from __future__ import annotations

from django.db.models import QuerySet

from challenges.models import Challenge, TestCase


def challenge_list_published() -> QuerySet[Challenge]:
    return (
        Challenge.objects.filter(is_published=True, current_version__isnull=False)
        .select_related("current_version")
        .prefetch_related("skills")
    )


def challenge_get_published(*, slug: str) -> Challenge:
    """Raises Challenge.DoesNotExist for unknown or unpublished slugs."""
    return challenge_list_published().get(slug=slug)


def version_examples(version_id: int) -> QuerySet[TestCase]:
    return TestCase.objects.filter(
        version_id=version_id, visibility=TestCase.Visibility.EXAMPLE
    ).order_by("ordinal")
