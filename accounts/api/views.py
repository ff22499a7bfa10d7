"""Views of the accounts API."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import parsers, serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.api.throttles import SignInThrottle
from config.parsers import BoundedJSONParser


class MeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    role = serializers.CharField()
    is_staff = serializers.BooleanField()


class MeView(APIView):
    @extend_schema(responses=MeOutput, summary="The signed-in user")
    def get(self, request: Request) -> Response:
        return Response(MeOutput(request.user).data)


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
