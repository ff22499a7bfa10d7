"""Account services: profile, password, export and deletion."""

from __future__ import annotations

import json

import pytest
from rest_framework.authtoken.models import Token

from accounts.export import account_export
from accounts.models import User
from accounts.services import (
    AccountRefused,
    user_change_password,
    user_delete,
    user_update_profile,
)
from jobs.models import Application
from organisations.models import Membership, Organisation
from readiness.models import AssistEvent, ChallengeEvidence, PublicReport, SkillScore
from submissions.models import Review, Submission
from tests.accounts.world import build_world
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


@pytest.fixture
def world(order_total):
    return build_world(order_total)


def test_update_profile_changes_name_and_zone(db):
    ada = UserFactory(username="ada")
    user_update_profile(user=ada, display_name="  Ada L ", time_zone="Europe/Lisbon")
    ada.refresh_from_db()
    assert (ada.display_name, ada.time_zone) == ("Ada L", "Europe/Lisbon")


def test_a_new_email_needs_the_password_and_is_lowercased(db):
    ada = UserFactory(username="ada", email="ada@example.com")
    with pytest.raises(AccountRefused) as refused:
        user_update_profile(user=ada, email="new@example.com")
    assert refused.value.errors == {
        "current_password": ["Enter your current password to change your email."]
    }
    user_update_profile(user=ada, email="New@Example.com", current_password=PASSWORD)
    ada.refresh_from_db()
    assert ada.email == "new@example.com"


def test_the_same_email_needs_no_password(db):
    ada = UserFactory(username="ada", email="ada@example.com")
    user_update_profile(user=ada, email="ADA@example.com", display_name="A")
    ada.refresh_from_db()
    assert (ada.email, ada.display_name) == ("ada@example.com", "A")


def test_an_email_in_use_is_refused_in_any_case(db):
    UserFactory(username="bob", email="bob@example.com")
    ada = UserFactory(username="ada", email="ada@example.com")
    with pytest.raises(AccountRefused) as refused:
        user_update_profile(user=ada, email="BOB@example.com", current_password=PASSWORD)
    assert refused.value.errors == {"email": ["Another account uses this email."]}
    ada.refresh_from_db()
    assert ada.email == "ada@example.com"


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"time_zone": "Mars/Olympus"},
            {"time_zone": ["Choose a time zone from the list (such as Europe/Paris)."]},
        ),
        (
            {"time_zone": "../../etc/passwd"},
            {"time_zone": ["Choose a time zone from the list (such as Europe/Paris)."]},
        ),
        ({"display_name": "x" * 151}, {"display_name": ["At most 150 characters."]}),
        ({"display_name": "a\x00b"}, {"display_name": ["Control characters are not allowed."]}),
        (
            {"email": "not-an-email", "current_password": PASSWORD},
            {"email": ["Enter a valid email address."]},
        ),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(db, changes, errors):
    ada = UserFactory(username="ada", display_name="Ada", email="ada@example.com")
    with pytest.raises(AccountRefused) as refused:
        # A valid change alongside the bad one is not saved either.
        user_update_profile(user=ada, **{"display_name": "Changed", **changes})
    assert refused.value.errors == errors
    stored = User.objects.get(pk=ada.pk)
    assert (stored.display_name, stored.email, stored.time_zone) == (
        "Ada",
        "ada@example.com",
        "UTC",
    )


def test_change_password_checks_the_current_one_and_the_validators(db):
    ada = UserFactory(username="ada")
    Token.objects.create(user=ada)
    with pytest.raises(AccountRefused) as refused:
        user_change_password(user=ada, current_password="wrong", new_password="x-long-new-pass")
    assert refused.value.errors == {"current_password": ["Your current password is not correct."]}
    with pytest.raises(AccountRefused) as refused:
        user_change_password(user=ada, current_password=PASSWORD, new_password="12345678")
    assert refused.value.errors == {
        "new_password": ["This password is too common.", "This password is entirely numeric."]
    }
    user_change_password(user=ada, current_password=PASSWORD, new_password="a-new-long-phrase")
    ada.refresh_from_db()
    assert ada.check_password("a-new-long-phrase")
    assert not Token.objects.filter(user=ada).exists()


