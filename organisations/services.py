"""Writes on organisations: creating one with its first owner, and employer sign-up."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import User
from accounts.services import user_create
from organisations.models import Membership, Organisation

SLUG_TAKEN = "An organisation already uses this slug; choose another."


class OrganisationRejected(Exception):
    """The organisation can't be created: `errors` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


def organisation_problems(*, name: str, slug: str) -> dict[str, list[str]]:
    """What is wrong with this name and slug (empty when they may be used)."""
    probe = Organisation(name=(name or "").strip(), slug=slug or "")
    try:
        probe.full_clean()
    except ValidationError as exc:
        return {
            field: [
                SLUG_TAKEN if error.code == "unique" else " ".join(error.messages)
                for error in errors
            ]
            for field, errors in exc.error_dict.items()
        }
    return {}


@transaction.atomic
def organisation_create(*, owner: User, name: str, slug: str) -> Organisation:
    """Create an organisation with `owner` as its owner member, in one transaction.

    Slugs are validated (no `_`, a slug's characters, unique) with messages per field.
    """
    problems = organisation_problems(name=name, slug=slug)
    if problems:
        raise OrganisationRejected(problems)
    try:
        with transaction.atomic():
            organisation = Organisation.objects.create(name=name.strip(), slug=slug)
    except IntegrityError:
        # Taken between the check and the insert.
        raise OrganisationRejected({"slug": [SLUG_TAKEN]}) from None
    Membership.objects.create(organisation=organisation, user=owner, role=Membership.Role.OWNER)
    return organisation


@transaction.atomic
def employer_sign_up(
    *,
    username: str,
    email: str,
    password: str,
    display_name: str,
    organisation_name: str,
    organisation_slug: str,
) -> tuple[User, Organisation]:
    """An employer account, its organisation and its owner membership: all or nothing."""
    user = user_create(username=username, email=email, password=password, role=User.Role.EMPLOYER)
    user.display_name = display_name.strip()
    user.full_clean(exclude=["password"])
    user.save(update_fields=["display_name"])
    organisation = organisation_create(owner=user, name=organisation_name, slug=organisation_slug)
    return user, organisation
