"""Views of the challenges API."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.api.kind_field import KindField
from challenges.api.serializers import ChallengeDetailOutput, ChallengeListOutput
from challenges.kinds import kind_for, kind_names
from challenges.models import Challenge
from challenges.queries import (
    PROGRESS_CHOICES,
    challenge_get_published,
    challenge_list_filtered,
    version_examples,
)
from submissions.queries import challenge_solved_by


class ListFilters(serializers.Serializer):
    kind = KindField(required=False)
    difficulty = serializers.ChoiceField(choices=Challenge.Difficulty.choices, required=False)
    skill = serializers.SlugField(required=False)
    progress = serializers.ChoiceField(choices=PROGRESS_CHOICES, required=False)
    search = serializers.CharField(required=False, max_length=100)


@extend_schema(
    summary="List published challenges",
    parameters=[
        OpenApiParameter("kind", enum=kind_names()),
        OpenApiParameter("difficulty", enum=Challenge.Difficulty.values),
        OpenApiParameter("skill", str, description="A skill slug."),
        OpenApiParameter(
            "progress",
            enum=list(PROGRESS_CHOICES),
            description="solved; attempted but not solved; never attempted.",
        ),
        OpenApiParameter("search", str, description="Words in the title."),
    ],
)
class ChallengeListView(generics.ListAPIView):
    serializer_class = ChallengeListOutput

    def get_queryset(self):
        filters = ListFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return challenge_list_filtered(user=self.request.user, **filters.validated_data)


class ChallengeDetailView(APIView):
    @extend_schema(responses=ChallengeDetailOutput, summary="A challenge, as a candidate sees it")
    def get(self, request: Request, slug: str) -> Response:
        try:
            challenge = challenge_get_published(slug=slug, user=request.user)
        except Challenge.DoesNotExist:
            raise Http404 from None
        version = challenge.current_version
        challenge.example_cases = list(version_examples(version.pk))
        challenge.hidden_case_count = version.cases.count() - len(challenge.example_cases)
        for name, value in kind_for(challenge.kind).detail_fields(version).items():
            setattr(challenge, name, value)
        solved = challenge_solved_by(user=request.user, challenge_id=challenge.pk)
        challenge.editorial_html = version.editorial_html if solved else None
        return Response(ChallengeDetailOutput(challenge).data)
