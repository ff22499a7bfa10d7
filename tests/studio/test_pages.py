"""The studio's pages through the Django client: create, edit, preview, validate, publish,
history, export and import."""

import io
import re
import zipfile

import pytest
from django.core.cache import cache
from django.utils import timezone

from challenges.kinds import kind_names
from challenges.models import Challenge, ChallengeVersion
from studio.files import package_from_files, template_files, version_files
from tests.studio.helpers import create, created, form_data

State = ChallengeVersion.ValidationState


def latest(challenge: Challenge) -> ChallengeVersion:
    return challenge.versions.order_by("-number").first()


def mark_validated(version: ChallengeVersion, *, ok: bool, report: dict | None = None) -> None:
    ChallengeVersion.objects.filter(pk=version.pk).update(
        validation_state=State.DONE,
        validation_ok=ok,
        validation_report=report or {"ok": ok, "problems": [], "mutants": []},
        validated_at=timezone.now(),
    )


@pytest.mark.parametrize("kind", kind_names())
def test_a_challenge_of_every_kind_is_created_from_its_template(staff, kind):
    challenge = created(staff, kind=kind, name=f"my-{kind}", title=f"My {kind} challenge")
    assert challenge.kind == kind
    assert challenge.title == f"My {kind} challenge"
    assert challenge.organisation is None
    assert challenge.is_published is False
    assert challenge.current_version.number == 1
    template = template_files(kind, slug=f"my-{kind}", title=f"My {kind} challenge")
    package = package_from_files(template, slug=f"my-{kind}", organisation=None)
    assert latest(challenge).content_digest == package.digest


def test_an_organisation_author_creates_with_the_organisation_prefix(acme_author, acme):
    challenge = created(acme_author, name="adder", owner="acme")
    assert challenge.slug == "acme_adder"
    assert challenge.organisation == acme


def test_a_bad_slug_is_refused_and_the_form_keeps_what_was_typed(staff):
    response = create(staff, name="Not A Slug", title="Kept title")
    assert response.status_code == 400
    page = response.content.decode()
    assert "slug must be lowercase words joined by hyphens" in page
    assert 'value="Kept title"' in page
    assert 'value="Not A Slug"' in page
    assert not Challenge.objects.exists()


def test_a_taken_slug_is_refused(staff):
    created(staff, name="adder")
    response = create(staff, name="adder", title="Again")
    assert response.status_code == 400
    assert "a challenge with the slug &#x27;adder&#x27; exists" in response.content.decode()
    assert Challenge.objects.count() == 1


def test_home_lists_my_challenges_with_their_state(staff):
    draft = created(staff, name="draft-one", title="Draft one")
    valid = created(staff, name="valid-one", title="Valid one")
    invalid = created(staff, name="invalid-one", title="Invalid one")
    running = created(staff, name="running-one", title="Running one")
    published = created(staff, name="published-one", title="Published one")
    mark_validated(latest(valid), ok=True)
    mark_validated(latest(invalid), ok=False)
    ChallengeVersion.objects.filter(pk=latest(running).pk).update(validation_state=State.RUNNING)
    mark_validated(latest(published), ok=True)
    staff.post(f"/studio/c/{published.slug}/publish/")
    page = staff.get("/studio/").content.decode()
    for challenge, state in (
        (draft, "draft"),
        (valid, "valid"),
        (invalid, "invalid"),
        (running, "validating"),
        (published, "published"),
    ):
        row = page.split(f">{challenge.title}</a>")[1].split("</tr>")[0]
        assert f'studio-state-{state}">{state.capitalize()}<' in row
    assert page.count(">Never<") == 2  # draft and running were never validated


@pytest.mark.parametrize(
    ("kind", "help_text"),
    [
        (
            "python",
            "A mutant is <code>mutants/&lt;name&gt;.py</code>; "
            "<code>editorial.md</code> is the worked solution.",
        ),
        (
            "sql",
            "A mutant is <code>mutants/&lt;name&gt;.sql</code>; a dataset&#x27;s file is "
            "<code>dataset/&lt;name&gt;.sql</code>; <code>editorial.md</code> is the worked "
            "solution.",
        ),
        ("design", "<code>editorial.md</code> is the worked solution."),
    ],
)
def test_adding_a_file_names_the_kinds_own_package_files(staff, kind, help_text):
    challenge = created(staff, kind=kind, name=f"help-{kind}")
    page = staff.get(f"/studio/c/{challenge.slug}/").content.decode()
    assert f'<p id="new-path-help" class="muted">{help_text}</p>' in page


