"""A candidate's draft of a challenge, kept on the server: read, save, forget."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.access import access_visible_challenges
from challenges.models import Challenge
from submissions.api.throttles import DraftWriteThrottle
from submissions.drafts import DraftRejected, draft_delete, draft_for, draft_save


class DraftInput(serializers.Serializer):
    text = serializers.CharField(
        allow_blank=True,
        trim_whitespace=False,
        help_text="The code (or a design answer as JSON text), at most the submit size limit.",
    )


class DraftOutput(serializers.Serializer):
    challenge = serializers.SlugField()
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    updated_at = serializers.DateTimeField()


def _challenge(request: Request, slug: str) -> Challenge:
    # A challenge the candidate can't practise has no draft either: 404, not 403 (no oracle).
    return get_object_or_404(
        Challenge.objects.filter(access_visible_challenges(request.user), is_published=True),
        slug=slug,
    )


def _output(draft) -> dict:
    return {
        "challenge": draft.challenge.slug,
        "text": draft.text,
        "updated_at": draft.updated_at,
    }


class DraftView(APIView):
    throttle_classes = [DraftWriteThrottle]

    @extend_schema(
        responses={200: DraftOutput, 404: OpenApiResponse(description="No draft saved yet.")},
        summary="Your saved draft of a challenge",
    )
    def get(self, request: Request, slug: str) -> Response:
        draft = draft_for(user=request.user, challenge=_challenge(request, slug))
        if draft is None:
            return Response({"detail": "No draft saved yet."}, status=status.HTTP_404_NOT_FOUND)
        return Response(DraftOutput(_output(draft)).data)

    @extend_schema(
        request=DraftInput,
        responses={
            200: DraftOutput,
            400: OpenApiResponse(description="Not text, or larger than a submit may be."),
            429: OpenApiResponse(description="Saved too often; the response says when to retry."),
        },
        summary="Save your draft of a challenge (replaces the previous one)",
    )
    def put(self, request: Request, slug: str) -> Response:
        challenge = _challenge(request, slug)
        data = DraftInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            draft = draft_save(
                user=request.user, challenge=challenge, text=data.validated_data["text"]
            )
        except DraftRejected as exc:
            raise ValidationError({"text": [str(exc)]}) from None
        return Response(DraftOutput(_output(draft)).data)

    @extend_schema(
        responses={204: None, 404: OpenApiResponse(description="No draft was saved.")},
        summary="Forget your draft (back to the starter code)",
    )
    def delete(self, request: Request, slug: str) -> Response:
        if not draft_delete(user=request.user, challenge=_challenge(request, slug)):
            return Response({"detail": "No draft was saved."}, status=status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)
