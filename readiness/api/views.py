"""Views of the readiness API: thin, reading stored scores through selectors."""

from __future__ import annotations

from dataclasses import replace

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from readiness.api.serializers import (
    GoalInput,
    GoalOutput,
    PractiseNextFilters,
    PractiseNextOutput,
    ReadinessOutput,
    RoleProfileOutput,
)
from readiness.goals import UnknownRole, candidate_goal_clear, candidate_goal_set, role_by_slug
from readiness.overview import readiness_overview, roles_with_weights
from readiness.practice import practise_next
from readiness.queries import goal_for


def _explained(view):
    """A stored explanation always has both keys as the API shows it."""
    stored = view.explanation if isinstance(view.explanation, dict) else {}
    return replace(
        view,
        explanation={"movers": stored.get("movers", []), "missing": stored.get("missing", [])},
    )


class ReadinessView(APIView):
    @extend_schema(
        summary="Your readiness",
        description="Per skill: the score (0-100), its 90% band, the challenges that moved it "
        "the most (with links to your submissions) and what is missing; your goal; and a "
        "verdict (ready / almost / not yet) for every role profile.",
        responses=ReadinessOutput,
    )
    def get(self, request: Request) -> Response:
        overview = readiness_overview(user=request.user)
        data = {
            "skills": [_explained(v) for v in overview.skills],
            "goal": overview.goal,
            "roles": overview.roles,
        }
        return Response(ReadinessOutput(data).data)


class RoleListView(APIView):
    @extend_schema(
        summary="Role profiles",
        description="Each role's weights over skills and the threshold its readiness must clear.",
        responses=RoleProfileOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        roles = list(roles_with_weights())
        totals = {r.pk: sum(w.weight for w in r.weights.all()) or 1 for r in roles}
        return Response(RoleProfileOutput(roles, many=True, context={"totals": totals}).data)


class GoalView(APIView):
    @extend_schema(
        summary="Choose the role you aim for",
        request=GoalInput,
        responses={
            200: GoalOutput,
            400: OpenApiResponse(description="No role has that slug (the message names it)."),
        },
    )
    def put(self, request: Request) -> Response:
        data = GoalInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            goal = candidate_goal_set(
                user_id=request.user.pk, role_slug=data.validated_data["role"]
            )
        except UnknownRole as unknown:
            return Response({"role": [str(unknown)]}, status=status.HTTP_400_BAD_REQUEST)
        return Response(GoalOutput({"role": goal.role}).data)

    @extend_schema(summary="Clear your goal", request=None, responses={204: None})
    def delete(self, request: Request) -> Response:
        candidate_goal_clear(user_id=request.user.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PractiseNextView(APIView):
    @extend_schema(
        summary="What to practise next",
        description="Unsolved challenges you may practise that would lift your weakest "
        "heavily-weighted skill for the role (a 50-75% solve chance), then those whose result "
        "would narrow the role's skill bands the most; each with a reason.",
        parameters=[
            OpenApiParameter(
                "role",
                str,
                description="A role profile's slug (default: your goal; with neither, every "
                "skill weighs the same).",
            )
        ],
        responses={
            200: PractiseNextOutput,
            400: OpenApiResponse(description="No role has that slug (the message names it)."),
        },
    )
    def get(self, request: Request) -> Response:
        filters = PractiseNextFilters(data=request.query_params)
        filters.is_valid(raise_exception=True)
        slug = filters.validated_data.get("role")
        if slug:
            try:
                role = role_by_slug(slug)
            except UnknownRole as unknown:
                return Response({"role": [str(unknown)]}, status=status.HTTP_400_BAD_REQUEST)
        else:
            role = goal_for(user=request.user)
        plan = practise_next(user=request.user, role=role)
        return Response(PractiseNextOutput(plan).data)
