"""Views of the organisations API: an employer creates their organisation."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from organisations.api.serializers import OrganisationInput, OrganisationOutput
from organisations.models import Membership
from organisations.services import OrganisationRejected, organisation_create


class OrganisationCreateView(APIView):
    @extend_schema(
        request=OrganisationInput,
        responses={
            201: OrganisationOutput,
            400: OpenApiResponse(description="Invalid or taken slug, or a missing name."),
            403: OpenApiResponse(
                description="Only employer accounts without an organisation create one."
            ),
        },
        summary="Create your organisation and become its owner (employer accounts)",
    )
    def post(self, request: Request) -> Response:
        user = request.user
        if user.role != User.Role.EMPLOYER:
            return Response(
                {"detail": "Only employer accounts create organisations."},
                status=status.HTTP_403_FORBIDDEN,
            )
        # Teammates and further organisations come with invitations; for now one each.
        if Membership.objects.filter(user=user).exists():
            return Response(
                {"detail": "You already belong to an organisation."},
                status=status.HTTP_403_FORBIDDEN,
            )
        data = OrganisationInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            organisation = organisation_create(owner=user, **data.validated_data)
        except OrganisationRejected as exc:
            raise ValidationError(exc.errors) from None
        return Response(
            {"slug": organisation.slug, "name": organisation.name, "role": "owner"},
            status=status.HTTP_201_CREATED,
        )
