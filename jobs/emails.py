"""Emails to candidates about their applications (Django email; console backend by default)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string

from jobs.models import Application, Stage


def stage_change_subject(*, application: Application, stage: str) -> str:
    job = application.job
    return f"Your application for {job.title} at {job.organisation.name}: {Stage(stage).label}"


def send_stage_change(*, application: Application, stage: str) -> None:
    """Tell the candidate their application moved to `stage` (no address: nothing to send)."""
    recipient = application.candidate.email
    if not recipient:
        return
    body = render_to_string(
        "jobs/email/stage_changed.txt",
        {
            "application": application,
            "job": application.job,
            "stage": Stage(stage).label,
        },
    )
    send_mail(
        subject=stage_change_subject(application=application, stage=stage),
        message=body,
        from_email=None,
        recipient_list=[recipient],
    )
