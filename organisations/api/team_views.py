"""Views of the team API: members, invitations, roles, removal, ownership, accepting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from organisations.access import (
    TeamAccessRefused,
    access_check_can_manage_team,
    access_invitation_to_manage,
    access_team_membership,
    access_teammate,
)
from organisations.api.serializers import (
    TeamAcceptInput,
    TeamAcceptOutput,
    TeamInvitationInput,
    TeamInvitationOutput,
    TeamMemberOutput,
    TeamRoleInput,
    TeamTransferInput,
)
from organisations.models import Membership, Organisation, TeamInvitation
from organisations.queries import team_invitations_pending, team_members
from organisations.team import (
    TeamRefused,
    team_invitation_accept,
    team_invitation_create,
    team_invitation_revoke,
    team_member_remove,
    team_member_role_change,
    team_ownership_transfer,
    token_hash,
)
from organisations.views import base_url

NOT_FOUND = OpenApiResponse(
    description="No such organisation (or you're not in it), or no such teammate or invitation."
)
OWNERS_ONLY = OpenApiResponse(description="Only the team's owners do this.")
REFUSED = OpenApiResponse(
    description="Refused, with the reason in `detail` (caps, last owner, roles)."
)


def _member(request: Request, slug: str) -> Membership:
    try:
        return access_team_membership(request.user, slug)
    except Organisation.DoesNotExist:
        raise NotFound("No such organisation.") from None


def _as_owner(request: Request, slug: str, action: Callable[[Membership], Any]) -> Any:
    membership = _member(request, slug)
    try:
        return action(membership)
    except TeamAccessRefused as exc:
        raise PermissionDenied(str(exc)) from None
    except (Membership.DoesNotExist, TeamInvitation.DoesNotExist):
        raise NotFound("No such teammate or invitation.") from None
    except TeamRefused as exc:
        raise ValidationError({"detail": str(exc)}) from None


def _member_out(membership: Membership) -> dict:
    return {
        "user_id": membership.user_id,
        "username": membership.user.username,
        "email": membership.user.email,
        "role": membership.role,
        "joined_at": membership.created_at,
    }


def _invitation_out(invitation: TeamInvitation) -> dict:
    return {
        "id": invitation.pk,
        "email": invitation.email,
        "role": invitation.role,
        "created_at": invitation.created_at,
        "expires_at": invitation.expires_at,
    }


class TeamMembersView(APIView):
    pagination_class = None

    @extend_schema(
        responses={200: TeamMemberOutput(many=True), 404: NOT_FOUND},
        summary="List the team's members and roles (any member)",
    )
    def get(self, request: Request, slug: str) -> Response:
        membership = _member(request, slug)
        members = team_members(organisation=membership.organisation)
        return Response([_member_out(m) for m in members])


class TeamMemberView(APIView):
    @extend_schema(
        request=TeamRoleInput,
        responses={200: TeamMemberOutput, 400: REFUSED, 403: OWNERS_ONLY, 404: NOT_FOUND},
        summary="Change a teammate's role (owners; never to owner: transfer instead)",
    )
    def patch(self, request: Request, slug: str, user_id: int) -> Response:
        def change(membership: Membership) -> Membership:
            teammate = access_teammate(membership, user_id)
            data = TeamRoleInput(data=request.data)
            data.is_valid(raise_exception=True)
            return team_member_role_change(membership=teammate, role=data.validated_data["role"])

        changed = _as_owner(request, slug, change)
        return Response(_member_out(changed))

    @extend_schema(
        responses={204: None, 400: REFUSED, 403: OWNERS_ONLY, 404: NOT_FOUND},
        summary="Remove a teammate (owners; the last owner stays)",
    )
    def delete(self, request: Request, slug: str, user_id: int) -> Response:
        def remove(membership: Membership) -> None:
            team_member_remove(membership=access_teammate(membership, user_id))

        _as_owner(request, slug, remove)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TeamInvitationsView(APIView):
    pagination_class = None

    @extend_schema(
        responses={200: TeamInvitationOutput(many=True), 403: OWNERS_ONLY, 404: NOT_FOUND},
        summary="List pending invitations (owners)",
    )
    def get(self, request: Request, slug: str) -> Response:
        def pending(membership: Membership) -> list[dict]:
            access_check_can_manage_team(membership)
            invitations = team_invitations_pending(organisation=membership.organisation)
            return [_invitation_out(i) for i in invitations]

        return Response(_as_owner(request, slug, pending))

    @extend_schema(
        request=TeamInvitationInput,
        responses={201: TeamInvitationOutput, 400: REFUSED, 403: OWNERS_ONLY, 404: NOT_FOUND},
        summary="Invite a teammate by email (owners); the link is emailed, never returned",
    )
    def post(self, request: Request, slug: str) -> Response:
        def invite(membership: Membership) -> TeamInvitation:
            access_check_can_manage_team(membership)
            data = TeamInvitationInput(data=request.data)
            data.is_valid(raise_exception=True)
            return team_invitation_create(
                organisation=membership.organisation,
                invited_by=request.user,
                base_url=base_url(request),
                **data.validated_data,
            )

        invitation = _as_owner(request, slug, invite)
        return Response(_invitation_out(invitation), status=status.HTTP_201_CREATED)


class TeamInvitationView(APIView):
    @extend_schema(
        responses={204: None, 400: REFUSED, 403: OWNERS_ONLY, 404: NOT_FOUND},
        summary="Revoke a pending invitation (owners)",
    )
    def delete(self, request: Request, slug: str, invitation_id: int) -> Response:
        def revoke(membership: Membership) -> None:
            team_invitation_revoke(
                invitation=access_invitation_to_manage(membership, invitation_id)
            )

        _as_owner(request, slug, revoke)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TeamTransferView(APIView):
    @extend_schema(
        request=TeamTransferInput,
        responses={200: TeamMemberOutput, 400: REFUSED, 403: OWNERS_ONLY, 404: NOT_FOUND},
        summary="Hand ownership to a teammate (owners); you become an author",
    )
    def post(self, request: Request, slug: str) -> Response:
        def transfer(membership: Membership) -> Membership:
            access_check_can_manage_team(membership)
            data = TeamTransferInput(data=request.data)
            data.is_valid(raise_exception=True)
            teammate = access_teammate(membership, data.validated_data["user_id"])
            return team_ownership_transfer(owner=membership, to=teammate)

        new_owner = _as_owner(request, slug, transfer)
        return Response(_member_out(new_owner))


class TeamInvitationAcceptView(APIView):
    @extend_schema(
        request=TeamAcceptInput,
        responses={
            201: TeamAcceptOutput,
            400: OpenApiResponse(
                description="Used, revoked or expired, for another address, or already a member."
            ),
            404: OpenApiResponse(description="No invitation has this token."),
        },
        summary="Accept an invitation with its token (the signed-in account's email must match)",
    )
    def post(self, request: Request) -> Response:
        data = TeamAcceptInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            invitation = TeamInvitation.objects.select_related("organisation").get(
                token_hash=token_hash(data.validated_data["token"])
            )
        except TeamInvitation.DoesNotExist:
            raise NotFound("No such invitation.") from None
        try:
            membership = team_invitation_accept(invitation=invitation, user=request.user)
        except TeamRefused as exc:
            raise ValidationError({"detail": str(exc)}) from None
        return Response(
            {"organisation": invitation.organisation.slug, "role": membership.role},
            status=status.HTTP_201_CREATED,
        )
