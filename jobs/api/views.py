"""Views of the jobs API: open jobs and applying (candidates), jobs and applicants (employers)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jobs.access import (
    access_application_for_candidate,
    access_application_for_employer,
    access_job_for_employer,
    access_job_for_viewing,
    posting_organisations,
)
from jobs.api.responses import with_verbatim_snapshot
from jobs.api.serializers import (
    ApplicantOutput,
    ApplicationDetailOutput,
    ApplicationOutput,
    ApplyInput,
    EmployerJobOutput,
    JobDetailOutput,
    JobFilters,
    JobInput,
    JobOutput,
    JobUpdateInput,
    StageInput,
)
from jobs.models import Application, Job
from jobs.queries import (
    applicants_ranked,
    application_for_job,
    application_list_for_candidate,
    candidate_fit,
    job_list_for_employer,
    job_list_open,
)
from jobs.services import (
    ApplicationRejected,
    JobRejected,
    StageMoveRefused,
    application_create,
    application_move_stage,
    job_close,
    job_create,
    job_delete,
    job_reopen,
    job_update,
)

NOT_FOUND = OpenApiResponse(description="No such job or application visible to you.")
INVALID = OpenApiResponse(description="Invalid input, with a message per field.")


def _job_or_404(getter, *args, **kwargs) -> Job:
    try:
        return getter(*args, **kwargs)
    except Job.DoesNotExist:
        raise Http404 from None


def _application_or_404(getter, *args) -> Application:
    try:
        return getter(*args)
    except Application.DoesNotExist:
        raise Http404 from None


def _job_detail(request: Request, job: Job) -> dict:
    context = {
        "fit": candidate_fit(user=request.user, job=job),
        "application": application_for_job(user=request.user, job=job),
    }
    return JobDetailOutput(job, context=context).data


class JobListView(generics.ListAPIView):
    serializer_class = JobOutput

    def get_queryset(self):
        filters = JobFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return job_list_open(user=self.request.user, **filters.validated_data)

    @extend_schema(
        parameters=[JobFilters],
        responses={200: JobOutput(many=True), 400: INVALID},
        summary="Open jobs, newest first (filters: role profile, workplace, words)",
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class JobDetailView(APIView):
    @extend_schema(
        responses={200: JobDetailOutput, 404: NOT_FOUND},
        summary="A job, with your readiness for its role and its minimum",
    )
    def get(self, request: Request, job_id: int) -> Response:
        job = _job_or_404(access_job_for_viewing, request.user, job_id)
        return Response(_job_detail(request, job))


class ApplyView(APIView):
    @extend_schema(
        request=ApplyInput,
        responses={
            201: ApplicationOutput,
            400: OpenApiResponse(
                description="The note is too long, the job is closed, you already applied, "
                "or your account can't apply to it."
            ),
            404: NOT_FOUND,
        },
        summary="Apply to an open job; your readiness is frozen into the application",
    )
    def post(self, request: Request, job_id: int) -> Response:
        job = _job_or_404(access_job_for_viewing, request.user, job_id)
        data = ApplyInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            application = application_create(
                job=job, candidate=request.user, note=data.validated_data.get("note", "")
            )
        except ApplicationRejected as exc:
            raise ValidationError({exc.field or "detail": [exc.detail]}) from None
        return Response(ApplicationOutput(application).data, status=status.HTTP_201_CREATED)


class MyApplicationListView(generics.ListAPIView):
    serializer_class = ApplicationOutput

    def get_queryset(self):
        return application_list_for_candidate(user=self.request.user)

    @extend_schema(summary="Your applications, newest first, with their stage")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class MyApplicationDetailView(APIView):
    @extend_schema(
        responses={200: ApplicationDetailOutput, 404: NOT_FOUND},
        summary="One of your applications, with the snapshot the employer sees",
    )
    def get(self, request: Request, application_id: int) -> HttpResponse:
        application = _application_or_404(
            access_application_for_candidate, request.user, application_id
        )
        return _application_detail(application)


def _application_detail(application: Application) -> HttpResponse:
    data = ApplicationDetailOutput(application).data
    return with_verbatim_snapshot(data, application.snapshot_json)


class EmployerJobListView(generics.ListAPIView):
    serializer_class = EmployerJobOutput

    def get_queryset(self):
        return job_list_for_employer(user=self.request.user)

    @extend_schema(summary="Your organisations' jobs, open first, with applicants per stage")
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=JobInput,
        responses={
            201: JobOutput,
            400: INVALID,
            403: OpenApiResponse(description="You don't post jobs for any organisation."),
        },
        summary="Post a job (owners and authors of the organisation)",
    )
    def post(self, request: Request) -> Response:
        data = JobInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        organisations = posting_organisations(request.user)
        slug = values.pop("organisation", None)
        if slug:
            organisation = organisations.filter(slug=slug).first()
            if organisation is None:
                raise ValidationError(
                    {"organisation": ["You don't post jobs for an organisation with this slug."]}
                )
        else:
            choices = list(organisations[:2])
            if not choices:
                return Response(
                    {"detail": "You don't post jobs for any organisation."},
                    status=status.HTTP_403_FORBIDDEN,
                )
            if len(choices) > 1:
                raise ValidationError(
                    {"organisation": ["You post for several organisations: name one."]}
                )
            organisation = choices[0]
        try:
            job = job_create(organisation=organisation, created_by=request.user, **values)
        except JobRejected as exc:
            raise ValidationError(exc.errors) from None
        return Response(JobOutput(job).data, status=status.HTTP_201_CREATED)


class EmployerJobDetailView(APIView):
    @extend_schema(responses={200: JobOutput, 404: NOT_FOUND}, summary="One of your jobs")
    def get(self, request: Request, job_id: int) -> Response:
        job = _job_or_404(access_job_for_employer, request.user, job_id)
        return Response(JobOutput(job).data)

    @extend_schema(
        request=JobUpdateInput,
        responses={200: JobOutput, 400: INVALID, 404: NOT_FOUND},
        summary="Edit a job, or close / reopen it with `status` (owners and authors)",
    )
    def patch(self, request: Request, job_id: int) -> Response:
        job = _job_or_404(access_job_for_employer, request.user, job_id, edit=True)
        data = JobUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        new_status = changes.pop("status", None)
        try:
            if changes:
                job = job_update(job=job, **changes)
        except JobRejected as exc:
            raise ValidationError(exc.errors) from None
        if new_status == Job.Status.CLOSED:
            job_close(job=job)
        elif new_status == Job.Status.OPEN:
            job_reopen(job=job)
        return Response(JobOutput(job).data)

    @extend_schema(
        responses={
            204: None,
            404: NOT_FOUND,
            409: OpenApiResponse(description="The job has applications: close it instead."),
        },
        summary="Delete a job nobody applied to (owners and authors)",
    )
    def delete(self, request: Request, job_id: int) -> Response:
        job = _job_or_404(access_job_for_employer, request.user, job_id, edit=True)
        if not job_delete(job=job):
            return Response(
                {"detail": "Candidates applied to this job: close it instead of deleting it."},
                status=status.HTTP_409_CONFLICT,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApplicantListView(generics.ListAPIView):
    serializer_class = ApplicantOutput

    def get_queryset(self):
        job = _job_or_404(access_job_for_employer, self.request.user, self.kwargs["job_id"])
        return applicants_ranked(job=job)

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        start = self.paginator.page.start_index() if page else 1
        ranks = {application.pk: start + i for i, application in enumerate(page or [])}
        data = ApplicantOutput(page or [], many=True, context={"ranks": ranks}).data
        return self.get_paginated_response(data)

    @extend_schema(
        responses={200: ApplicantOutput(many=True), 404: NOT_FOUND},
        summary="A job's applicants ranked by their frozen role readiness",
        description="Score descending, then the band's low end descending, then who applied "
        "first. Each row flags a score under the job's minimum.",
    )
    def get(self, request: Request, *args, **kwargs) -> Response:
        return super().get(request, *args, **kwargs)


class EmployerApplicationDetailView(APIView):
    @extend_schema(
        responses={200: ApplicationDetailOutput, 404: NOT_FOUND},
        summary="An application with its frozen snapshot (the stored JSON text, verbatim)",
    )
    def get(self, request: Request, application_id: int) -> HttpResponse:
        application = _application_or_404(
            access_application_for_employer, request.user, application_id
        )
        return _application_detail(application)


class StageView(APIView):
    @extend_schema(
        request=StageInput,
        responses={
            200: ApplicationDetailOutput,
            400: OpenApiResponse(description="Not an allowed move from the current stage."),
            404: NOT_FOUND,
            409: OpenApiResponse(description="Someone moved it meanwhile; reload."),
        },
        summary="Move an application: new → shortlisted → rejected / hired; emails the candidate",
    )
    def post(self, request: Request, application_id: int) -> HttpResponse:
        application = _application_or_404(
            access_application_for_employer, request.user, application_id
        )
        data = StageInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            application_move_stage(
                application=application, to=data.validated_data["stage"], by=request.user
            )
        except StageMoveRefused as exc:
            if exc.conflict:
                return Response({"detail": exc.detail}, status=status.HTTP_409_CONFLICT)
            raise ValidationError({"stage": [exc.detail]}) from None
        return _application_detail(application)
