"""The challenges' admin is read-only: no add, no change, links to the studio; versions show
their code, JSON and statement readably; the validate and publish actions go through the
services and never fail on an odd challenge."""

import dataclasses
import json

import pytest
from django.contrib.auth.models import Permission
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from challenges.models import Challenge, ChallengeVersion
from challenges.packages import content_digest, read_package
from challenges.services import challenge_import_package
from challenges.tasks import validate_challenge_version
from organisations.models import Membership, Organisation
from submissions.models import Submission
from tests.conftest import CATALOGUE
from tests.factories import UserFactory

CHALLENGES = "/admin/challenges/challenge/"
VERSIONS = "/admin/challenges/challengeversion/"


@pytest.fixture
def superuser(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def action(client, name, *challenges):
    return client.post(
        CHALLENGES,
        {"action": name, "_selected_action": [c.pk for c in challenges]},
        follow=True,
    )


def new_version(**changes) -> ChallengeVersion:
    """An author's next version of order-total (not published), as the studio saves one."""
    package = dataclasses.replace(read_package(CATALOGUE / "order-total"), **changes)
    package = dataclasses.replace(package, digest=content_digest(package.content()))
    return challenge_import_package(package=package, publish=False).version


def shown(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_no_add_and_the_list_points_at_the_studio(superuser, order_total):
    assert superuser.get(f"{CHALLENGES}add/").status_code == 403
    assert superuser.post(f"{CHALLENGES}add/", {"slug": "x", "title": "X"}).status_code == 403
    listing = shown(superuser.get(CHALLENGES))
    assert f'href="{CHALLENGES}add/"' not in listing
    assert (
        '<p class="help studio-note">Read-only here: challenges are created and edited in the '
        '<a href="/studio/">authoring studio</a>, which saves new versions, validates and '
        "publishes.</p>"
    ) in listing
    assert "delete_selected" not in listing
    assert f'href="{VERSIONS}add/"' not in shown(superuser.get(VERSIONS))
    assert not Challenge.objects.filter(slug="x").exists()


def test_the_challenge_page_is_read_only_and_links_to_the_studio(superuser, order_total):
    page = shown(superuser.get(f"{CHALLENGES}{order_total.pk}/change/"))
    assert "View challenge" in page
    assert '<li><a href="/studio/c/order-total/">Edit in the studio</a></li>' in page
    for field in ("title", "slug", "current_version", "is_published", "organisation", "_save"):
        assert f'name="{field}"' not in page
    assert '<div class="readonly">Checkout total with a coupon</div>' in page
    version = order_total.current_version
    assert f'<a href="{VERSIONS}{version.pk}/change/">v1</a>' in page
    other = new_version(statement_md="Other.\n")
    response = superuser.post(
        f"{CHALLENGES}{order_total.pk}/change/",
        {"slug": "order-total", "title": "Renamed", "kind": "python", "difficulty": "easy",
         "estimated_minutes": "15", "current_version": str(other.pk), "is_published": "on"},
    )  # fmt: skip
    assert response.status_code == 403
    order_total.refresh_from_db()
    assert (order_total.title, order_total.current_version_id) == (
        "Checkout total with a coupon",
        version.pk,
    )


def test_the_version_page_shows_code_json_and_the_statement_readably(superuser, order_total):
    version = order_total.current_version
    ChallengeVersion.objects.filter(pk=version.pk).update(
        starter_code="def f(x):\n    if x:\n\n        return '<b>'\n",
        hints=["Cents, not floats.", "Round <half> up."],
        config={"entrypoint": "f", "time_limit_s": 2},
        mutants=[{"name": "off-by-one", "code": "def f(x):\n    return 1\n"}],
    )
    page = shown(superuser.get(f"{VERSIONS}{version.pk}/change/"))
    assert "View challenge version" in page
    assert '<li><a href="/studio/c/order-total/">Edit in the studio</a></li>' in page
    assert (
        '<pre class="admin-code">def f(x):\n    if x:\n\n'
        "        return &#x27;&lt;b&gt;&#x27;\n</pre>"
    ) in page
    assert (
        '<pre class="admin-code">[\n  &quot;Cents, not floats.&quot;,\n'
        "  &quot;Round &lt;half&gt; up.&quot;\n]</pre>"
    ) in page
    assert (
        '<pre class="admin-code">{\n  &quot;entrypoint&quot;: &quot;f&quot;,\n'
        "  &quot;time_limit_s&quot;: 2\n}</pre>"
    ) in page
    assert (
        '<p><strong>off-by-one</strong></p><pre class="admin-code">def f(x):\n    return 1\n</pre>'
    ) in page
    assert '<div class="statement-preview"><p>Our shop' in page
    # The cases, each value indented JSON, read-only like the rest.
    case = version.cases.order_by("ordinal").first()
    case_input = escape(json.dumps(case.input, indent=2, ensure_ascii=False))
    assert f'<pre class="admin-code">{case_input}</pre>' in page
    for field in ("statement_md", "starter_code", "config", "hints", "cases-0-input", "_save"):
        assert f'name="{field}"' not in page


def test_a_version_cannot_be_changed_even_before_it_is_published(superuser, order_total):
    draft = new_version(statement_md="Draft.\n")
    response = superuser.post(
        f"{VERSIONS}{draft.pk}/change/",
        {"statement_md": "x", "config": "{}", "hints": "[]", "mutants": "[]",
         "cases-TOTAL_FORMS": "0", "cases-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.statement_md == "Draft.\n"
    assert superuser.get(f"{VERSIONS}{draft.pk}/delete/").status_code == 403


def test_the_statement_preview_lists_markdown_warnings(superuser, order_total):
    version = order_total.current_version
    ChallengeVersion.objects.filter(pk=version.pk).update(
        statement_md="Intro\n\n<details>\n\n`code`\n"
    )
    page = shown(superuser.get(f"{VERSIONS}{version.pk}/change/"))
    assert (
        '<ul class="markdown-warnings"><li>line 3: &lt;details&gt; is not allowed; shown as '
        'text</li></ul><div class="statement-preview"><p>Intro</p>\n<p>&lt;details&gt;</p>\n'
        "<p><code>code</code></p></div>"
    ) in page


def test_an_over_long_statement_is_shown_as_too_long_not_a_500(superuser, order_total):
    version = order_total.current_version
    ChallengeVersion.objects.filter(pk=version.pk).update(statement_md="x" * 200_001)
    page = shown(superuser.get(f"{VERSIONS}{version.pk}/change/"))
    assert "<p>Markdown is limited to 200000 characters.</p>" in page
    assert "… 100001 more characters not shown" in page  # the source, capped


def test_publish_is_refused_until_validated(superuser, order_total):
    new_version(statement_md="Version two.\n")
    response = shown(action(superuser, "publish_latest", order_total))
    assert "Not published order-total: version 2 has not passed validation; validate it first" in (
        response
    )
    order_total.refresh_from_db()
    assert order_total.current_version.number == 1


@pytest.mark.docker
def test_validate_queues_then_the_task_validates_and_publish_works(
    superuser, order_total, django_capture_on_commit_callbacks
):
    draft = new_version(statement_md="Version two.\n")
    with django_capture_on_commit_callbacks(execute=True):
        response = shown(action(superuser, "validate_now", order_total))
    assert "Queued the validation of order-total v2" in response
    draft.refresh_from_db()
    assert draft.validation_state == "queued"
    (queued,) = DBTaskResult.objects.filter(queue_name="authoring")
    assert queued.args_kwargs == {"args": [draft.pk], "kwargs": {}}
    response = shown(action(superuser, "validate_now", order_total))
    assert "The validation of order-total v2 is already queued" in response
    validate_challenge_version.call(draft.pk)  # what the authoring worker runs
    draft.refresh_from_db()
    assert (draft.validation_state, draft.validation_ok) == ("done", True)
    assert "Published order-total" in shown(action(superuser, "publish_latest", order_total))
    assert Challenge.objects.get(pk=order_total.pk).current_version.number == 2


def test_the_actions_never_fail_on_an_odd_challenge(superuser, order_total):
    bare = Challenge.objects.create(slug="bare", title="Bare", kind="python", difficulty="easy")
    # A challenge whose current version is another challenge's (as the old admin allowed).
    stray = Challenge.objects.create(
        slug="stray", title="Stray", kind="python", difficulty="easy",
        current_version=order_total.current_version, is_published=True,
    )  # fmt: skip
    for name in ("validate_now", "publish_latest"):
        response = shown(action(superuser, name, bare, stray))
        assert "Skipped bare: no version yet; save its files in the studio" in response
        assert "Skipped stray: no version yet; save its files in the studio" in response
    for challenge in (bare, stray):
        assert superuser.get(f"{CHALLENGES}{challenge.pk}/change/").status_code == 200
    assert superuser.get(CHALLENGES).context["cl"].result_count == 3
    stray.refresh_from_db()
    assert stray.current_version == order_total.current_version
    assert ChallengeVersion.objects.filter(challenge__in=[bare, stray]).count() == 0


def test_actions_skip_a_private_challenge_the_superuser_does_not_author(superuser, order_total):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    package = read_package(CATALOGUE / "order-total")
    private = challenge_import_package(
        package=dataclasses.replace(package, slug="acme_order-total"),
        organisation=acme,
        publish=False,
    ).challenge
    response = shown(action(superuser, "validate_now", private))
    assert (
        "Skipped acme_order-total: only its organisation&#x27;s owners and authors may"
    ) in response
    assert private.versions.get().validation_state == ""
    page = shown(superuser.get(f"{CHALLENGES}{private.pk}/change/"))
    assert "Edit in the studio" not in page
    assert (
        "Read-only here: the organisation's owners and authors edit this challenge in the studio."
    ) in page


def test_a_superuser_deletes_only_a_challenge_nobody_saw(superuser, order_total):
    bare = Challenge.objects.create(slug="bare", title="Bare", kind="python", difficulty="easy")
    assert superuser.get(f"{CHALLENGES}{order_total.pk}/delete/").status_code == 403
    draft = new_version(statement_md="Two.\n")
    unpublished = Challenge.objects.create(
        slug="tried", title="Tried", kind="python", difficulty="easy"
    )
    tried = ChallengeVersion.objects.create(
        challenge=unpublished, number=1, statement_md="x", content_digest="0" * 64
    )
    Submission.objects.create(user=UserFactory(), version=tried, mode="run", code="x = 1")
    assert superuser.get(f"{CHALLENGES}{unpublished.pk}/delete/").status_code == 403
    assert superuser.get(f"{CHALLENGES}{bare.pk}/delete/").status_code == 200
    response = superuser.post(f"{CHALLENGES}{bare.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Challenge.objects.filter(slug="bare").exists()
    assert ChallengeVersion.objects.filter(pk=draft.pk).exists()


def test_staff_see_only_the_challenges_they_may_author(client, order_total):
    acme = Organisation.objects.create(slug="acme", name="Acme")
    private = Challenge.objects.create(
        slug="acme_secret", title="Secret", kind="python", difficulty="easy", organisation=acme
    )
    staff = UserFactory(username="helper", is_staff=True)
    staff.user_permissions.set(
        Permission.objects.filter(content_type__app_label="challenges", codename__regex=r"^view_")
    )
    client.force_login(staff)
    listing = client.get(CHALLENGES).content.decode()
    assert "order-total" in listing
    assert "acme_secret" not in listing
    assert client.get(f"{CHALLENGES}{private.pk}/change/").status_code == 302
    Membership.objects.create(organisation=acme, user=staff, role="author")
    assert "acme_secret" in client.get(CHALLENGES).content.decode()
    page = shown(client.get(f"{CHALLENGES}{private.pk}/change/"))
    assert '<li><a href="/studio/c/acme_secret/">Edit in the studio</a></li>' in page
    assert client.get(f"{CHALLENGES}{private.pk}/delete/").status_code == 403
