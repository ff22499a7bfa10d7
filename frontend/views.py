"""Page views: thin, reading through selectors; data for scripts comes from the API."""

from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from accounts.services import user_create
from challenges.models import Challenge
from challenges.queries import (
    challenge_get_published,
    challenge_list_filtered,
    challenge_list_published,
    skill_list_published,
    sql_schema_for,
    version_examples,
    version_questions,
)
from frontend.forms import CatalogueFilters, SignUpForm
from submissions.queries import challenge_solved_by


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("frontend:catalogue")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = user_create(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("frontend:catalogue")
    return render(request, "frontend/account/signup.html", {"form": form})


def home(request: HttpRequest) -> HttpResponse:
    by_kind = dict(
        challenge_list_published(user=request.user)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
    )
    return render(
        request,
        "frontend/home.html",
        {"count": sum(by_kind.values()), "by_kind": by_kind},
    )


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    filters = CatalogueFilters(request.GET, skills=skill_list_published(user=request.user))
    filters.is_valid()  # cleaned_data then holds only the valid filters
    return render(
        request,
        "frontend/catalogue.html",
        {
            "filters": filters,
            "challenges": list(challenge_list_filtered(user=request.user, **filters.cleaned_data)),
            "total": challenge_list_published(user=request.user).count(),
        },
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
        # Table -> columns, for the editor's completion.
        context["sql_completion"] = {
            table["name"]: [column["name"] for column in table["columns"]]
            for table in context["sql_schema"] or []
        }
    if challenge.kind == Challenge.Kind.DESIGN:
        context["questions"] = version_questions(version_id=version.pk)
    return render(request, "frontend/challenge.html", context)
