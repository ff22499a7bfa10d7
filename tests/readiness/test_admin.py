"""Role profiles stay editable in the admin (docs/readiness.md), with the checks that keep the
readiness pages working: at least one weighted skill, weights 1-10, a fixed slug."""

import pytest

from challenges.models import Skill
from readiness.models import RoleProfile
from tests.factories import UserFactory

PROFILES = "/admin/readiness/roleprofile/"


@pytest.fixture
def superuser(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def form(*weights: tuple[int, int], **values) -> dict:
    data = {"name": "Platform engineer", "slug": "platform", "description": "",
            "threshold": "60", "position": "9",
            "weights-TOTAL_FORMS": str(len(weights)), "weights-INITIAL_FORMS": "0",
            "weights-MIN_NUM_FORMS": "1", "weights-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for index, (skill, weight) in enumerate(weights):
        data[f"weights-{index}-skill"] = str(skill)
        data[f"weights-{index}-weight"] = str(weight)
    return {**data, **values}


def test_a_profile_is_added_with_its_weights(superuser):
    first, second = Skill.objects.order_by("position")[:2]
    response = superuser.post(f"{PROFILES}add/", form((first.pk, 3), (second.pk, 1)))
    assert response.status_code == 302
    profile = RoleProfile.objects.get(slug="platform")
    assert sorted(profile.weights.values_list("skill__slug", "weight")) == sorted(
        [(first.slug, 3), (second.slug, 1)]
    )
    # The dashboard shows a verdict for every role: this one's too.
    superuser.force_login(UserFactory(username="cand"))
    dashboard = superuser.get("/dashboard/")
    assert dashboard.status_code == 200
    assert "Platform engineer" in dashboard.content.decode()


@pytest.mark.parametrize(
    ("weights", "values", "error"),
    [
        ((), {}, "A role needs at least one skill with a weight."),
        (((1, 11),), {}, "Ensure this value is less than or equal to 10."),
        (((1, 0),), {}, "Ensure this value is greater than or equal to 1."),
        (
            ((1, 2), (1, 3)),
            {},
            "Please correct the duplicate data for skill.",
        ),
        (((1, 2),), {"threshold": "0"}, "Ensure this value is greater than or equal to 1."),
        (((1, 2),), {"threshold": "101"}, "Ensure this value is less than or equal to 100."),
    ],
)
def test_a_profile_that_would_break_the_verdict_is_refused(superuser, weights, values, error):
    skill = Skill.objects.order_by("position").first()
    weights = tuple((skill.pk if s == 1 else s, w) for s, w in weights)
    response = superuser.post(f"{PROFILES}add/", form(*weights, **values))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not RoleProfile.objects.filter(slug="platform").exists()


def test_removing_the_last_skill_is_refused_and_the_slug_is_fixed(superuser):
    profile = RoleProfile.objects.get(slug="junior-backend")
    rows = list(profile.weights.all())
    data = form(name="Junior", slug="renamed", threshold="50", position="0")
    data.update({"weights-TOTAL_FORMS": str(len(rows)), "weights-INITIAL_FORMS": str(len(rows))})
    for index, row in enumerate(rows):
        prefix = f"weights-{index}-"
        data.update({prefix + "id": str(row.pk), prefix + "profile": str(profile.pk),
                     prefix + "skill": str(row.skill_id), prefix + "weight": str(row.weight),
                     prefix + "DELETE": "on"})  # fmt: skip
    response = superuser.post(f"{PROFILES}{profile.pk}/change/", data)
    assert response.status_code == 200
    assert "A role needs at least one skill with a weight." in response.content.decode()
    assert profile.weights.count() == len(rows)
    del data["weights-0-DELETE"]
    assert superuser.post(f"{PROFILES}{profile.pk}/change/", data).status_code == 302
    profile.refresh_from_db()
    assert (profile.name, profile.slug, profile.weights.count()) == ("Junior", "junior-backend", 1)
    page = superuser.get(f"{PROFILES}{profile.pk}/change/").content.decode()
    assert 'name="slug"' not in page
