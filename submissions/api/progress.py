"""The signed-in candidate's progress: totals, per skill and kind, activity, streaks, next steps."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from submissions.progress import progress_for_user


class ProgressTotalsOutput(serializers.Serializer):
    solved = serializers.IntegerField(
        help_text="Published challenges with a passed submit (the rule of submits_passed)."
    )
    attempted = serializers.IntegerField(help_text="Attempted but not solved yet.")
    published = serializers.IntegerField(help_text="Published challenges you may practise.")
    submissions = serializers.IntegerField(
        help_text="Runs, submits and custom runs, on any challenge."
    )
    submits_graded = serializers.IntegerField(
        help_text="Submits with a final verdict (not queued, failed or awaiting review)."
    )
    submits_accepted = serializers.IntegerField(help_text="Graded submits with verdict accepted.")
    submits_passed = serializers.IntegerField(
        help_text="Graded submits that passed: the rule that makes a challenge solved."
    )
    acceptance_rate = serializers.FloatField(
        allow_null=True, help_text="submits_accepted / submits_graded; null before any."
    )


class ProgressStreakOutput(serializers.Serializer):
    current = serializers.IntegerField(
        help_text="Consecutive days with a submission, ending today or yesterday."
    )
    longest = serializers.IntegerField()


class ProgressTallyOutput(serializers.Serializer):
    name = serializers.CharField()
    solved = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()


class ProgressSkillOutput(ProgressTallyOutput):
    slug = serializers.SlugField(source="key")


class ProgressKindOutput(ProgressTallyOutput):
    kind = serializers.CharField(source="key")


class ProgressActivityOutput(serializers.Serializer):
    id = serializers.IntegerField()
    challenge = serializers.SlugField(source="challenge_slug")
    challenge_title = serializers.CharField()
    mode = serializers.CharField()
    status = serializers.CharField()
    verdict = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    created_at = serializers.DateTimeField()


class ProgressSuggestionOutput(serializers.Serializer):
    challenge = serializers.SlugField(source="slug")
    title = serializers.CharField()
    kind = serializers.CharField()
    difficulty = serializers.CharField()
    reason = serializers.CharField()


class ProgressOutput(serializers.Serializer):
    totals = ProgressTotalsOutput()
    streak = ProgressStreakOutput()
    skills = ProgressSkillOutput(many=True)
    kinds = ProgressKindOutput(many=True)
    recent = ProgressActivityOutput(many=True, help_text="Your last 10 submissions, newest first.")
    suggestions = ProgressSuggestionOutput(many=True, help_text="Up to 3 challenges to try next.")


class MyProgressView(APIView):
    @extend_schema(responses=ProgressOutput, summary="Your progress and what to try next")
    def get(self, request: Request) -> Response:
        return Response(ProgressOutput(progress_for_user(user=request.user)).data)
