"""Routes of the jobs API."""

from django.urls import path

from jobs.api import views

urlpatterns = [
    path("jobs/", views.JobListView.as_view(), name="api-job-list"),
    path("jobs/<int:job_id>/", views.JobDetailView.as_view(), name="api-job-detail"),
    path("jobs/<int:job_id>/apply/", views.ApplyView.as_view(), name="api-job-apply"),
    path("me/applications/", views.MyApplicationListView.as_view(), name="api-my-application-list"),
    path(
        "me/applications/<int:application_id>/",
        views.MyApplicationDetailView.as_view(),
        name="api-my-application-detail",
    ),
    path("employer/jobs/", views.EmployerJobListView.as_view(), name="api-employer-job-list"),
    path(
        "employer/jobs/<int:job_id>/",
        views.EmployerJobDetailView.as_view(),
        name="api-employer-job-detail",
    ),
    path(
        "employer/jobs/<int:job_id>/applicants/",
        views.ApplicantListView.as_view(),
        name="api-employer-applicants",
    ),
    path(
        "employer/applications/<int:application_id>/",
        views.EmployerApplicationDetailView.as_view(),
        name="api-employer-application-detail",
    ),
    path(
        "employer/applications/<int:application_id>/stage/",
        views.StageView.as_view(),
        name="api-employer-application-stage",
    ),
]
