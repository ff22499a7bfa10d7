"""An employer organisation and who belongs to it, with what role."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

# An organisation's challenges are named `<organisation slug>_<name>`: with no `_` in an
# organisation's slug, and none in the public catalogue's, no name can mean two things.
SLUG_SEPARATOR = "_"


def validate_organisation_slug(value: str) -> None:
    if SLUG_SEPARATOR in value:
        raise ValidationError(
            "An organisation's slug can't contain '_': it separates the organisation from its "
            "challenges' names. Use letters, digits and hyphens.",
            code="separator",
        )


class Organisation(models.Model):
    slug = models.SlugField(max_length=64, unique=True, validators=[validate_organisation_slug])
    name = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(slug__contains=SLUG_SEPARATOR),
                name="organisation_slug_has_no_separator",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", "Owner"
        AUTHOR = "author", "Author"  # may write the organisation's private challenges
        REVIEWER = "reviewer", "Reviewer"  # may score its free-text answers
        MEMBER = "member", "Member"  # may practise its private challenges, nothing more

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    # Least privilege: hidden cases and reference solutions take an explicit author role.
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"


class TeamInvitation(models.Model):
    """An owner's invitation for one email address to join with a role, single use.

    Only the SHA-256 of the token is kept: the raw token travels in the email's link alone, so
    a database reader can't join. It is bound to its address: only an account with that email
    accepts it.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(max_length=254)
    role = models.CharField(
        max_length=16, choices=Membership.Role.choices, default=Membership.Role.REVIEWER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="owner"), name="team_invitation_never_owner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation} ({self.role})"
