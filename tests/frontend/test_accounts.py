"""Sign up, and reset a forgotten password by email (console backend in development)."""

import re

from django.core import mail

from accounts.models import User
from tests.factories import UserFactory


def test_sign_up_signs_in_and_lands_on_the_catalogue(client, db):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "grace",
            "email": "Grace@Example.com",
            "password": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/challenges/"
    user = User.objects.get(username="grace")
    assert (user.email, user.role) == ("grace@example.com", "candidate")
    assert client.get("/challenges/").status_code == 200


def test_sign_up_explains_every_problem(client, db):
    UserFactory(username="grace", email="grace@example.com")
    response = client.post(
        "/accounts/signup/", {"username": "Grace", "email": "GRACE@example.com", "password": "123"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "That username is taken." in page
    assert "An account already uses this email; sign in instead." in page
    assert "This password is too short." in page
    assert User.objects.count() == 1


def test_password_reset_by_email(client, db):
    UserFactory(username="ada", email="ada@example.com")
    response = client.post("/accounts/password-reset/", {"email": "ada@example.com"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Reset your Interview Platform password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "another-long-passphrase", "new_password2": "another-long-passphrase"},
    )
    assert done["Location"] == "/accounts/reset/done/"
    assert client.login(username="ada", password="another-long-passphrase")


def test_unknown_email_reveals_nothing(client, db):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.com"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []
