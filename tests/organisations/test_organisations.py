"""Organisations: slugs that can't be confused with the catalogue's, least-privilege memberships."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor

from organisations.models import Membership, Organisation
from tests.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def add_organisation(admin_client, slug: str):
    return admin_client.post(
        "/admin/organisations/organisation/add/",
        {
            "slug": slug,
            "name": "Acme",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )


def test_the_admin_refuses_a_slug_with_the_separator(admin_client):
    response = add_organisation(admin_client, "acme_order")
    assert response.status_code == 200
    assert (
        "An organisation&#x27;s slug can&#x27;t contain &#x27;_&#x27;: it separates the "
        "organisation from its challenges&#x27; names." in response.content.decode()
    )
    assert not Organisation.objects.exists()
    assert add_organisation(admin_client, "acme-corp").status_code == 302
    assert Organisation.objects.get().slug == "acme-corp"


def test_the_database_refuses_it_too(db):
    with pytest.raises(IntegrityError):
        Organisation.objects.create(slug="acme_order", name="Acme")


def test_a_membership_added_in_the_admin_defaults_to_member(admin_client):
    page = admin_client.get("/admin/organisations/organisation/add/").content.decode()
    role = page[page.index('name="memberships-__prefix__-role"') :]
    role = role[: role.index("</select>")]
    assert '<option value="member" selected>Member</option>' in role
    assert Membership(organisation=Organisation(), user=UserFactory()).role == "member"


def test_existing_slugs_lose_the_separator_when_migrating(transactional_db):
    executor = MigrationExecutor(connection)
    before = [("organisations", "0001_initial")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("organisations", "Organisation")
    old.objects.create(slug="acme_corp", name="A")
    old.objects.create(slug="acme-corp", name="B")
    old.objects.create(slug="globex", name="C")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    # Every app's leaves: going back to 0001 also unapplied the apps that depend on 0002 (jobs),
    # and later tests in the session need their tables.
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert dict(Organisation.objects.values_list("name", "slug")) == {
        "A": "acme-corp-2",
        "B": "acme-corp",
        "C": "globex",
    }


def test_the_slug_is_fixed_once_created_and_delete_spares_what_others_rely_on(admin_client):
    from tests.factories import published_challenge

    assert add_organisation(admin_client, "acme").status_code == 302
    acme = Organisation.objects.get(slug="acme")
    change = f"/admin/organisations/organisation/{acme.pk}/change/"
    assert 'name="slug"' not in admin_client.get(change).content.decode()
    form = {"slug": "other", "name": "Acme Corp",
            "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}  # fmt: skip
    assert admin_client.post(change, form).status_code == 302
    acme.refresh_from_db()
    assert (acme.slug, acme.name) == ("acme", "Acme Corp")
    # Its challenges are named after the slug; deleting would orphan them.
    challenge = published_challenge("acme_one", organisation=acme)
    delete = f"/admin/organisations/organisation/{acme.pk}/delete/"
    assert admin_client.get(delete).status_code == 403
    challenge.delete()
    assert admin_client.get(delete).status_code == 200
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Organisation.objects.exists()
