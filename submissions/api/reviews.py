"""The review queue: reviewers score free-text answers against each question's rubric."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from submissions.api.serializers import SubmissionOutput
from submissions.models import Submission
from submissions.review_queue import CATALOGUE, queue_filters_from, review_queue, reviewable
from submissions.reviews import MAX_COMMENT_CHARS, ReviewRejected, submission_review


class ReviewItemOutput(serializers.Serializer):
    """A queue item is blind: nothing names the candidate (no username, name or email)."""

    id = serializers.IntegerField()
    challenge = serializers.SlugField(source="version.challenge.slug")
    organisation = serializers.SerializerMethodField(
        help_text=f"The challenge's organisation's slug; `{CATALOGUE}` for the public catalogue."
    )
    version = serializers.IntegerField(source="version.number")
    created_at = serializers.DateTimeField()
    questions = serializers.SerializerMethodField()

    def get_organisation(self, submission: Submission) -> str:
        organisation = submission.version.challenge.organisation
        return organisation.slug if organisation else CATALOGUE

    def get_questions(self, submission: Submission) -> list[dict]:
        answers = submission.answers or {}
        return [
            {
                "name": case.name,
                "prompt": case.input["prompt"],
                "rubric": case.input["rubric"],
                "model_answer": case.expected,
                "answer": answers.get(case.name, ""),
            }
            for case in sorted(submission.version.cases.all(), key=lambda c: c.ordinal)
            if case.input.get("type") == "text"
        ]


class ReviewInput(serializers.Serializer):
    scores = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField(min_value=0)),
        help_text="For each free-text question, the points given per rubric criterion.",
    )
    comment = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=MAX_COMMENT_CHARS
    )


@extend_schema_view(
    get=extend_schema(
        summary="Submissions waiting for your review (blind: no candidate identity)",
        parameters=[
            OpenApiParameter("challenge", str, description="Only this challenge's (slug)."),
            OpenApiParameter(
                "organisation",
                str,
                description=f"Only this organisation's (slug; `{CATALOGUE}`: the public one).",
            ),
            OpenApiParameter("older_than", int, description="Only those older than N days."),
            OpenApiParameter(
                "order", str, enum=["oldest", "newest"], description="Oldest first by default."
            ),
        ],
    )
)
class ReviewQueueView(generics.ListAPIView):
    serializer_class = ReviewItemOutput

    def get_queryset(self):
        filters, problems = queue_filters_from(self.request.query_params)
        if problems:
            raise ValidationError({"filters": problems})
        return review_queue(user=self.request.user, filters=filters)


class ReviewSubmitView(APIView):
    @extend_schema(request=ReviewInput, responses=SubmissionOutput, summary="Score free text")
    def post(self, request: Request, submission_id: int) -> Response:
        submission = reviewable(request.user).filter(pk=submission_id).first()
        if submission is None:
            raise Http404
        data = ReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            submission = submission_review(
                submission=submission,
                reviewer=request.user,
                scores=data.validated_data["scores"],
                comment=data.validated_data["comment"],
            )
        except ReviewRejected as exc:
            raise ValidationError({"scores": [str(exc)]}) from None
        return Response(SubmissionOutput(submission).data)
