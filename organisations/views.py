"""Team pages: an organisation's members and invitations, and the invitation link's page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from organisations.access import (
    TeamAccessRefused,
    access_can_manage_team,
    access_check_can_manage_team,
    access_invitation_to_manage,
    access_team_membership,
    access_team_memberships,
    access_teammate,
)
from organisations.models import Membership, Organisation, TeamInvitation
from organisations.queries import team_invitations_pending, team_members
from organisations.team import (
    DEFAULT_INVITE_ROLE,
    GRANTABLE_ROLES,
    TeamRefused,
    invitation_closed,
    invitation_refusal,
    team_invitation_accept,
    team_invitation_create,
    team_invitation_revoke,
    team_member_remove,
    team_member_role_change,
    team_ownership_transfer,
    token_hash,
)

# A real token has 43 characters; anything much longer is not worth hashing.
MAX_TOKEN_LENGTH = 100


def base_url(request: HttpRequest) -> str:
    """The platform's address for links in emails: PUBLIC_BASE_URL, else this request's."""
    return settings.PUBLIC_BASE_URL or request.build_absolute_uri("/").rstrip("/")


def _membership(request: HttpRequest, slug: str | None) -> Membership:
    try:
        return access_team_membership(request.user, slug)
    except Organisation.DoesNotExist:
        raise Http404("No such team.") from None


def _role_choices() -> list[tuple[str, str]]:
    return [(role.value, role.label) for role in GRANTABLE_ROLES]


@login_required
def team(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    membership = _membership(request, slug)
    organisation = membership.organisation
    can_manage = access_can_manage_team(membership)
    members = list(team_members(organisation=organisation))
    return render(
        request,
        "organisations/team.html",
        {
            "organisation": organisation,
            "membership": membership,
            "can_manage": can_manage,
            "members": members,
            "teammates": [m for m in members if m.pk != membership.pk],
            "invitations": list(team_invitations_pending(organisation=organisation))
            if can_manage
            else [],
            "role_choices": _role_choices(),
            "default_role": DEFAULT_INVITE_ROLE.value,
            "invite_email": request.session.pop("team_invite_email", ""),
            # Someone in several organisations switches between their teams.
            "other_teams": list(
                access_team_memberships(request.user)
                .exclude(pk=membership.pk)
                .order_by("organisation__name")
            ),
        },
    )


def _back(membership: Membership) -> HttpResponse:
    return redirect("organisations:team-of", slug=membership.organisation.slug)


def _manage(request: HttpRequest, slug: str, action) -> HttpResponse:
    """Run an owner's action; a member who isn't an owner gets 403, an outsider 404."""
    membership = _membership(request, slug)
    try:
        message = action(membership)
    except TeamAccessRefused as exc:
        raise PermissionDenied(str(exc)) from None
    except (Membership.DoesNotExist, TeamInvitation.DoesNotExist):
        raise Http404("No such teammate or invitation.") from None
    except TeamRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, message)
    return _back(membership)


def _confirmed(request: HttpRequest) -> None:
    if request.POST.get("confirm") != "yes":
        raise TeamRefused("Tick the confirmation box to go ahead.")


@login_required
@require_POST
def team_invite(request: HttpRequest, slug: str) -> HttpResponse:
    def invite(membership: Membership) -> str:
        access_check_can_manage_team(membership)
        email = request.POST.get("email", "")
        try:
            invitation = team_invitation_create(
                organisation=membership.organisation,
                invited_by=request.user,
                email=email,
                role=request.POST.get("role", DEFAULT_INVITE_ROLE),
                base_url=base_url(request),
            )
        except TeamRefused:
            # Kept so the owner can fix the address rather than type it again.
            request.session["team_invite_email"] = email[:254]
            raise
        return f"Invitation sent to {invitation.email} as {invitation.get_role_display().lower()}."

    return _manage(request, slug, invite)


@login_required
@require_POST
def team_invitation_revoke_view(
    request: HttpRequest, slug: str, invitation_id: int
) -> HttpResponse:
    def revoke(membership: Membership) -> str:
        invitation = access_invitation_to_manage(membership, invitation_id)
        team_invitation_revoke(invitation=invitation)
        return f"The invitation to {invitation.email} is withdrawn."

    return _manage(request, slug, revoke)


@login_required
@require_POST
def team_member_remove_view(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    def remove(membership: Membership) -> str:
        teammate = access_teammate(membership, user_id)
        _confirmed(request)
        team_member_remove(membership=teammate)
        return f"{teammate.user} is no longer on the team."

    response = _manage(request, slug, remove)
    if (
        user_id == request.user.pk
        and not Membership.objects.filter(user=request.user, organisation__slug=slug).exists()
    ):
        # An owner who left (another owner remains) has no team page here any more.
        return redirect("frontend:catalogue")
    return response


@login_required
@require_POST
def team_member_role_view(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    def change(membership: Membership) -> str:
        teammate = access_teammate(membership, user_id)
        changed = team_member_role_change(membership=teammate, role=request.POST.get("role", ""))
        return f"{teammate.user} is now {changed.get_role_display().lower()}."

    return _manage(request, slug, change)


@login_required
@require_POST
def team_transfer_view(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    def transfer(membership: Membership) -> str:
        teammate = access_teammate(membership, user_id)
        _confirmed(request)
        team_ownership_transfer(owner=membership, to=teammate)
        return f"{teammate.user} now owns {membership.organisation.name}; you are an author."

    return _manage(request, slug, transfer)


def _invitation(token: str) -> TeamInvitation:
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404("No such invitation.")
    try:
        return TeamInvitation.objects.select_related("organisation").get(
            token_hash=token_hash(token)
        )
    except TeamInvitation.DoesNotExist:
        raise Http404("No such invitation.") from None


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link: sign in or up, then join (with the invited address only)."""
    invitation = _invitation(token)
    here = request.path
    if request.method == "POST" and request.user.is_authenticated:
        try:
            membership = team_invitation_accept(invitation=invitation, user=request.user)
        except TeamRefused as exc:
            messages.error(request, str(exc))
            return redirect(here)
        role = membership.get_role_display().lower()
        messages.success(request, f"You joined {invitation.organisation.name} as {role}.")
        return redirect("organisations:team-of", slug=invitation.organisation.slug)
    context = {"invitation": invitation, "organisation": invitation.organisation}
    if request.user.is_authenticated:
        context["refusal"] = invitation_refusal(invitation=invitation, user=request.user)
    else:
        # Used, withdrawn or expired links say so before anyone makes an account for nothing.
        context["refusal"] = invitation_closed(invitation=invitation)
        context["login_url"] = f"{reverse('frontend:login')}?{urlencode({'next': here})}"
        context["signup_url"] = (
            f"{reverse('frontend:signup')}?{urlencode({'next': here, 'email': invitation.email})}"
        )
    return render(request, "organisations/invitation.html", context)
