"""Routes of the pages."""

from django.contrib.auth import views as auth_views
from django.urls import path

from frontend import views

app_name = "frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("challenges/", views.catalogue, name="catalogue"),
    path("challenges/<slug:slug>/", views.challenge_page, name="challenge"),
]