def test_export_holds_everything_of_the_user_and_nothing_of_others(world):
    data = json.loads(json.dumps(account_export(user=world.ada, base_url="https://x.test")))
    assert data["format"] == "interview-platform-account-export/1"
    assert data["profile"]["username"] == "ada"
    assert data["profile"]["email"] == "ada@example.com"
    assert [s["id"] for s in data["submissions"]] == [world.submission.pk]
    assert data["submissions"][0]["code"] == "def total(): return 1"
    assert data["submissions"][0]["verdict"] == "accepted"
    assert data["submissions"][0]["custom_input"] == ""
    assert [e["challenge"] for e in data["readiness"]["evidence"]] == ["order-total"]
    assert {s["skill"] for s in data["readiness"]["skill_scores"]} == {
        "money-correctness",
        "python-correctness",
    }
    assert [(a["job"], a["note"]) for a in data["applications"]] == [
        ("Backend engineer", "Hire me")
    ]
    assert data["applications"][0]["snapshot"] == json.loads(world.application.snapshot_json)
    assert len(data["public_reports"]) == 1
    assert data["public_reports"][0]["url"].startswith("https://x.test/r/")
    assert [(e["kind"], e["index"]) for e in data["assist_events"]] == [("hint", 0)]
    assert [(d["challenge"], d["text"]) for d in data["drafts"]] == [
        ("order-total", "def total():\n    return 2\n")
    ]
    assert [(r["challenge"], r["comment"]) for r in data["reviews_given"]] == [
        ("order-total", "Clear.")
    ]
    assert "bob" not in json.dumps(data)


def test_delete_refuses_a_wrong_password(world):
    with pytest.raises(AccountRefused) as refused:
        user_delete(user=world.ada, password="wrong")
    assert refused.value.errors == {"password": ["Your password is not correct."]}
    assert User.objects.filter(pk=world.ada.pk).exists()


def test_delete_removes_everything_of_the_user_and_keeps_their_reviews_anonymous(world):
    ada_id = world.ada.pk
    Token.objects.create(user=world.ada)
    user_delete(user=world.ada, password=PASSWORD)
    assert not User.objects.filter(pk=ada_id).exists()
    assert not Submission.objects.filter(user_id=ada_id).exists()
    assert not ChallengeEvidence.objects.filter(user_id=ada_id).exists()
    assert not SkillScore.objects.filter(user_id=ada_id).exists()
    assert not AssistEvent.objects.filter(user_id=ada_id).exists()
    assert not PublicReport.objects.filter(user_id=ada_id).exists()
    assert not Application.objects.filter(candidate_id=ada_id).exists()
    assert not Token.objects.filter(user_id=ada_id).exists()
    review = Review.objects.get(pk=world.review.pk)
    assert (review.reviewer_id, review.comment) == (None, "Clear.")
    assert Submission.objects.filter(user=world.bob).count() == 1


def test_the_sole_owner_of_an_organisation_with_members_must_hand_it_over(db):
    ada = UserFactory(username="ada")
    org = Organisation.objects.create(slug="acme", name="Acme")
    Membership.objects.create(organisation=org, user=ada, role=Membership.Role.OWNER)
    member = Membership.objects.create(
        organisation=org, user=UserFactory(username="m"), role=Membership.Role.MEMBER
    )
    with pytest.raises(AccountRefused) as refused:
        user_delete(user=ada, password=PASSWORD)
    assert refused.value.errors == {
        "password": ["You are the only owner of Acme: make another member an owner first."]
    }
    Membership.objects.filter(pk=member.pk).update(role=Membership.Role.OWNER)
    user_delete(user=ada, password=PASSWORD)
    assert list(
        Membership.objects.filter(organisation=org).values_list("user__username", flat=True)
    ) == ["m"]
