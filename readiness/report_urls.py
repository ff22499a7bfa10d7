"""Routes of public reports: the candidate's API and page, the public links, the public key."""

from django.urls import path, re_path

from readiness import report_api, report_pages

app_name = "reports"

urlpatterns = [
    path("api/readiness/reports/", report_api.ReportListCreateView.as_view(), name="api-list"),
    path(
        "api/readiness/reports/<int:report_id>/",
        report_api.ReportDetailView.as_view(),
        name="api-detail",
    ),
    path(
        "api/readiness/reports/<int:report_id>/revoke/",
        report_api.ReportRevokeView.as_view(),
        name="api-revoke",
    ),
    path(
        ".well-known/readiness-signing-key.json",
        report_api.SigningKeyView.as_view(),
        name="signing-key",
    ),
    path("readiness/share/", report_pages.share, name="share"),
    # Any token shape reaches the views, so a malformed one gets the same 404 as a revoked one.
    re_path(r"^r/(?P<token>.+)\.json$", report_api.PublicReportView.as_view(), name="public-json"),
    re_path(r"^r/(?P<token>.+)/$", report_pages.public_report, name="public"),
]
