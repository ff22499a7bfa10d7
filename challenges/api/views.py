"""Views of the challenges API."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.api.serializers import ChallengeDetailOutput, ChallengeListOutput
from challenges.models import Challenge, TestCase
from challenges.queries import challenge_get_published, challenge_list_published, sql_schema_for
from submissions.queries import challenge_solved_by


@extend_schema(
    summary="List published challenges",
    parameters=[
        OpenApiParameter("kind", enum=Challenge.Kind.values),
        OpenApiParameter("difficulty", enum=Challenge.Difficulty.values),
        OpenApiParameter("skill", str, description="A skill slug."),
    ],
)
class ChallengeListView(generics.ListAPIView):
    serializer_class = ChallengeListOutput

    def get_queryset(self):
        queryset = challenge_list_published(user=self.request.user)
        params = self.request.query_params
        if params.get("kind"):
            queryset = queryset.filter(kind=params["kind"])
        if params.get("difficulty"):
            queryset = queryset.filter(difficulty=params["difficulty"])
        if params.get("skill"):
            queryset = queryset.filter(skills__slug=params["skill"])
        return queryset


class ChallengeDetailView(APIView):
    @extend_schema(responses=ChallengeDetailOutput, summary="A challenge, as a candidate sees it")
    def get(self, request: Request, slug: str) -> Response:
        try:
            challenge = challenge_get_published(slug=slug, user=request.user)
        except Challenge.DoesNotExist:
            raise Http404 from None
        version = challenge.current_version
        cases = list(version.cases.order_by("ordinal"))
        challenge.example_cases = [c for c in cases if c.visibility == TestCase.Visibility.EXAMPLE]
        challenge.hidden_case_count = len(cases) - len(challenge.example_cases)
        challenge.sql_schema = sql_schema_for(version) if challenge.kind == "sql" else None
        challenge.questions = (
            [{"name": c.name, "points": c.weight, **c.input} for c in cases]
            if challenge.kind == "design"
            else None
        )
        solved = challenge_solved_by(user=request.user, challenge_id=challenge.pk)
        challenge.editorial_html = version.editorial_html if solved else None
        return Response(ChallengeDetailOutput(challenge).data)
