"""Routes of the pages."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from frontend import account, history, reviews, views
from frontend.dashboard import dashboard, dashboard_goal

app_name = "frontend"

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/signup/", views.sign_up, name="signup"),
    path(
        "accounts/password-reset/",
        views.PasswordResetView.as_view(
            template_name="frontend/account/password_reset_form.html",
            email_template_name="frontend/account/password_reset_email.txt",
            subject_template_name="frontend/account/password_reset_subject.txt",
            success_url=reverse_lazy("frontend:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="frontend/account/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="frontend/account/password_reset_confirm.html",
            success_url=reverse_lazy("frontend:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="frontend/account/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("account/", account.account, name="account"),
    path("account/profile/", account.account_profile, name="account_profile"),
    path("account/password/", account.account_password, name="account_password"),
    path("account/export.json", account.account_export, name="account_export"),
    path("account/delete/", account.account_delete, name="account_delete"),
    path("dashboard/", dashboard, name="dashboard"),
    path("dashboard/goal/", dashboard_goal, name="dashboard_goal"),
    path("challenges/", views.catalogue, name="catalogue"),
    path("challenges/<slug:slug>/", views.challenge_page, name="challenge"),
    path("submissions/", history.history, name="history"),
    path("submissions/<int:submission_id>/", history.submission_detail, name="submission"),
    path("reviews/", reviews.review_queue_page, name="reviews"),
    path("reviews/<int:submission_id>/", reviews.review_page, name="review"),
]
