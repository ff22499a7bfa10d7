"""Routes of the studio pages, under /studio/."""

from django.urls import path

from studio import views

app_name = "studio"

urlpatterns = [
    path("", views.studio_home, name="home"),
    path("new/", views.studio_create, name="create"),
    path("import/", views.studio_import, name="import"),
    path("preview/", views.studio_preview, name="preview"),
    path("c/<slug:slug>/", views.studio_edit, name="edit"),
    path("c/<slug:slug>/import/", views.studio_import_version, name="import-version"),
    path("c/<slug:slug>/validate/", views.studio_validate, name="validate"),
    path("c/<slug:slug>/validation/", views.studio_validation, name="validation"),
    path("c/<slug:slug>/validation.json", views.studio_validation_status, name="validation-status"),
    path("c/<slug:slug>/publish/", views.studio_publish, name="publish"),
    path("c/<slug:slug>/history/", views.studio_history, name="history"),
    path("c/<slug:slug>/v<int:number>.zip", views.studio_export, name="export"),
]
