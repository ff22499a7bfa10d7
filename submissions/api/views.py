"""Views of the submissions API."""

from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from challenges.models import Challenge
from challenges.queries import challenge_get_published
from submissions.api.serializers import (
    SubmissionCreateInput,
    SubmissionDetailOutput,
    SubmissionOutput,
)
from submissions.api.throttles import SubmissionCreateThrottle
from submissions.creation import (
    QueueFull,
    SubmissionRejected,
    SubmitBudgetSpent,
    submission_create,
)
from submissions.models import Submission
from submissions.queries import submission_get_for_user, submission_list_for_user


class SubmissionListCreateView(generics.ListAPIView):
    serializer_class = SubmissionOutput

    def get_throttles(self):
        if self.request.method == "POST":
            return [SubmissionCreateThrottle()]
        return super().get_throttles()

    def get_queryset(self):
        return submission_list_for_user(user=self.request.user)

    @extend_schema(
        request=SubmissionCreateInput,
        responses={
            201: SubmissionOutput,
            400: OpenApiResponse(description="Invalid input, with a message per field."),
            429: OpenApiResponse(
                description=(
                    "Rate limited, or this challenge's submits per hour are used up; "
                    "see Retry-After."
                )
            ),
            503: OpenApiResponse(description="The grading queue is busy; see Retry-After."),
        },
        summary=(
            "Run (visible examples), submit (all cases) or custom-run (your input, beside the "
            "reference solution's output) code for grading"
        ),
        examples=[
            OpenApiExample(
                "Custom run (Python)",
                value={
                    "challenge": "order-total",
                    "mode": "custom",
                    "code": "def order_total(items, coupon=None):\n    ...",
                    "custom_input": '[{"sku": "A", "unit_price_cents": 500, "quantity": 2}], '
                    'coupon="SAVE10"',
                },
                request_only=True,
            ),
            OpenApiExample(
                "Submit",
                value={
                    "challenge": "order-total",
                    "mode": "submit",
                    "code": "def order_total(items, coupon=None):\n    ...",
                },
                request_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        data = SubmissionCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            challenge = challenge_get_published(
                slug=data.validated_data["challenge"], user=request.user
            )
        except Challenge.DoesNotExist:
            raise ValidationError(
                {"challenge": ["No published challenge has this slug."]}
            ) from None
        try:
            submission = submission_create(
                user=request.user,
                challenge=challenge,
                mode=data.validated_data["mode"],
                code=data.validated_data.get("code", ""),
                answers=data.validated_data.get("answers"),
                custom_input=data.validated_data.get("custom_input"),
            )
        except SubmissionRejected as exc:
            raise ValidationError({exc.field: exc.detail}) from None
        except SubmitBudgetSpent as exc:
            return Response(
                {"detail": str(exc)},
                status=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(exc.retry_after_s)},
            )
        except QueueFull as exc:
            return Response(
                {"detail": str(exc)},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": str(exc.retry_after_s)},
            )
        submission = submission_get_for_user(user=request.user, submission_id=submission.pk)
        return Response(SubmissionOutput(submission).data, status=status.HTTP_201_CREATED)


class SubmissionDetailView(APIView):
    @extend_schema(
        responses=SubmissionDetailOutput,
        summary="A submission's status and results, with its review once reviewed",
    )
    def get(self, request: Request, submission_id: int) -> Response:
        try:
            submission = submission_get_for_user(user=request.user, submission_id=submission_id)
        except Submission.DoesNotExist:
            raise Http404 from None
        return Response(SubmissionDetailOutput(submission).data)
