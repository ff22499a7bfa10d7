"""Views of the accounts API."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


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
