"""Views of the challenges API."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.api.kind_field import KindField
from challenges.api.serializers import ChallengeDetailOutput, ChallengeListOutput
from challenges.kinds import kind_names
from challenges.models import Challenge
from challenges.queries import (
    PROGRESS_CHOICES,
    SORT_CHOICES,
    challenge_detail,
    challenge_list_filtered,
)

# The catalogue page shows 24 cards (a 2, 3 or 4 column grid ends full); the API pages the same.
CATALOGUE_PAGE_SIZE = 24


class CataloguePagination(PageNumberPagination):
    page_size = CATALOGUE_PAGE_SIZE


class ListFilters(serializers.Serializer):
    kind = KindField(required=False)
    difficulty = serializers.ChoiceField(choices=Challenge.Difficulty.choices, required=False)
    skill = serializers.SlugField(required=False)
    progress = serializers.ChoiceField(choices=PROGRESS_CHOICES, required=False)
    search = serializers.CharField(required=False, max_length=100)
    sort = serializers.ChoiceField(choices=SORT_CHOICES, required=False)


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
        OpenApiParameter(
            "sort",
            enum=[value for value, _ in SORT_CHOICES],
            description="title (the default); difficulty, easiest first; newest first; "
            "most_solved: most people with a passing submit first.",
        ),
    ],
    description="Open without signing in (the public catalogue); signed in, your "
    "organisations' private challenges and your progress too. 24 per page (`?page=`).",
)
class ChallengeListView(generics.ListAPIView):
    serializer_class = ChallengeListOutput
    permission_classes = [AllowAny]
    pagination_class = CataloguePagination

    def get_queryset(self):
        filters = ListFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        queryset = challenge_list_filtered(user=self.request.user, **filters.validated_data)
        return queryset.prefetch_related("tags")


class ChallengeDetailView(APIView):
    # Statements are public like the catalogue; running, hints and the editorial need an account.
    permission_classes = [AllowAny]

    @extend_schema(responses=ChallengeDetailOutput, summary="A challenge, as a candidate sees it")
    def get(self, request: Request, slug: str) -> Response:
        try:
            detail = challenge_detail(user=request.user, slug=slug)
        except Challenge.DoesNotExist:
            raise Http404 from None
        return Response(ChallengeDetailOutput(detail).data)
