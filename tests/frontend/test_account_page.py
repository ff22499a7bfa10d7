"""The account page: profile, password, export, delete; dates in the user's time zone."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from accounts.models import User
from tests.accounts.world import build_world
from tests.factories import UserFactory

PASSWORD = "correct-horse-battery"


def test_the_page_needs_sign_in(client, db):
    response = client.get("/account/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/account/"


def test_the_page_shows_the_forms_with_current_values(client, ada):
    User.objects.filter(pk=ada.pk).update(display_name="Ada L", time_zone="Europe/Lisbon")
    page = client.get("/account/").content.decode()
    assert 'name="profile-display_name" value="Ada L"' in page
    assert '<option value="Europe/Lisbon" selected>Europe/Lisbon</option>' in page
    assert 'name="password-new_password" autocomplete="new-password"' in page
    assert 'href="/account/export.json"' in page
    assert "Delete my account" in page
    # The header links here.
    assert '<a class="who" href="/account/" aria-current="page">' in page


def test_saving_the_profile(client, ada):
    response = client.post(
        "/account/profile/",
        {
            "profile-display_name": "Ada L",
            "profile-email": ada.email,
            "profile-time_zone": "America/New_York",
        },
    )
    assert response.status_code == 302
    ada.refresh_from_db()
    assert (ada.display_name, ada.time_zone) == ("Ada L", "America/New_York")
    assert "Your profile is saved." in client.get("/account/").content.decode()


def test_an_email_change_without_the_password_shows_the_error(client, ada):
    response = client.post(
        "/account/profile/",
        {
            "profile-display_name": "",
            "profile-email": "new@example.com",
            "profile-time_zone": "UTC",
        },
    )
    assert response.status_code == 400
    assert "Enter your current password to change your email." in response.content.decode()
    ada.refresh_from_db()
    assert ada.email != "new@example.com"


def test_an_unknown_time_zone_is_refused(client, ada):
    response = client.post(
        "/account/profile/",
        {"profile-email": ada.email, "profile-time_zone": "Europe/Atlantis"},
    )
    assert response.status_code == 400
    assert "Select a valid choice. Europe/Atlantis is not one of the available choices." in (
        response.content.decode()
    )


def test_changing_the_password_keeps_the_session(client, ada):
    response = client.post(
        "/account/password/",
        {"password-current_password": PASSWORD, "password-new_password": "brand-new-phrase"},
    )
    assert response.status_code == 302
    page = client.get("/account/")
    assert page.status_code == 200
    assert "Your password is changed." in page.content.decode()
    ada.refresh_from_db()
    assert ada.check_password("brand-new-phrase")


def test_a_weak_password_is_explained(client, ada):
    response = client.post(
        "/account/password/",
        {"password-current_password": PASSWORD, "password-new_password": "password"},
    )
    assert response.status_code == 400
    assert "This password is too common." in response.content.decode()


def test_export_download(client, order_total):
    world = build_world(order_total)
    client.force_login(world.ada)
    response = client.get("/account/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="account-{world.ada.pk}-export.json"'
    )
    assert json.loads(response.content)["profile"]["username"] == "ada"


def test_delete_with_the_password_signs_out_and_says_so(client, order_total):
    world = build_world(order_total)
    client.force_login(world.ada)
    wrong = client.post("/account/delete/", {"delete-password": "nope"})
    assert wrong.status_code == 400
    assert "Your password is not correct." in wrong.content.decode()
    response = client.post("/account/delete/", {"delete-password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "Your account and all its data are deleted." in response.content.decode()
    assert not User.objects.filter(username="ada").exists()
    assert client.get("/account/").status_code == 302


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("UTC", "1 Mar 2026, 12:00 UTC"), ("Asia/Tokyo", "1 Mar 2026, 21:00 JST")],
)
def test_dates_show_in_the_users_time_zone(client, db, zone, shown):
    ada = UserFactory(username="ada", time_zone=zone)
    User.objects.filter(pk=ada.pk).update(date_joined=datetime(2026, 3, 1, 12, tzinfo=UTC))
    client.force_login(ada)
    assert f"since {shown}." in client.get("/account/").content.decode()
