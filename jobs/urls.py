"""Routes of the jobs pages (candidates and employers)."""

from django.urls import path

from jobs import employer_views, views

app_name = "jobs"

urlpatterns = [
    path("jobs/", views.job_list, name="job-list"),
    path("jobs/<int:job_id>/", views.job_detail, name="job-detail"),
    path("jobs/<int:job_id>/apply/", views.job_apply, name="job-apply"),
    path("applications/", views.my_applications, name="applications"),
    path("applications/<int:application_id>/", views.my_application, name="application"),
    path("employers/signup/", employer_views.employer_signup, name="employer-signup"),
    path("employer/", employer_views.employer_home, name="employer-home"),
    path("employer/jobs/new/", employer_views.job_new, name="job-new"),
    path("employer/jobs/<int:job_id>/", employer_views.employer_job, name="employer-job"),
    path("employer/jobs/<int:job_id>/edit/", employer_views.job_edit, name="job-edit"),
    path("employer/jobs/<int:job_id>/status/", employer_views.job_status, name="job-status"),
    path(
        "employer/applications/<int:application_id>/",
        employer_views.employer_application,
        name="employer-application",
    ),
    path(
        "employer/applications/<int:application_id>/snapshot.json",
        employer_views.employer_application_snapshot,
        name="employer-application-snapshot",
    ),
    path(
        "employer/applications/<int:application_id>/stage/",
        employer_views.application_stage,
        name="application-stage",
    ),
]
