"""Input and output shapes of the submissions API."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from challenges.kinds.base import MAX_CUSTOM_INPUT_BYTES
from challenges.queries import challenge_next_for
from submissions.models import Submission
from submissions.review_feedback import review_feedback


class SubmissionCreateInput(serializers.Serializer):
    challenge = serializers.SlugField(help_text="The challenge's slug.")
    mode = serializers.ChoiceField(choices=Submission.Mode.choices)
    code = serializers.CharField(
        required=False, allow_blank=False, trim_whitespace=False, help_text="Code challenges."
    )
    answers = serializers.DictField(
        required=False, help_text="Design challenges: answers keyed by question name."
    )
    custom_input = serializers.CharField(
        required=False,
        allow_blank=True,
        trim_whitespace=False,
        help_text=(
            'Mode "custom" only: your own input. Python: the entry function\'s arguments as '
            "Python literals (`[1, 2], key='value'`); SQL: INSERT/UPDATE/DELETE statements run "
            "on a copy of the example's dataset first (empty: none). Your code and the "
            "reference solution both run on it; at most 20,000 bytes."
        ),
    )

    def to_internal_value(self, data):
        # Report a missing answer together with any other field's problem, all at once.
        missing = (
            {"code": ["This field is required."]}
            if hasattr(data, "get") and data.get("code") is None and data.get("answers") is None
            else {}
        )
        try:
            values = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({**exc.detail, **missing}) from None
        if missing:
            raise serializers.ValidationError(missing)
        return values

    def validate_custom_input(self, value: str) -> str:
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > MAX_CUSTOM_INPUT_BYTES:
            raise serializers.ValidationError(
                f"the input is {size} bytes; the limit is {MAX_CUSTOM_INPUT_BYTES} bytes"
            )
        return value

    def validate_code(self, value: str) -> str:
        limit = settings.RUNNER["MAX_SOURCE_BYTES"]
        if len(value.encode("utf-8", "surrogatepass")) > limit:
            raise serializers.ValidationError(f"Code is limited to {limit} bytes.")
        return value


class SubmissionOutput(serializers.ModelSerializer):
    challenge = serializers.SlugField(source="version.challenge.slug")
    version = serializers.IntegerField(source="version.number")
    finished = serializers.BooleanField(source="is_finished")
    passed = serializers.BooleanField(
        help_text="A submit that counts as solved: accepted, or a design answer at the pass mark."
    )
    results = serializers.SerializerMethodField(
        help_text="Per-case rows; a design question's row has your `answer`."
    )

    def get_results(self, submission: Submission) -> list:
        rows = submission.results if isinstance(submission.results, list) else []
        if not isinstance(submission.answers, dict):
            return rows
        # Design answers are stored once, on the submission; each row shows its own.
        return [
            {**row, "answer": submission.answers.get(row.get("name"))}
            if isinstance(row, dict)
            else row
            for row in rows
        ]

    class Meta:
        model = Submission
        fields = [
            "id",
            "challenge",
            "version",
            "mode",
            "status",
            "finished",
            "verdict",
            "score",
            "passed",
            "message",
            "results",
            "answers",
            "custom_input",
            "stdout",
            "stderr",
            "wall_time_ms",
            "cpu_time_ms",
            "peak_memory_kb",
            "attempts",
            "created_at",
            "started_at",
            "finished_at",
            "code",
        ]


class NextChallengeOutput(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()
    kind = serializers.CharField()
    difficulty = serializers.CharField()
    url = serializers.CharField(help_text="The challenge's page.")


class ReviewCriterionOutput(serializers.Serializer):
    criterion = serializers.CharField()
    points = serializers.IntegerField(allow_null=True, help_text="What the criterion is worth.")
    score = serializers.IntegerField(allow_null=True, help_text="What the reviewer gave.")


class ReviewQuestionOutput(serializers.Serializer):
    name = serializers.CharField()
    prompt = serializers.CharField()
    earned = serializers.IntegerField()
    points = serializers.IntegerField()
    criteria = ReviewCriterionOutput(many=True)


class ReviewFeedbackOutput(serializers.Serializer):
    comment = serializers.CharField(allow_blank=True)
    reviewed_at = serializers.DateTimeField()
    questions = ReviewQuestionOutput(many=True)


class SubmissionDetailOutput(SubmissionOutput):
    """One submission: its review once reviewed, and what to practise next once it passed."""

    review = serializers.SerializerMethodField(
        help_text=(
            "Design challenges, once reviewed: per free-text question the score per rubric "
            "criterion, and the reviewer's comment (reviews are anonymous)."
        )
    )
    next_challenge = serializers.SerializerMethodField(
        help_text=(
            "After a passed submit: the next unsolved published challenge of the same kind or "
            "skill (null otherwise, or when none is left)."
        )
    )

    @extend_schema_field(ReviewFeedbackOutput(allow_null=True))
    def get_review(self, submission: Submission) -> dict | None:
        feedback = review_feedback(submission)
        return None if feedback is None else ReviewFeedbackOutput(feedback).data

    @extend_schema_field(NextChallengeOutput(allow_null=True))
    def get_next_challenge(self, submission: Submission) -> dict | None:
        if not (submission.passed and submission.mode == Submission.Mode.SUBMIT):
            return None
        following = challenge_next_for(user=submission.user, challenge=submission.version.challenge)
        if following is None:
            return None
        return {
            "slug": following.slug,
            "title": following.title,
            "kind": following.kind,
            "difficulty": following.difficulty,
            "url": reverse("frontend:challenge", args=[following.slug]),
        }

    class Meta(SubmissionOutput.Meta):
        fields = [*SubmissionOutput.Meta.fields, "review", "next_challenge"]
