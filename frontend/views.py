"""Page views: thin, reading through selectors; data for scripts comes from the API."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from challenges.models import Challenge
from challenges.queries import (
    challenge_get_published,
    challenge_list_published,
    sql_schema_for,
    version_examples,
)
from submissions.queries import challenge_solved_by


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/home.html",
        {"count": challenge_list_published(user=request.user).count()},
    )


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/catalogue.html",
        {"challenges": challenge_list_published(user=request.user)},
    )


@login_required
def challenge_page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        challenge = challenge_get_published(slug=slug, user=request.user)
    except Challenge.DoesNotExist:
        raise Http404("No such challenge.") from None
    version = challenge.current_version
    context = {
        "challenge": challenge,
        "version": version,
        "examples": version_examples(version.pk),
        "solved": challenge_solved_by(user=request.user, challenge_id=challenge.pk),
    }
    if challenge.kind == Challenge.Kind.SQL:
        context["sql_schema"] = sql_schema_for(version)
    if challenge.kind == Challenge.Kind.DESIGN:
        context["questions"] = version.cases.order_by("ordinal")
    return render(request, "frontend/challenge.html", context)
