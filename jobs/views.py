"""Candidates' job pages: browse open jobs, see your fit, apply, follow your applications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from jobs.access import (
    ApplyRefused,
    access_application_for_candidate,
    access_check_can_apply,
    access_job_for_viewing,
)
from jobs.forms import ApplyForm, JobFilterForm
from jobs.models import Application, Job
from jobs.queries import (
    application_for_job,
    application_list_for_candidate,
    candidate_fit,
    job_list_open,
    stage_history,
)
from jobs.services import ApplicationRejected, application_create
from jobs.snapshot import thaw

JOBS_PER_PAGE = 20


def _job(request: HttpRequest, job_id: int) -> Job:
    try:
        return access_job_for_viewing(request.user, job_id)
    except Job.DoesNotExist:
        raise Http404("No such job.") from None


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    filters = JobFilterForm(request.GET)
    filters.is_valid()  # cleaned_data then holds only the valid filters
    values = {k: v for k, v in filters.cleaned_data.items() if v not in (None, "")}
    page = Paginator(job_list_open(user=request.user, **values), JOBS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    ignored = [
        {"field": name, "message": " ".join(errors)} for name, errors in filters.errors.items()
    ]
    return render(
        request, "jobs/job_list.html", {"filters": filters, "page": page, "ignored": ignored}
    )


def _job_page(request: HttpRequest, job: Job, form: ApplyForm, status: int = 200) -> HttpResponse:
    application = application_for_job(user=request.user, job=job)
    refusal = None
    if application is None:
        try:
            access_check_can_apply(request.user, job)
        except ApplyRefused as exc:
            refusal = str(exc)
    context = {
        "job": job,
        "fit": candidate_fit(user=request.user, job=job),
        "application": application,
        "refusal": refusal,
        "form": form,
    }
    return render(request, "jobs/job_detail.html", context, status=status)


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    return _job_page(request, _job(request, job_id), ApplyForm())


@login_required
@require_POST
def job_apply(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _job(request, job_id)
    form = ApplyForm(request.POST)
    if not form.is_valid():
        return _job_page(request, job, form, status=400)
    try:
        application = application_create(
            job=job, candidate=request.user, note=form.cleaned_data["note"]
        )
    except ApplicationRejected as exc:
        form.add_error("note" if exc.field == "note" else None, exc.detail)
        return _job_page(request, job, form, status=400)
    messages.success(
        request, f"You applied to {job.title}: your readiness was frozen into the application."
    )
    return redirect("jobs:application", application.pk)


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    applications = list(application_list_for_candidate(user=request.user))
    return render(request, "jobs/my_applications.html", {"applications": applications})


@login_required
def my_application(request: HttpRequest, application_id: int) -> HttpResponse:
    try:
        application = access_application_for_candidate(request.user, application_id)
    except Application.DoesNotExist:
        raise Http404("No such application.") from None
    return render(
        request,
        "jobs/my_application.html",
        {
            "application": application,
            "job": application.job,
            "snapshot": thaw(application.snapshot_json),
            "history": stage_history(application=application),
        },
    )