def test_editing_the_statement_saves_a_new_version(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    files["statement.md"] = "# Add\n\nReturn `a + b`.\n"
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert response.status_code == 302
    assert latest(challenge).number == 2
    assert latest(challenge).statement_md == "# Add\n\nReturn `a + b`.\n"
    # The published (here: first) version is untouched until a validated one is published.
    challenge.refresh_from_db()
    assert challenge.current_version.number == 1
    again = staff.post(f"/studio/c/{challenge.slug}/", form_data(files), follow=True)
    assert "Nothing changed: no new version." in again.content.decode()
    assert latest(challenge).number == 2


def test_textarea_line_ends_are_stored_as_newlines(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    files["statement.md"] = "# Add\r\n\r\nTwo lines.\r\n"
    staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert latest(challenge).statement_md == "# Add\n\nTwo lines.\n"


def test_a_broken_cases_file_is_refused_with_its_line_and_nothing_is_lost(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    files["cases.json"] = '{\n "cases": [\n  {"name": "x",\n   "input": }\n ]\n}\n'
    files["statement.md"] = "My unsaved statement"
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Not saved: 1 problem" in page
    assert "<strong>line 4</strong></button>: Expecting value: line 4 column 13 (char 42)" in page
    assert "My unsaved statement</textarea>" in page
    assert latest(challenge).number == 1


def test_a_case_problem_points_at_the_line_of_its_case(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    lines = files["cases.json"].splitlines()
    files["cases.json"] = files["cases.json"].replace('"category": "identity",', "", 1)
    assert files["cases.json"] != "\n".join(lines)
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert response.status_code == 400
    page = response.content.decode()
    third = next(n for n, line in enumerate(lines, 1) if '"zero"' in line) - 1
    assert (
        f"<strong>line {third}</strong></button>: case 3 (&#x27;zero&#x27;): a hidden case needs a "
        "&#x27;category&#x27; (shown with it)"
    ) in page


def test_invalid_toml_in_the_manifest_names_its_line(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    files["challenge.toml"] = 'slug = "adder"\ntitle = \n'
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert response.status_code == 400
    assert (
        "<strong>line 2</strong></button>: invalid TOML: Invalid value (at line 2, column 9)"
        in (response.content.decode())
    )


def test_a_mutant_is_added_and_a_file_removed(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    data = form_data(
        files,
        new_path="mutants/multiplies.py",
        new_content="def add(a, b):\n    return a * b\n",
        remove=["mutants/subtracts.py"],
    )
    response = staff.post(f"/studio/c/{challenge.slug}/", data)
    assert response.status_code == 302
    assert latest(challenge).mutants == [
        {"name": "multiplies", "code": "def add(a, b):\n    return a * b\n"}
    ]


def test_the_kind_cannot_change(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    other = template_files("sql", slug=challenge.slug, title="Adder")
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data({**other}))
    assert response.status_code == 400
    assert "the kind can&#x27;t change (python)" in response.content.decode()
    assert version_files(latest(challenge)) == files


def test_the_preview_renders_sanitised_markdown(staff):
    response = staff.post(
        "/studio/preview/", {"markdown": "# Title\n\n<script>alert(1)</script>\n\n**bold**"}
    )
    assert response.status_code == 200
    html = response.json()["html"]
    assert "<h1" in html
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html
    assert response.json()["warnings"] == [
        "line 3: <script> is not allowed; shown as text",
        "line 3: </script> is not allowed; shown as text",
    ]


def test_the_preview_shows_an_unclosed_tag_as_text_and_renders_what_follows(staff):
    response = staff.post(
        "/studio/preview/",
        {"markdown": "Intro\n\n<details>\n\nUse `x` and [r].\n\n[r]: https://a.example\n"},
    )
    assert response.json() == {
        "html": "<p>Intro</p>\n<p>&lt;details&gt;</p>\n<p>Use <code>x</code> and "
        '<a href="https://a.example" rel="nofollow noopener">r</a>.</p>',
        "warnings": ["line 3: <details> is not allowed; shown as text"],
    }


def test_the_preview_refuses_oversized_text(staff):
    response = staff.post("/studio/preview/", {"markdown": "x" * 200_001})
    assert response.status_code == 400
    assert response.json() == {"error": "at most 200000 characters can be previewed"}


def test_validate_queues_the_latest_version_and_reports_progress(staff):
    challenge = created(staff)
    response = staff.post(f"/studio/c/{challenge.slug}/validate/")
    assert response.status_code == 302
    assert response["Location"] == f"/studio/c/{challenge.slug}/validation/"
    assert latest(challenge).validation_state == State.QUEUED
    status = staff.get(f"/studio/c/{challenge.slug}/validation.json").json()
    assert status == {
        "version": 1,
        "validation_state": "queued",
        "validation_ok": None,
        "state": "validating",
    }
    page = staff.get(f"/studio/c/{challenge.slug}/validation/").content.decode()
    assert 'data-state="queued"' in page
    assert "Validating" in page


def test_the_validation_page_shows_each_check_and_hidden_cases(staff):
    challenge = created(staff)
    report = {
        "ok": False,
        "problems": [
            "the starter code passes every case: it must fail",
            "mutant 'subtracts' survives: no hidden case fails it (accepted)",
        ],
        "reference_case_ms": {"small numbers": 3, "negative numbers": 4, "zero": 2},
        "slowest_case_ms": 4,
        "time_limit_s": 2.0,
        "mutants": [
            {
                "name": "subtracts",
                "killed": False,
                "failed_hidden": [],
                "verdict": "accepted",
                "invalid": False,
            }
        ],
        "warnings": [],
    }
    mark_validated(latest(challenge), ok=False, report=report)
    page = staff.get(f"/studio/c/{challenge.slug}/validation/").content.decode()
    assert "Reference solution (run twice)" in page
    assert "the starter code passes every case: it must fail" in page
    assert "Mutant <code>subtracts</code>" in page
    assert '<span class="check-fail">Survives</span>' in page
    assert "Time limit 2.0 s; the reference's slowest case 4 ms" in page
    # Hidden cases with their expected values: the author sees what candidates never do.
    assert "<td>negative numbers</td><td>Hidden</td>" in page
    assert '<pre class="studio-value">-3</pre>' in page
    assert "<td>4 ms</td>" in page


def test_publishing_is_refused_until_validation_passed(staff):
    challenge = created(staff)
    response = staff.post(f"/studio/c/{challenge.slug}/publish/", follow=True)
    assert "Not published: version 1 has not passed validation; validate it first." in (
        response.content.decode()
    )
    challenge.refresh_from_db()
    assert challenge.is_published is False


def test_a_validated_version_is_published_and_listed_in_the_catalogue(staff):
    challenge = created(staff, title="Adder for all")
    mark_validated(latest(challenge), ok=True)
    response = staff.post(f"/studio/c/{challenge.slug}/publish/", follow=True)
    assert "Published version 1." in response.content.decode()
    challenge.refresh_from_db()
    assert challenge.is_published is True
    assert "Adder for all" in staff.get("/challenges/").content.decode()


def test_history_shows_a_safe_diff_between_two_versions(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    old_statement = files["statement.md"]
    files["statement.md"] = old_statement + "\n<script>alert('x')</script>\n"
    staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    page = staff.get(f"/studio/c/{challenge.slug}/history/?a=1&b=2").content.decode()
    assert "Changes from v1 to v2" in page
    assert '<code>statement.md</code> <span class="studio-diff-status">changed</span>' in page
    assert '<span class="diff-added">+&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;</span>' in (
        page
    )
    assert "<script>alert" not in page
    same = staff.get(f"/studio/c/{challenge.slug}/history/?a=2&b=2").content.decode()
    assert "none, the packages are the same" in same
    assert staff.get(f"/studio/c/{challenge.slug}/history/?a=9").status_code == 404


def test_export_and_import_round_trip_a_package(staff):
    challenge = created(staff)
    response = staff.get(f"/studio/c/{challenge.slug}/v1.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="adder-v1.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    files = version_files(latest(challenge))
    assert archive.namelist() == [f"adder/{path}" for path in files]
    # Imported under another slug: a new challenge with the same content.
    renamed = io.BytesIO()
    with zipfile.ZipFile(renamed, "w") as out:
        for path, text in files.items():
            if path == "challenge.toml":
                text = text.replace('slug = "adder"', 'slug = "adder-copy"')
            out.writestr(f"adder-copy/{path}", text)
    upload = io.BytesIO(renamed.getvalue())
    upload.name = "adder-copy.zip"
    response = staff.post("/studio/import/", {"owner": "", "package": upload})
    assert response.status_code == 302
    copy = Challenge.objects.get(slug="adder-copy")
    assert version_files(latest(copy))["solution.py"] == files["solution.py"]


def test_importing_a_zip_as_a_new_version(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    files["statement.md"] = "Imported statement\n"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for path, text in files.items():
            out.writestr(path, text)
    buffer.seek(0)
    buffer.name = "p.zip"
    response = staff.post(f"/studio/c/{challenge.slug}/import/", {"package": buffer}, follow=True)
    assert "Imported as version 2." in response.content.decode()
    assert latest(challenge).statement_md == "Imported statement\n"


def test_a_design_challenge_is_checked_without_the_sandbox_rows(staff):
    challenge = created(staff, kind="design", name="a-design")
    mark_validated(latest(challenge), ok=True)
    page = staff.get(f"/studio/c/{challenge.slug}/validation/").content.decode()
    assert '<th scope="row">Answer key</th>' in page
    assert "Reference solution" not in page


def test_the_list_says_which_version_is_published_beside_a_newer_draft(staff):
    challenge = created(staff)
    mark_validated(latest(challenge), ok=True)
    staff.post(f"/studio/c/{challenge.slug}/publish/")
    files = version_files(latest(challenge))
    files["statement.md"] = "Changed\n"
    staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    page = staff.get("/studio/").content.decode()
    assert 'v2 <span class="muted">(v1 published)</span>' in page


def test_a_kind_without_a_template_is_not_offered(staff, settings):
    settings.CHALLENGE_KINDS = {**settings.CHALLENGE_KINDS, "glossary": "tests.challenges.toy_kind"}
    page = staff.get("/studio/").content.decode()
    assert '<option value="glossary"' not in page
    assert create(staff, kind="glossary", name="t", title="T").status_code == 400


def test_validate_shares_the_api_validation_budget(staff, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "authoring_validate": "1/hour",
        },
    }
    cache.clear()
    challenge = created(staff)
    staff.post(f"/studio/c/{challenge.slug}/validate/")
    mark_validated(latest(challenge), ok=False)
    response = staff.post(f"/studio/c/{challenge.slug}/validate/", follow=True)
    # The wait counts down from an hour (a slow machine may take a second or more to get here).
    assert re.search(r"Too many validations; try again in 3[56]\d\d s\.", response.content.decode())
    assert latest(challenge).validation_state == State.DONE


def test_a_challenge_without_a_version_starts_from_the_template(staff):
    # A row with no version yet (as the admin's "Add challenge" used to leave one).
    challenge = Challenge.objects.create(
        slug="bare", title="Bare one", kind="python", difficulty="easy"
    )
    page = staff.get("/studio/c/bare/").content.decode()
    assert "No version yet: these files are the kind&#x27;s template; save them." in page
    assert "no version yet" in page
    for path in ("/validate/", "/publish/"):
        response = staff.post(f"/studio/c/bare{path}", follow=True)
        assert "No version yet: save the challenge&#x27;s files first." in response.content.decode()
    assert staff.get("/studio/c/bare/history/")["Location"] == "/studio/c/bare/"
    assert staff.get("/studio/c/bare/validation.json").status_code == 404
    files = template_files("python", slug="bare", title="Bare one")
    assert staff.post("/studio/c/bare/", form_data(files)).status_code == 302
    assert latest(challenge).number == 1


def test_a_file_too_large_for_the_page_is_kept_as_it_is(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    big = "€" * 100_000 + "\n"  # 300 KB: above what the page puts in a text area
    staff.post(f"/studio/c/{challenge.slug}/", form_data({**files, "editorial.md": big}))
    assert latest(challenge).editorial_md == big
    page = staff.get(f"/studio/c/{challenge.slug}/").content.decode()
    assert '<input type="hidden" name="keep" value="editorial.md">' in page
    assert "€" * 100 not in page
    # The browser posts the others' text and "keep" for it: it survives the next save.
    files["statement.md"] = "Changed\n"
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files, keep=["editorial.md"]))
    assert response.status_code == 302
    assert latest(challenge).number == 3
    assert latest(challenge).editorial_md == big


def test_a_new_file_with_a_taken_name_keeps_everything_typed(staff):
    challenge = created(staff)
    files = version_files(latest(challenge))
    files["statement.md"] = "Typed statement"
    data = form_data(files, new_path="solution.py", new_content="typed code")
    response = staff.post(f"/studio/c/{challenge.slug}/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "New file: &#x27;solution.py&#x27; exists already; choose another name" in page
    assert "Typed statement</textarea>" in page
    assert 'value="solution.py"' in page
    assert ">typed code</textarea>" in page
    assert latest(challenge).number == 1
