"""Routes of the readiness API."""

from django.urls import path

from readiness.api.views import GoalView, PractiseNextView, ReadinessView, RoleListView

urlpatterns = [
    path("readiness/", ReadinessView.as_view(), name="api-readiness"),
    path("readiness/roles/", RoleListView.as_view(), name="api-readiness-roles"),
    path("readiness/goal/", GoalView.as_view(), name="api-readiness-goal"),
    path("readiness/practise-next/", PractiseNextView.as_view(), name="api-practise-next"),
]
