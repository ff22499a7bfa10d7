"""The team invitation email (Django email; console backend by default)."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string

from organisations.models import TeamInvitation


def _one_line(text: str) -> str:
    # An organisation's name goes into a header: no line breaks, so no injected headers.
    return " ".join(text.split())


def team_invitation_subject(*, invitation: TeamInvitation) -> str:
    organisation = _one_line(invitation.organisation.name)
    return f"Join {organisation} as {invitation.get_role_display().lower()}"


def send_team_invitation(*, invitation: TeamInvitation, link: str) -> None:
    """Email the invited address its link (the only place the raw token goes)."""
    body = render_to_string(
        "organisations/email/team_invitation.txt",
        {"invitation": invitation, "link": link, "inviter": invitation.invited_by},
    )
    send_mail(
        subject=team_invitation_subject(invitation=invitation),
        message=body,
        from_email=None,
        recipient_list=[invitation.email],
    )
