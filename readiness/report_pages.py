"""Pages of public reports: "Share my readiness" for the candidate, and the public report."""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from readiness.models import PublicReport
from readiness.report_api import PUBLIC_HEADERS, base_url, report_links
from readiness.reports import (
    DISPLAY_NAME_MAX,
    ISSUED_AT_FORMAT,
    MAX_ACTIVE_REPORTS,
    ReportRejected,
    access_can_share_report,
    report_create,
    report_get_public,
    report_payload,
    report_revoke,
    reports_for,
)
from readiness.roles import VERDICT_LABELS
from readiness.signing import signing_key


def _share_context(request: HttpRequest, **extra) -> dict:
    mine = reports_for(user=request.user)
    shown = [*mine.filter(revoked_at__isnull=True), *mine.filter(revoked_at__isnull=False)[:10]]
    links = [{"report": report, **report_links(request, report)} for report in shown]
    return {
        "links": links,
        "active_count": sum(1 for link in links if link["report"].is_active),
        "max_active": MAX_ACTIVE_REPORTS,
        "display_name_max": DISPLAY_NAME_MAX,
        "display_name": request.user.display_name,
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest) -> HttpResponse:
    """List, create and revoke the candidate's public links (forms post back here)."""
    if not access_can_share_report(request.user):
        return render(request, "readiness/share_unavailable.html", status=403)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "create":
            try:
                report_create(user=request.user, display_name=request.POST.get("display_name", ""))
            except ReportRejected as exc:
                context = _share_context(
                    request, error=exc.message, display_name=request.POST.get("display_name", "")
                )
                return render(request, "readiness/share.html", context, status=400)
            return redirect(reverse("reports:share") + "#links")
        if action == "revoke":
            try:
                report_revoke(user=request.user, report_id=int(request.POST.get("report", "")))
            except (ValueError, PublicReport.DoesNotExist):
                context = _share_context(request, error="That link is not one of yours.")
                return render(request, "readiness/share.html", context, status=400)
            return redirect(reverse("reports:share") + "#links")
        return render(
            request,
            "readiness/share.html",
            _share_context(request, error="Unknown action."),
            status=400,
        )
    return render(request, "readiness/share.html", _share_context(request))


def _not_found() -> HttpResponse:
    # Rendered without the request: the page is the same for every visitor and every bad token.
    return HttpResponse(
        render_to_string("readiness/report_not_found.html"), status=404, headers=PUBLIC_HEADERS
    )


@require_GET
def public_report(request: HttpRequest, token: str) -> HttpResponse:
    """The report as a page: the chart, the evidence, and how to verify the signed JSON."""
    report = report_get_public(token=token)
    if report is None:
        return _not_found()
    payload = report_payload(report=report, base_url=base_url(request))
    context = {
        "report": payload,
        "issued_at": datetime.strptime(payload["issued_at"], ISSUED_AT_FORMAT).replace(tzinfo=UTC),
        "verdict_label": VERDICT_LABELS.get(payload.get("role", {}).get("verdict", ""), ""),
        "json_url": report_links(request, report)["json_url"],
        "key_url": base_url(request) + reverse("reports:signing-key"),
        "kid": signing_key().kid,
    }
    response = render(request, "readiness/public_report.html", context)
    for name, value in PUBLIC_HEADERS.items():
        response[name] = value
    return response
