"""Page views: thin, reading through selectors; data for scripts comes from the API."""

from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.humanize.templatetags.humanize import apnumber
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from accounts.services import user_create
from accounts.throttles import throttle_attempt, throttle_message
from challenges.api.views import CATALOGUE_PAGE_SIZE
from challenges.kinds import kind_choices, kind_for
from challenges.models import Challenge
from challenges.queries import (
    challenge_detail,
    challenge_list_filtered,
    challenge_list_published,
    skill_list_published,
)
from frontend.forms import CatalogueFilters, SignUpForm
from jobs.access import access_is_employer
from submissions.drafts import draft_for


def _throttled(response: HttpResponse, wait_s: int) -> HttpResponse:
    response.status_code = 429
    response["Retry-After"] = str(wait_s)
    return response


class SignInView(auth_views.LoginView):
    """Django's sign-in page, with the sign-in budgets (shared with POST /api/auth/token/)."""

    def get_default_redirect_url(self) -> str:
        # With no ?next=, people who hire land on their employer home, others on the catalogue.
        if access_is_employer(self.request.user):
            return reverse("jobs:employer-home")
        return super().get_default_redirect_url()

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        username = request.POST.get("username", "")
        wait = throttle_attempt(scope="sign_in", request=request, account=username)
        if wait is None:
            return super().post(request, *args, **kwargs)
        # An unbound form: binding it would check the password, which is what we refuse to do.
        form = self.get_form_class()(request, initial={"username": username})
        context = self.get_context_data(form=form, throttled=throttle_message(wait))
        return _throttled(self.render_to_response(context), wait)


class PasswordResetView(auth_views.PasswordResetView):
    """Each request may send an email: limited per client IP and per address asked for."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        email = request.POST.get("email", "")
        wait = throttle_attempt(scope="password_reset", request=request, account=email)
        if wait is None:
            return super().post(request, *args, **kwargs)
        form = self.get_form_class()(initial={"email": email})
        context = self.get_context_data(form=form, throttled=throttle_message(wait))
        return _throttled(self.render_to_response(context), wait)


def _next_after_sign_up(request: HttpRequest) -> str:
    """Where ?next= points (an invitation link, say), if it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else ""


def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("frontend:catalogue")
    next_url = _next_after_sign_up(request)
    if request.method == "POST":
        email = request.POST.get("email", "")
        wait = throttle_attempt(scope="sign_up", request=request, account=email)
        if wait is not None:
            form = SignUpForm(
                initial={"username": request.POST.get("username", ""), "email": email}
            )
            context = {"form": form, "throttled": throttle_message(wait), "next": next_url}
            return _throttled(render(request, "frontend/account/signup.html", context), wait)
    # A team invitation's page links here with its address, so the account matches it.
    initial = {"email": request.GET.get("email", "")[:254]}
    form = SignUpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        user = user_create(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(next_url or "frontend:catalogue")
    return render(request, "frontend/account/signup.html", {"form": form, "next": next_url})


def home(request: HttpRequest) -> HttpResponse:
    by_kind = dict(
        challenge_list_published(user=request.user)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
    )
    # Each kind advertises itself with its own card (frontend/kinds/<kind>/card.html).
    kinds = [
        {"name": name, "label": label, "card_template": card, "count": by_kind.get(name, 0)}
        for name, label in kind_choices()
        if (card := kind_for(name).card_template)
    ]
    return render(
        request,
        "frontend/home.html",
        {
            "count": sum(by_kind.values()),
            "kinds": kinds,
            "kinds_in_words": apnumber(len(kinds)).capitalize(),
        },
    )


def catalogue(request: HttpRequest) -> HttpResponse:
    """Open to visitors (the public catalogue); signed in, with progress and private challenges."""
    filters = CatalogueFilters(request.GET, skills=skill_list_published(user=request.user))
    filters.is_valid()  # cleaned_data then holds only the valid filters
    if not request.user.is_authenticated:
        filters.cleaned_data.pop("progress", None)  # a visitor has none
    challenges = challenge_list_filtered(user=request.user, **filters.cleaned_data)
    page = Paginator(challenges, CATALOGUE_PAGE_SIZE).get_page(request.GET.get("page"))
    # Page links keep the valid filters and the order.
    kept = {key: value for key, value in filters.cleaned_data.items() if value}
    return render(
        request,
        "frontend/catalogue.html",
        {
            "filters": filters,
            "page": page,
            "challenges": page.object_list,
            "query": urlencode(kept),
            "total": challenge_list_published(user=request.user).count(),
        },
    )


def challenge_page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        detail = challenge_detail(user=request.user, slug=slug)
    except Challenge.DoesNotExist:
        raise Http404("No such challenge.") from None
    context = {
        "challenge": detail.challenge,
        "version": detail.version,
        "examples": detail.examples,
        "hints": detail.hints,
        "hints_total": detail.hints_total,
        "has_editorial": detail.has_editorial,
        "solved": detail.solved,
        "editorial_html": detail.editorial_html,
        "source": detail.source,
        **detail.kind.page_context(detail.version),
    }
    if request.user.is_authenticated:
        draft = draft_for(user=request.user, challenge=detail.challenge)
        context["server_draft"] = (
            {"text": draft.text, "updated_at": draft.updated_at.isoformat()} if draft else None
        )
        # "Run with my input": the kind says whether this version offers it, and how.
        context["custom_input"] = detail.kind.custom_input_for(detail.version)
    return render(request, "frontend/challenge.html", context)
