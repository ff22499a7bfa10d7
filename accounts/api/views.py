"""Views of the accounts API."""

import json

from django.contrib.auth import logout, update_session_auth_hash
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import parsers, serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api.throttles import SignInThrottle
from accounts.export import account_export, account_export_filename
from accounts.services import (
    DISPLAY_NAME_MAX,
    EMAIL_MAX,
    AccountRefused,
    user_change_password,
    user_delete,
    user_update_profile,
)
from accounts.throttles import throttle_attempt
from config.parsers import BoundedJSONParser

TOO_MANY = "Too many password checks on this account (the sign-in budget); see Retry-After."
# Longer than any real password; a longer value is refused before hashing it.
PASSWORD_MAX = 1024


class MeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()
    email = serializers.CharField()
    time_zone = serializers.CharField()
    role = serializers.CharField()
    is_staff = serializers.BooleanField()


class MeInput(serializers.Serializer):
    display_name = serializers.CharField(
        required=False, allow_blank=True, max_length=DISPLAY_NAME_MAX
    )
    email = serializers.EmailField(required=False, max_length=EMAIL_MAX)
    time_zone = serializers.CharField(required=False, max_length=64)
    current_password = serializers.CharField(
        required=False,
        max_length=PASSWORD_MAX,
        trim_whitespace=False,
        help_text="Required to change the email.",
    )


class PasswordInput(serializers.Serializer):
    current_password = serializers.CharField(max_length=PASSWORD_MAX, trim_whitespace=False)
    new_password = serializers.CharField(max_length=PASSWORD_MAX, trim_whitespace=False)


class DeleteInput(serializers.Serializer):
    password = serializers.CharField(max_length=PASSWORD_MAX, trim_whitespace=False)


def _refused(exc: AccountRefused) -> ValidationError:
    return ValidationError(exc.errors)


def password_check_wait(request, user) -> int | None:
    """Count a password check against the account's sign-in budget (a borrowed session must not
    become a way to guess the password); seconds to wait when over it."""
    return throttle_attempt(scope="sign_in", request=request, account=user.get_username())


def _spend_password_check(request: Request) -> None:
    wait = password_check_wait(request._request, request.user)
    if wait is not None:
        raise Throttled(wait=wait)


class MeView(APIView):
    @extend_schema(responses=MeOutput, summary="The signed-in user")
    def get(self, request: Request) -> Response:
        return Response(MeOutput(request.user).data)

    @extend_schema(
        request=MeInput,
        responses={
            200: MeOutput,
            400: OpenApiResponse(description="Field errors."),
            429: OpenApiResponse(description=TOO_MANY),
        },
        summary="Change the display name, email (with the current password) or time zone",
    )
    def patch(self, request: Request) -> Response:
        data = MeInput(data=request.data)
        data.is_valid(raise_exception=True)
        if "current_password" in data.validated_data:
            _spend_password_check(request)
        try:
            user = user_update_profile(user=request.user, **data.validated_data)
        except AccountRefused as exc:
            raise _refused(exc) from None
        return Response(MeOutput(user).data)

    @extend_schema(
        request=DeleteInput,
        responses={
            204: OpenApiResponse(description="Deleted, with everything that was the user's."),
            400: OpenApiResponse(
                description="Wrong password, or the sole owner of an organisation."
            ),
        },
        summary="Delete the account (download GET /api/me/export/ first)",
    )
    def delete(self, request: Request) -> Response:
        data = DeleteInput(data=request.data)
        data.is_valid(raise_exception=True)
        _spend_password_check(request)
        try:
            user_delete(user=request.user, password=data.validated_data["password"])
        except AccountRefused as exc:
            raise _refused(exc) from None
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MePasswordView(APIView):
    @extend_schema(
        request=PasswordInput,
        responses={
            204: OpenApiResponse(
                description="Changed. This browser session stays signed in; other sessions and "
                "every API token end."
            ),
            400: OpenApiResponse(description="Wrong current password or a weak new one."),
            429: OpenApiResponse(description=TOO_MANY),
        },
        summary="Change the password",
    )
    def post(self, request: Request) -> Response:
        data = PasswordInput(data=request.data)
        data.is_valid(raise_exception=True)
        _spend_password_check(request)
        try:
            user = user_change_password(user=request.user, **data.validated_data)
        except AccountRefused as exc:
            raise _refused(exc) from None
        if request._request.session.session_key:
            update_session_auth_hash(request._request, user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeExportView(APIView):
    @extend_schema(
        responses={200: OpenApiResponse(description="The account's data as one JSON document.")},
        summary="Export everything stored about the signed-in user",
    )
    def get(self, request: Request) -> HttpResponse:
        return export_response(request._request, request.user)


def export_response(request, user) -> HttpResponse:
    """The export as a JSON download (shared by the API and the account page)."""
    body = json.dumps(
        account_export(user=user, base_url=request.build_absolute_uri("/")[:-1]),
        ensure_ascii=False,
        indent=2,
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{account_export_filename(user)}"'
    response["Cache-Control"] = "no-store"
    return response


class TokenView(ObtainAuthToken):
    """Exchange a username and password for an API token (`Authorization: Token <key>`)."""

    throttle_classes = [SignInThrottle]
    # ObtainAuthToken names DRF's unbounded JSON parser; the API's default bounds the body.
    parser_classes = [parsers.FormParser, parsers.MultiPartParser, BoundedJSONParser]

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: OpenApiResponse(description='The token: `{"token": "..."}`.'),
            400: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(
                description="Too many attempts from this address or on this account; "
                "see Retry-After."
            ),
        },
        summary="Get an API token",
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        return super().post(request, *args, **kwargs)
