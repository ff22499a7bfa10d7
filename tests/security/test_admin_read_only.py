"""Every admin page answers as docs/admin.md says, never 500: with one row of every registered
model, a superuser and a staff account holding every model permission open each changelist,
add page, object page, history and delete confirmation; a posted change, add or delete on a
model the services own is refused (403) and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape

from organisations.models import Membership, Organisation
from tests.factories import UserFactory, one_of_every_admin_model


@dataclass(frozen=True)
class Expect:
    """Status codes of the add page and of the row's delete page: superuser, then staff."""

    editable: bool
    add: int
    delete: int
    staff_add: int
    staff_delete: int


READ_ONLY = Expect(editable=False, add=403, delete=403, staff_add=403, staff_delete=403)

# docs/admin.md, per model. The rows are made by one_of_every_admin_model: the user has
# submissions, the organisation a job, the job an application, the challenge is published.
TABLE = {
    "auth.group": Expect(True, add=200, delete=200, staff_add=200, staff_delete=200),
    "django_tasks_database.dbtaskresult": READ_ONLY,
    "accounts.user": Expect(True, add=200, delete=200, staff_add=200, staff_delete=403),
    "challenges.skill": READ_ONLY,
    "challenges.tag": READ_ONLY,
    "challenges.challenge": READ_ONLY,
    "challenges.challengeversion": READ_ONLY,
    "organisations.organisation": Expect(
        True, add=200, delete=403, staff_add=200, staff_delete=403
    ),
    "organisations.teaminvitation": READ_ONLY,
    "jobs.job": READ_ONLY,
    "jobs.application": READ_ONLY,
    "readiness.roleprofile": Expect(True, add=200, delete=200, staff_add=200, staff_delete=200),
    "readiness.skillscore": READ_ONLY,
    "readiness.challengeevidence": READ_ONLY,
    "readiness.challengecalibration": READ_ONLY,
    "readiness.publicreport": READ_ONLY,
    "submissions.submission": READ_ONLY,
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


@pytest.fixture
def rows(order_total):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    return one_of_every_admin_model(challenge=order_total, organisation=acme)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def staff(db, rows):
    """Staff holding every permission of every registered model, owner of the organisation
    (so its jobs and applications are theirs to see, as docs/access.md says)."""
    user = UserFactory(username="clerk", is_staff=True)
    types = ContentType.objects.get_for_models(
        *admin.site._registry, for_concrete_models=False
    ).values()
    user.user_permissions.set(Permission.objects.filter(content_type__in=types))
    Membership.objects.create(
        organisation=rows["organisations.organisation"], user=user, role="owner"
    )
    return user


def test_the_table_covers_every_registered_admin():
    assert {_label(model) for model in admin.site._registry} == set(TABLE)


def _pages(client, rows, *, staff: bool) -> dict[str, int]:
    seen = {}
    assert client.get("/admin/").status_code == 200
    for model, model_admin in admin.site._registry.items():
        label = _label(model)
        obj = rows[label]
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        seen[f"{label} list"] = client.get(base).status_code
        if model_admin.search_fields:
            seen[f"{label} search"] = client.get(base, {"q": "e"}).status_code
        seen[f"{label} app"] = client.get(f"/admin/{model._meta.app_label}/").status_code
        seen[f"{label} add"] = client.get(f"{base}add/").status_code
        seen[f"{label} change"] = client.get(f"{base}{obj.pk}/change/").status_code
        seen[f"{label} history"] = client.get(f"{base}{obj.pk}/history/").status_code
        seen[f"{label} delete"] = client.get(f"{base}{obj.pk}/delete/").status_code
    return seen


def _expected(*, staff: bool) -> dict[str, int]:
    expected = {}
    for label, expect in TABLE.items():
        model = next(m for m in admin.site._registry if _label(m) == label)
        expected[f"{label} list"] = 200
        if admin.site._registry[model].search_fields:
            expected[f"{label} search"] = 200
        expected[f"{label} app"] = 200
        expected[f"{label} add"] = expect.staff_add if staff else expect.add
        expected[f"{label} change"] = 200
        expected[f"{label} history"] = 200
        expected[f"{label} delete"] = expect.staff_delete if staff else expect.delete
    return expected


def test_every_page_answers_as_the_table_says_for_a_superuser(client, rows, superuser):
    client.force_login(superuser)
    assert _pages(client, rows, staff=False) == _expected(staff=False)


def test_every_page_answers_as_the_table_says_for_staff(client, rows, staff):
    client.force_login(staff)
    assert _pages(client, rows, staff=True) == _expected(staff=True)


def _stored(obj) -> dict:
    return type(obj).objects.filter(pk=obj.pk).values().get()


@pytest.mark.parametrize("who", ["superuser", "staff"])
def test_read_only_models_refuse_every_write(client, rows, who, request):
    client.force_login(request.getfixturevalue(who))
    for label, expect in TABLE.items():
        if expect.editable:
            continue
        obj = rows[label]
        before = _stored(obj)
        # Every editable field set to something else: none of it may land.
        form = {
            field.attname: "1"
            for field in type(obj)._meta.concrete_fields
            if field.editable and not field.primary_key
        }
        base = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/"
        url = f"{base}{obj.pk}/"
        assert 'name="_save"' not in client.get(f"{url}change/").content.decode(), label
        assert client.post(f"{url}change/", form).status_code == 403, label
        assert client.post(f"{base}add/", form).status_code == 403, label
        if (expect.staff_delete if who == "staff" else expect.delete) == 403:
            assert client.post(f"{url}delete/", {"post": "yes"}).status_code == 403, label
            bulk = {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
            # No such action offered: the changelist says so and does nothing.
            assert client.post(base, bulk).status_code in {200, 302}, label
        assert _stored(obj) == before, label


def test_api_tokens_are_not_in_the_admin(client, superuser):
    # DRF's token admin shows every key and makes tokens for anyone: unregistered.
    client.force_login(superuser)
    assert client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert "tokenproxy" not in client.get("/admin/").content.decode()


def test_view_pages_keep_code_and_json_readable(client, rows, superuser):
    client.force_login(superuser)

    def page(label: str) -> str:
        obj = rows[label]
        url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
        return client.get(url).content.decode()

    submission = page("submissions.submission")
    assert '<pre class="admin-code">def f(x):\n    return x\n</pre>' in submission
    assert '<pre class="admin-code">{\n  &quot;design&quot;: [\n    2,\n    1\n  ]\n}</pre>' in (
        submission
    )  # the review's scores, in its inline
    application = page("jobs.application")
    assert '<pre class="admin-code">{\n  &quot;' in application
    # Never the compact canonical text it is stored as.
    assert escape(rows["jobs.application"].snapshot_json) not in application
    score = rows["readiness.skillscore"]
    shown = page("readiness.skillscore")
    assert shown.count("Explanation:") == 1
    assert '<pre class="admin-code">{\n  &quot;' in shown
    assert score.explanation


def test_hostile_stored_content_is_shown_as_text_and_never_breaks_a_page(client, rows, superuser):
    from challenges.models import ChallengeVersion

    client.force_login(superuser)
    version = rows["challenges.challengeversion"]
    evil = "</pre><script>alert(1)</script>"
    ChallengeVersion.objects.filter(pk=version.pk).update(
        statement_md=f"Hi <img src=x onerror=alert(1)> {evil}",
        starter_code=evil,
        hints=[evil, {"nested": [evil]}],
        mutants=f"not a list {evil}",  # not the package's shape: shown as stored
        assets=[evil],
        config={evil: evil},
        validation_report={"ok": False, "problems": [evil], "mutants": [evil, {"name": evil}]},
        source={"url": f"javascript:{evil}"},
    )
    response = client.get(f"/admin/challenges/challengeversion/{version.pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert "onerror=alert(1)>" not in page
    assert '<pre class="admin-code">&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</pre>' in page
    assert "<li>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;: SURVIVED</li>" in page
    submission = rows["submissions.submission"]
    submission.__class__.objects.filter(pk=submission.pk).update(
        code=evil, results=[{"name": evil}], stdout=evil, answers={"a": evil}
    )
    page = client.get(f"/admin/submissions/submission/{submission.pk}/change/").content.decode()
    assert "<script>alert(1)" not in page
    assert page.count('<pre class="admin-code">&lt;/pre&gt;&lt;script&gt;') == 2  # code, stdout
