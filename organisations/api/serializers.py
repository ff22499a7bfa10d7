"""Input and output shapes of the organisations API."""

from rest_framework import serializers

from organisations.models import Membership
from organisations.team import GRANTABLE_ROLES

# Roles an owner grants by invitation or role change (ownership is transferred).
GRANTABLE_ROLE_CHOICES = [role.value for role in GRANTABLE_ROLES]


class OrganisationInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.CharField(max_length=64, help_text="Letters, digits and hyphens; no '_'.")


class OrganisationOutput(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    role = serializers.CharField(help_text="Your role in it.")


class TeamMemberOutput(serializers.Serializer):
    user_id = serializers.IntegerField()
    username = serializers.CharField()
    email = serializers.EmailField(help_text="Shown to fellow members only.")
    role = serializers.ChoiceField(choices=Membership.Role.choices)
    joined_at = serializers.DateTimeField()


class TeamInvitationInput(serializers.Serializer):
    email = serializers.CharField(max_length=254)
    role = serializers.ChoiceField(
        choices=GRANTABLE_ROLE_CHOICES,
        default="reviewer",
        help_text="Least privilege by default; ownership is transferred, never invited.",
    )


class TeamInvitationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    role = serializers.CharField()
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()


class TeamRoleInput(serializers.Serializer):
    role = serializers.ChoiceField(choices=GRANTABLE_ROLE_CHOICES)


class TeamTransferInput(serializers.Serializer):
    user_id = serializers.IntegerField(help_text="The teammate who becomes owner.")


class TeamAcceptInput(serializers.Serializer):
    token = serializers.CharField(max_length=100, help_text="The token from the emailed link.")


class TeamAcceptOutput(serializers.Serializer):
    organisation = serializers.SlugField()
    role = serializers.CharField()
