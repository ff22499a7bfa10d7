"""HTTP API of public reports: the candidate's links, the signed JSON, the public key."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from readiness.models import PublicReport
from readiness.reports import (
    ReportRejected,
    access_can_share_report,
    report_create,
    report_get_public,
    report_payload,
    report_revoke,
    reports_for,
)
from readiness.signing import jwk_set, sign_document

# Public report responses: never stored by a browser or proxy (a revoked link must fail at
# once) and never indexed.
PUBLIC_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow"}
NOT_FOUND_JSON = {"detail": "No such report: the link is wrong or was revoked."}
KEY_MAX_AGE_S = 3600


def base_url(request: HttpRequest) -> str:
    """The platform's address: PUBLIC_BASE_URL, else this request's (host checked by Django)."""
    return settings.PUBLIC_BASE_URL or request.build_absolute_uri("/").rstrip("/")


def report_links(request: HttpRequest, report: PublicReport) -> dict[str, str]:
    root = base_url(request)
    return {
        "url": root + reverse("reports:public", args=[report.token]),
        "json_url": root + reverse("reports:public-json", args=[report.token]),
    }


class ReportOutput(serializers.Serializer):
    id = serializers.IntegerField()
    active = serializers.BooleanField(source="is_active")
    created_at = serializers.DateTimeField()
    revoked_at = serializers.DateTimeField(allow_null=True)
    url = serializers.SerializerMethodField(help_text="The public page (HTML with the chart).")
    json_url = serializers.SerializerMethodField(help_text="The signed JSON document.")

    def get_url(self, report: PublicReport) -> str:
        return report_links(self.context["request"], report)["url"]

    def get_json_url(self, report: PublicReport) -> str:
        return report_links(self.context["request"], report)["json_url"]


class ReportCreateInput(serializers.Serializer):
    display_name = serializers.CharField(
        required=False,
        max_length=200,
        trim_whitespace=False,
        help_text=(
            "The name the report shows (1-80 characters); it becomes your display name. "
            "Required when you have none: your username is never shown."
        ),
    )


def _rejected(exc: ReportRejected) -> ValidationError:
    return ValidationError({exc.field: [exc.message]} if exc.field else {"detail": exc.message})


class _CandidateOnly:
    def check_candidate(self, request: Request) -> None:
        if not access_can_share_report(request.user):
            raise PermissionDenied("Only candidates have a readiness report to share.")


class ReportListCreateView(_CandidateOnly, generics.ListAPIView):
    serializer_class = ReportOutput

    def get_queryset(self):
        return reports_for(user=self.request.user)

    @extend_schema(summary="Your public report links, newest first (revoked ones too)")
    def get(self, request: Request, *args, **kwargs) -> Response:
        self.check_candidate(request)
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=ReportCreateInput,
        responses={
            201: ReportOutput,
            400: OpenApiResponse(
                description="No display name, an invalid one, or 10 links already active."
            ),
            403: OpenApiResponse(description="Only candidates share reports."),
        },
        summary="Create a public link to your readiness report",
    )
    def post(self, request: Request) -> Response:
        self.check_candidate(request)
        data = ReportCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            report = report_create(
                user=request.user, display_name=data.validated_data.get("display_name")
            )
        except ReportRejected as exc:
            raise _rejected(exc) from None
        output = ReportOutput(report, context=self.get_serializer_context())
        return Response(output.data, status=status.HTTP_201_CREATED)


class ReportDetailView(_CandidateOnly, APIView):
    def _own(self, request: Request, report_id: int) -> PublicReport:
        self.check_candidate(request)
        try:
            return reports_for(user=request.user).get(pk=report_id)
        except PublicReport.DoesNotExist:
            raise NotFound("No such report link.") from None

    @extend_schema(responses=ReportOutput, summary="One of your report links")
    def get(self, request: Request, report_id: int) -> Response:
        report = self._own(request, report_id)
        return Response(ReportOutput(report, context={"request": request}).data)

    @extend_schema(
        responses={204: None, 404: OpenApiResponse(description="Not one of your links.")},
        summary="Revoke a report link: it stops working at once",
    )
    def delete(self, request: Request, report_id: int) -> Response:
        self._own(request, report_id)
        report_revoke(user=request.user, report_id=report_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReportRevokeView(ReportDetailView):
    http_method_names = ["post", "options"]

    @extend_schema(
        request=None,
        responses={200: ReportOutput, 404: OpenApiResponse(description="Not one of your links.")},
        summary="Revoke a report link (POST form of DELETE); returns the revoked link",
    )
    def post(self, request: Request, report_id: int) -> Response:
        self._own(request, report_id)
        report = report_revoke(user=request.user, report_id=report_id)
        return Response(ReportOutput(report, context={"request": request}).data)


class SigningKeyView(APIView):
    """The platform's report-signing public keys as a JWK Set (RFC 7517; OKP keys, RFC 8037)."""

    authentication_classes: list = []
    permission_classes: list = []
    renderer_classes = [JSONRenderer]

    @extend_schema(
        responses={
            200: inline_serializer(
                "JwkSet",
                {
                    "keys": serializers.ListField(
                        child=inline_serializer(
                            "Jwk",
                            {
                                "kty": serializers.CharField(),
                                "crv": serializers.CharField(),
                                "x": serializers.CharField(),
                                "kid": serializers.CharField(),
                                "use": serializers.CharField(),
                                "alg": serializers.CharField(),
                            },
                        )
                    )
                },
            )
        },
        summary="Public keys that verify signed readiness reports",
        operation_id="readiness_signing_keys",
        tags=["readiness"],
        auth=[],
    )
    def get(self, request: Request) -> Response:
        response = Response(jwk_set())
        response["Cache-Control"] = f"public, max-age={KEY_MAX_AGE_S}"
        response["Access-Control-Allow-Origin"] = "*"
        return response


class PublicReportView(APIView):
    """The signed report document behind a link; the same 404 for unknown and revoked tokens."""

    authentication_classes: list = []
    permission_classes: list = []
    renderer_classes = [JSONRenderer]

    @extend_schema(
        responses={
            200: OpenApiResponse(
                description=(
                    '`{"report": {...}, "signature": {"alg": "EdDSA", "kid": "...", "value": '
                    '"<base64url>"}}`: the signature is over the canonical JSON of `report` '
                    "(docs/report-verification.md)."
                )
            ),
            404: OpenApiResponse(description="No such link, or it was revoked."),
        },
        summary="A public readiness report, signed (no sign-in)",
        operation_id="readiness_public_report",
        tags=["readiness"],
        auth=[],
    )
    def get(self, request: Request, token: str) -> Response:
        report = report_get_public(token=token)
        if report is None:
            return Response(
                NOT_FOUND_JSON, status=status.HTTP_404_NOT_FOUND, headers=PUBLIC_HEADERS
            )
        document = sign_document(report_payload(report=report, base_url=base_url(request)))
        return Response(document, headers=PUBLIC_HEADERS)
