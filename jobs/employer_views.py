"""Employers' pages: sign-up, their organisation's jobs, ranked applicants, snapshots, stages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.throttles import throttle_attempt, throttle_message
from jobs.access import (
    access_application_for_employer,
    access_job_for_employer,
    hiring_organisations,
    posting_organisations,
)
from jobs.forms import EmployerSignUpForm, JobForm, OrganisationForm, StageForm
from jobs.models import STAGE_TRANSITIONS, Application, Job, Stage
from jobs.queries import applicants_ranked, job_list_for_employer, stage_history
from jobs.services import (
    JobRejected,
    StageMoveRefused,
    application_move_stage,
    job_close,
    job_create,
    job_reopen,
    job_update,
)
from jobs.snapshot import thaw
from organisations.models import Membership
from organisations.services import OrganisationRejected, employer_sign_up, organisation_create


def employer_signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("jobs:employer-home")
    throttled = None
    if request.method == "POST":
        email = request.POST.get("email", "")
        wait = throttle_attempt(scope="sign_up", request=request, account=email)
        if wait is not None:
            form = EmployerSignUpForm(
                initial={k: request.POST.get(k, "") for k in ("username", "email")}
            )
            throttled = throttle_message(wait)
            response = render(
                request, "jobs/employer_signup.html", {"form": form, "throttled": throttled}
            )
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response
    form = EmployerSignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, _ = employer_sign_up(
                username=data["username"],
                email=data["email"],
                password=data["password"],
                display_name=data["display_name"],
                organisation_name=data["organisation_name"],
                organisation_slug=data["organisation_slug"],
            )
        except OrganisationRejected as exc:
            for field, errors in exc.errors.items():
                for error in errors:
                    form.add_error(
                        {"name": "organisation_name", "slug": "organisation_slug"}.get(field),
                        error,
                    )
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("jobs:employer-home")
    return render(request, "jobs/employer_signup.html", {"form": form})


@login_required
def employer_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    organisations = list(hiring_organisations(user))
    if not organisations:
        if user.role != User.Role.EMPLOYER or Membership.objects.filter(user=user).exists():
            raise Http404("You don't hire for an organisation.")
        return _create_organisation(request)
    posting = set(posting_organisations(user).values_list("pk", flat=True))
    return render(
        request,
        "jobs/employer_home.html",
        {
            "organisations": organisations,
            "can_post": bool(posting),
            "jobs": list(job_list_for_employer(user=user)),
        },
    )


def _create_organisation(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation_create(
                owner=request.user,
                name=form.cleaned_data["organisation_name"],
                slug=form.cleaned_data["organisation_slug"],
            )
        except OrganisationRejected as exc:
            for field, errors in exc.errors.items():
                for error in errors:
                    form.add_error(
                        {"name": "organisation_name", "slug": "organisation_slug"}.get(field),
                        error,
                    )
        else:
            return redirect("jobs:employer-home")
    return render(request, "jobs/organisation_new.html", {"form": form})


def _employer_job(request: HttpRequest, job_id: int, *, edit: bool = False) -> Job:
    try:
        return access_job_for_employer(request.user, job_id, edit=edit)
    except Job.DoesNotExist:
        raise Http404("No such job.") from None


@login_required
def job_new(request: HttpRequest) -> HttpResponse:
    organisations = list(posting_organisations(request.user)[:2])
    if not organisations:
        raise Http404("You don't post jobs for an organisation.")
    # One organisation per employer until invitations arrive; the first if ever several.
    organisation = organisations[0]
    form = JobForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = job_create(
                organisation=organisation, created_by=request.user, **form.cleaned_data
            )
        except JobRejected as exc:
            _add_errors(form, exc.errors)
        else:
            messages.success(request, f"{job.title} is posted and open to applications.")
            return redirect("jobs:employer-job", job.pk)
    return render(
        request, "jobs/job_form.html", {"form": form, "organisation": organisation, "job": None}
    )


def _add_errors(form, errors: dict[str, list[str]]) -> None:
    for field, messages_ in errors.items():
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


@login_required
def job_edit(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _employer_job(request, job_id, edit=True)
    initial = {
        "title": job.title,
        "description_md": job.description_md,
        "location": job.location,
        "workplace": job.workplace,
        "role_profile": job.role_profile,
        "minimum_readiness": job.minimum_readiness,
    }
    form = JobForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            job_update(job=job, **form.cleaned_data)
        except JobRejected as exc:
            _add_errors(form, exc.errors)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("jobs:employer-job", job.pk)
    return render(
        request,
        "jobs/job_form.html",
        {"form": form, "organisation": job.organisation, "job": job},
    )


@login_required
@require_POST
def job_status(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _employer_job(request, job_id, edit=True)
    action = request.POST.get("action")
    if action == "close":
        if job_close(job=job):
            messages.success(request, "The job is closed: it takes no more applications.")
    elif action == "reopen":
        if job_reopen(job=job):
            messages.success(request, "The job is open again.")
    else:
        return HttpResponse("Choose close or reopen.", status=400, content_type="text/plain")
    return redirect("jobs:employer-job", job.pk)


@login_required
def employer_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _employer_job(request, job_id)
    applicants = list(applicants_ranked(job=job))
    rows = [
        {"rank": rank, "application": a, "role": thaw(a.snapshot_json)["role"]}
        for rank, a in enumerate(applicants, start=1)
    ]
    return render(
        request,
        "jobs/employer_job.html",
        {
            "job": job,
            "rows": rows,
            "can_edit": posting_organisations(request.user).filter(pk=job.organisation_id).exists(),
        },
    )


def _employer_application(request: HttpRequest, application_id: int) -> Application:
    try:
        return access_application_for_employer(request.user, application_id)
    except Application.DoesNotExist:
        raise Http404("No such application.") from None


def _application_page(
    request: HttpRequest, application: Application, form: StageForm, status: int = 200
) -> HttpResponse:
    allowed = [Stage(s) for s in Stage.values if s in STAGE_TRANSITIONS[application.stage]]
    return render(
        request,
        "jobs/employer_application.html",
        {
            "application": application,
            "job": application.job,
            "snapshot": thaw(application.snapshot_json),
            "history": stage_history(application=application),
            "moves": allowed,
            "form": form,
        },
        status=status,
    )


@login_required
def employer_application(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _employer_application(request, application_id)
    return _application_page(request, application, StageForm())


@login_required
def employer_application_snapshot(request: HttpRequest, application_id: int) -> HttpResponse:
    """The stored snapshot text itself, byte for byte (hash it to check the digest)."""
    application = _employer_application(request, application_id)
    response = HttpResponse(
        application.snapshot_json.encode("utf-8"), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="application-{application.pk}.json"'
    response["X-Content-SHA256"] = application.snapshot_sha256
    return response


@login_required
@require_POST
def application_stage(request: HttpRequest, application_id: int) -> HttpResponse:
    application = _employer_application(request, application_id)
    form = StageForm(request.POST)
    if not form.is_valid():
        return _application_page(request, application, form, status=400)
    try:
        application_move_stage(
            application=application, to=form.cleaned_data["stage"], by=request.user
        )
    except StageMoveRefused as exc:
        form.add_error("stage", exc.detail)
        return _application_page(request, application, form, status=409 if exc.conflict else 400)
    messages.success(
        request,
        f"Moved to {Stage(application.stage).label}; {application.candidate} is told by email.",
    )
    return redirect("jobs:employer-application", application.pk)
