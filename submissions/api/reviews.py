"""The review queue: reviewers score free-text answers against each question's rubric."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.access import access_challenges_for_review
from challenges.grading import Verdict
from submissions.api.serializers import SubmissionOutput
from submissions.models import Submission
from submissions.reviews import ReviewRejected, submission_review


def reviewable(user) -> QuerySet[Submission]:
    """Submissions waiting for `user`'s review: never their own (docs/access.md)."""
    return (
        Submission.objects.filter(
            verdict=Verdict.PENDING_REVIEW,
            version__challenge__in=access_challenges_for_review(user),
        )
        .exclude(user_id=user.pk)
        .select_related("version__challenge")
        .prefetch_related("version__cases")
        .order_by("created_at")
    )


class ReviewItemOutput(serializers.Serializer):
    id = serializers.IntegerField()
    challenge = serializers.SlugField(source="version.challenge.slug")
    version = serializers.IntegerField(source="version.number")
    created_at = serializers.DateTimeField()
    questions = serializers.SerializerMethodField()

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
    comment = serializers.CharField(allow_blank=True, required=False, default="")


class ReviewQueueView(generics.ListAPIView):
    serializer_class = ReviewItemOutput

    def get_queryset(self):
        return reviewable(self.request.user)


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
