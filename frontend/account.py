"""The account page: profile, time zone, password, data export and deleting the account."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from accounts.api.views import PASSWORD_MAX, export_response, password_check_wait
from accounts.services import (
    DISPLAY_NAME_MAX,
    EMAIL_MAX,
    AccountRefused,
    user_change_password,
    user_delete,
    user_update_profile,
)
from accounts.throttles import throttle_message
from accounts.timezones import time_zone_names


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        max_length=DISPLAY_NAME_MAX, required=False, help_text="Shown instead of your username."
    )
    email = forms.EmailField(max_length=EMAIL_MAX, help_text="For password resets.")
    time_zone = forms.ChoiceField(help_text="Dates on the pages are shown in this zone.")
    current_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        required=False,
        max_length=PASSWORD_MAX,
        label="Current password",
        help_text="Needed only to change your email.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = [(name, name) for name in time_zone_names()]


class PasswordForm(forms.Form):
    current_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        max_length=PASSWORD_MAX,
    )
    new_password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        max_length=PASSWORD_MAX,
        help_text="At least 8 characters, not common, not all digits.",
    )


class DeleteForm(forms.Form):
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
        max_length=PASSWORD_MAX,
        label="Your password",
    )


def _add_errors(form: forms.Form, exc: AccountRefused) -> None:
    for field, texts in exc.errors.items():
        for text in texts:
            form.add_error(field if field in form.fields else None, text)


def _over_budget(request: HttpRequest, form: forms.Form) -> HttpResponse | None:
    """The password checks share the sign-in budget: a 429 page once it is spent."""
    wait = password_check_wait(request, request.user)
    if wait is None:
        return None
    form.add_error(None, throttle_message(wait))
    response = _render(request, status=429, **{form.prefix + "_form": form})
    response["Retry-After"] = str(wait)
    return response


def _render(request: HttpRequest, status: int = 200, **forms_given) -> HttpResponse:
    user = request.user
    context = {
        "profile_form": ProfileForm(
            initial={
                "display_name": user.display_name,
                "email": user.email,
                "time_zone": user.time_zone,
            },
            prefix="profile",
        ),
        "password_form": PasswordForm(prefix="password"),
        "delete_form": DeleteForm(prefix="delete"),
        **forms_given,
    }
    return render(request, "frontend/account/account.html", context, status=status)


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    return _render(request)


@login_required
@require_POST
def account_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST, prefix="profile")
    if form.is_valid():
        data = form.cleaned_data
        if data["current_password"] and (refused := _over_budget(request, form)):
            return refused
        try:
            user_update_profile(
                user=request.user,
                display_name=data["display_name"],
                email=data["email"],
                time_zone=data["time_zone"],
                current_password=data["current_password"] or None,
            )
        except AccountRefused as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Your profile is saved.")
            return redirect("frontend:account")
    return _render(request, status=400, profile_form=form)


@login_required
@require_POST
def account_password(request: HttpRequest) -> HttpResponse:
    form = PasswordForm(request.POST, prefix="password")
    if form.is_valid():
        if refused := _over_budget(request, form):
            return refused
        try:
            user = user_change_password(user=request.user, **form.cleaned_data)
        except AccountRefused as exc:
            _add_errors(form, exc)
        else:
            update_session_auth_hash(request, user)
            messages.success(
                request, "Your password is changed. Other devices and API tokens are signed out."
            )
            return redirect("frontend:account")
    return _render(request, status=400, password_form=form)


@login_required
@require_GET
def account_export(request: HttpRequest) -> HttpResponse:
    return export_response(request, request.user)


@login_required
@require_POST
def account_delete(request: HttpRequest) -> HttpResponse:
    form = DeleteForm(request.POST, prefix="delete")
    if form.is_valid():
        if refused := _over_budget(request, form):
            return refused
        try:
            user_delete(user=request.user, password=form.cleaned_data["password"])
        except AccountRefused as exc:
            _add_errors(form, exc)
        else:
            logout(request)
            messages.success(request, "Your account and all its data are deleted.")
            return redirect("frontend:home")
    return _render(request, status=400, delete_form=form)
