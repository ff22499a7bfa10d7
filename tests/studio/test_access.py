"""Who may use the studio: staff the catalogue, an organisation's authors its challenges only."""

import pytest
from django.test import Client

from challenges.models import Challenge
from organisations.models import Membership
from studio.files import version_files
from tests.factories import UserFactory
from tests.studio.helpers import create, created, form_data

PAGES = ("/", "/validation/", "/validation.json", "/history/", "/v1.zip")
WRITES = ("/", "/validate/", "/publish/", "/import/")


@pytest.fixture
def challenges(staff, acme_author, globex_owner):
    return {
        "catalogue": created(staff, name="public-adder"),
        "acme": created(acme_author, name="adder", owner="acme"),
        "globex": created(globex_owner, name="adder", owner="globex"),
    }


def test_anonymous_visitors_are_sent_to_sign_in(db):
    response = Client().get("/studio/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/studio/"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/studio/"),
        ("post", "/studio/new/"),
        ("post", "/studio/import/"),
        ("post", "/studio/preview/"),
    ],
)
def test_candidates_are_refused_the_studio(candidate, method, path):
    assert getattr(candidate, method)(path).status_code == 403


def test_candidates_get_no_challenge_page(candidate, challenges):
    for suffix in PAGES:
        assert candidate.get(f"/studio/c/public-adder{suffix}").status_code == 403


def test_a_member_without_the_author_role_is_refused(acme, challenges):
    member = UserFactory(username="member")
    Membership.objects.create(organisation=acme, user=member, role="reviewer")
    client = Client()
    client.force_login(member)
    assert client.get("/studio/").status_code == 403
    assert client.get("/studio/c/acme_adder/").status_code == 403


@pytest.mark.parametrize("slug", ["public-adder", "globex_adder"])
def test_an_organisation_author_cannot_touch_others_challenges(acme_author, challenges, slug):
    for suffix in PAGES:
        assert acme_author.get(f"/studio/c/{slug}{suffix}").status_code == 404
    for suffix in WRITES:
        assert acme_author.post(f"/studio/c/{slug}{suffix}").status_code == 404
    challenge = Challenge.objects.get(slug=slug)
    assert challenge.versions.count() == 1
    assert challenge.versions.get().validation_state == ""


def test_an_organisation_author_cannot_create_elsewhere(acme_author, globex):
    assert create(acme_author, name="x", owner="").status_code == 403
    assert create(acme_author, name="x", owner="globex").status_code == 403
    assert create(acme_author, name="x", owner="no-such-org").status_code == 403
    assert not Challenge.objects.exists()


def test_staff_without_membership_cannot_see_an_organisations_challenge(staff, challenges):
    assert staff.get("/studio/c/acme_adder/").status_code == 404
    assert staff.get("/studio/c/acme_adder/v1.zip").status_code == 404


def test_the_list_holds_only_my_challenges(acme_author, staff, challenges):
    mine = acme_author.get("/studio/").content.decode()
    assert "/studio/c/acme_adder/" in mine
    assert "/studio/c/globex_adder/" not in mine
    assert "/studio/c/public-adder/" not in mine
    catalogue = staff.get("/studio/").content.decode()
    assert "/studio/c/public-adder/" in catalogue
    assert "/studio/c/acme_adder/" not in catalogue


def test_only_allowed_owners_are_offered(acme_author, staff):
    page = acme_author.get("/studio/").content.decode()
    assert '<option value="acme">Acme</option>' in page
    assert "Public catalogue</option>" not in page
    assert '<option value="">Public catalogue</option>' in staff.get("/studio/").content.decode()


def test_a_saved_package_cannot_move_to_another_slug(acme_author, challenges):
    challenge = challenges["acme"]
    files = version_files(challenge.versions.get())
    files["challenge.toml"] = files["challenge.toml"].replace("acme_adder", "globex_adder")
    response = acme_author.post("/studio/c/acme_adder/", form_data(files))
    assert response.status_code == 400
    assert challenges["globex"].versions.count() == 1
    assert challenge.versions.count() == 1


def test_the_studio_link_shows_for_authors_only(acme_author, staff, candidate, acme):
    assert '<a href="/studio/"' in acme_author.get("/challenges/").content.decode()
    assert '<a href="/studio/"' in staff.get("/challenges/").content.decode()
    assert '<a href="/studio/"' not in candidate.get("/challenges/").content.decode()
    reviewer = UserFactory(username="acme-reviewer", role="employer")
    Membership.objects.create(organisation=acme, user=reviewer, role="reviewer")
    client = Client()
    client.force_login(reviewer)
    assert '<a href="/studio/"' not in client.get("/challenges/").content.decode()
