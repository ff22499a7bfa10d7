"""Writes on accounts: creating users and the development demo accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from accounts.models import User


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
