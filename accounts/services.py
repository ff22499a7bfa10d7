"""Writes on accounts: creating users, the demo accounts, and the account page's changes."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Exists, OuterRef
from rest_framework.authtoken.models import Token

from accounts.models import User
from accounts.timezones import is_time_zone
from organisations.models import Membership
from submissions.models import Review


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    is_staff: bool


DEMO_ACCOUNTS = (
    DemoAccount("admin", "admin-demo-pass", "candidate", True),
    DemoAccount("employer", "employer-demo-pass", User.Role.EMPLOYER, False),
    DemoAccount("candidate", "candidate-demo-pass", User.Role.CANDIDATE, False),
)


@transaction.atomic
def user_create(
    *, username: str, password: str, email: str = "", role: str = User.Role.CANDIDATE
) -> User:
    user = User(username=username, email=email, role=role)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create (or reset to the documented password) the demo accounts; returns them."""
    for account in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=account.username)
        user.role = account.role
        user.is_staff = account.is_staff
        user.is_superuser = account.is_staff
        user.email = f"{account.username}@example.com"
        user.set_password(account.password)
        user.save()
    return list(DEMO_ACCOUNTS)


# The account page and /api/me/: profile, password, deletion. Values come from the user, so each
# is checked here too (the forms and serializers check shape; these check the rules).
DISPLAY_NAME_MAX = 150
EMAIL_MAX = 254


class AccountRefused(Exception):
    """A change the rules refuse; `errors` maps a field name to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(m for messages in errors.values() for m in messages))
        self.errors = errors


def _password_ok(user: User, password: object) -> bool:
    return isinstance(password, str) and bool(password) and user.check_password(password)


def _clean_email(user: User, email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise AccountRefused({"email": ["Enter a valid email address."]}) from None
    if len(email) > EMAIL_MAX:
        raise AccountRefused({"email": [f"At most {EMAIL_MAX} characters."]})
    if User.objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise AccountRefused({"email": ["Another account uses this email."]})
    return email


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str | None = None,
    email: str | None = None,
    time_zone: str | None = None,
    current_password: str | None = None,
) -> User:
    """Change any of the display name, email and time zone (None: unchanged).

    A new email needs the current password: the address receives password resets, so a
    borrowed session must not be able to redirect them.
    """
    errors: dict[str, list[str]] = {}
    fields: list[str] = []
    if display_name is not None:
        display_name = display_name.strip()
        if len(display_name) > DISPLAY_NAME_MAX:
            errors["display_name"] = [f"At most {DISPLAY_NAME_MAX} characters."]
        elif any(ord(c) < 32 or ord(c) == 127 for c in display_name):
            errors["display_name"] = ["Control characters are not allowed."]
        else:
            user.display_name = display_name
            fields.append("display_name")
    if time_zone is not None:
        if is_time_zone(time_zone):
            user.time_zone = time_zone
            fields.append("time_zone")
        else:
            errors["time_zone"] = ["Choose a time zone from the list (such as Europe/Paris)."]
    if email is not None and email.strip().lower() != user.email.lower():
        if not _password_ok(user, current_password):
            errors["current_password"] = ["Enter your current password to change your email."]
        else:
            try:
                user.email = _clean_email(user, email)
                fields.append("email")
            except AccountRefused as exc:
                errors.update(exc.errors)
    if errors:
        user.refresh_from_db()
        raise AccountRefused(errors)
    if fields:
        # Lock the row so two accounts can't both pass the email check and take one address.
        User.objects.select_for_update().filter(pk=user.pk).exists()
        if "email" in fields and (
            User.objects.filter(email__iexact=user.email).exclude(pk=user.pk).exists()
        ):
            raise AccountRefused({"email": ["Another account uses this email."]})
        user.save(update_fields=fields)
    return user


@transaction.atomic
def user_change_password(*, user: User, current_password: str, new_password: str) -> User:
    """Set a new password after checking the current one and the password validators.

    The caller keeps the browser signed in (`update_session_auth_hash`); every other session
    ends, since their hash no longer matches. API tokens are replaced too.
    """
    if not _password_ok(user, current_password):
        raise AccountRefused({"current_password": ["Your current password is not correct."]})
    if not isinstance(new_password, str) or not new_password:
        raise AccountRefused({"new_password": ["Enter a new password."]})
    try:
        password_validation.validate_password(new_password, user)
    except ValidationError as exc:
        raise AccountRefused({"new_password": list(exc.messages)}) from None
    user.set_password(new_password)
    user.save(update_fields=["password"])
    Token.objects.filter(user=user).delete()
    return user


def _sole_owned_organisations(user: User) -> list[str]:
    """Organisations `user` alone owns while others are members: deleting would orphan them."""
    owned = Membership.objects.filter(user=user, role=Membership.Role.OWNER).values("organisation")
    other_owners = Membership.objects.filter(
        organisation=OuterRef("organisation"), role=Membership.Role.OWNER
    ).exclude(user=user)
    others = Membership.objects.filter(organisation=OuterRef("organisation")).exclude(user=user)
    rows = (
        Membership.objects.filter(user=user, organisation__in=owned)
        .annotate(has_owner=Exists(other_owners), has_others=Exists(others))
        .filter(has_owner=False, has_others=True)
        .values_list("organisation__name", flat=True)
    )
    return sorted(rows)


@transaction.atomic
def user_delete(*, user: User, password: str) -> None:
    """Delete the account and everything that is the user's, after checking the password.

    Cascades take submissions, readiness (evidence, scores, goal, assistance events), public
    report links, job applications and their stage history, memberships and API tokens. Reviews
    the user gave stay with the reviewed candidates, their reviewer detached (`reviewer` None);
    jobs they posted and stage moves they made stay with the organisation (SET_NULL). An
    organisation the user alone owns while others belong to it must get another owner first.
    """
    if not _password_ok(user, password):
        raise AccountRefused({"password": ["Your password is not correct."]})
    orphaned = _sole_owned_organisations(user)
    if orphaned:
        raise AccountRefused(
            {
                "password": [
                    "You are the only owner of "
                    + ", ".join(orphaned)
                    + ": make another member an owner first."
                ]
            }
        )
    locked = User.objects.select_for_update().get(pk=user.pk)
    Review.objects.filter(reviewer=locked).update(reviewer=None)
    locked.delete()
