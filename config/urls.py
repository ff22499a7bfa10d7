"""Top-level URL routes: the API (with its OpenAPI schema), the admin, and the pages."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from config.health import healthz

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include("challenges.api.urls")),
    path("api/", include("submissions.api.urls")),
    path("api/", include("accounts.api.urls")),
    path("api/", include("readiness.api.urls")),
    path("api/", include("organisations.api.urls")),
    path("api/", include("jobs.api.urls")),
    # Public readiness reports: /api/readiness/reports/, /r/<token>/, /.well-known/..., the page.
    path("", include("readiness.report_urls")),
    path("", include("jobs.urls")),
    path("", include("organisations.urls")),
    path("studio/", include("studio.urls")),
    path("", include("frontend.urls")),
]
