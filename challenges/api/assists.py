"""Opening help on a challenge through the API: the next hint, or the editorial (both recorded)."""

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.models import Challenge
from challenges.package_content import MAX_HINTS
from challenges.queries import challenge_get_published
from readiness.assists import AssistRefused, assist_editorial_open, assist_hint_open


class HintOpenInput(serializers.Serializer):
    hint = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_HINTS,
        help_text="Which hint (1-based). Omit it to open the next closed one; an open one is "
        "returned again without a new record; a later one than the next closed is refused.",
    )


class HintOutput(serializers.Serializer):
    hint = serializers.IntegerField(source="number", help_text="Which hint this is (1-based).")
    text = serializers.CharField()
    hints_opened = serializers.IntegerField(source="opened")
    hints_total = serializers.IntegerField(source="total")
    newly_opened = serializers.BooleanField(
        source="new", help_text="False when it was already open (nothing new was recorded)."
    )


class EditorialOutput(serializers.Serializer):
    editorial_html = serializers.CharField()


class RefusedOutput(serializers.Serializer):
    detail = serializers.CharField()


def _challenge(request: Request, slug: str) -> Challenge:
    try:
        return challenge_get_published(slug=slug, user=request.user)
    except Challenge.DoesNotExist:
        raise Http404 from None


class HintOpenView(APIView):
    @extend_schema(
        summary="Open the next hint of a challenge",
        description="Hints open one after another, and opening one is recorded: a solve after "
        "opening hints counts a little less toward readiness.",
        request=HintOpenInput,
        responses={
            200: HintOutput,
            400: OpenApiResponse(description="The hint number is not a number from 1 to 20."),
            404: OpenApiResponse(description="No such challenge you may practise."),
            409: OpenApiResponse(RefusedOutput, description="No hint to open, or out of order."),
        },
    )
    def post(self, request: Request, slug: str) -> Response:
        challenge = _challenge(request, slug)
        data = HintOpenInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            opened = assist_hint_open(
                user=request.user,
                challenge=challenge,
                version=challenge.current_version,
                number=data.validated_data.get("hint"),
            )
        except AssistRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_409_CONFLICT)
        return Response(HintOutput(opened).data)


class EditorialOpenView(APIView):
    @extend_schema(
        summary="Reveal a challenge's editorial",
        description="Recorded: a solve submitted after opening the editorial counts for little "
        "toward readiness.",
        request=None,
        responses={
            200: EditorialOutput,
            404: OpenApiResponse(description="No such challenge you may practise."),
            409: OpenApiResponse(RefusedOutput, description="The challenge has no editorial."),
        },
    )
    def post(self, request: Request, slug: str) -> Response:
        challenge = _challenge(request, slug)
        try:
            html = assist_editorial_open(
                user=request.user, challenge=challenge, version=challenge.current_version
            )
        except AssistRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_409_CONFLICT)
        return Response({"editorial_html": html})
