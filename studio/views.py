"""The studio's pages: thin views over studio.services and the challenges services."""

from __future__ import annotations

import functools
import math

import tomli_w
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from challenges.access import (
    access_can_author_in,
    access_challenges_for_authoring,
    authorable_organisations,
)
from challenges.api.throttles import AuthoringValidateThrottle
from challenges.kinds import kind_choices, kind_for
from challenges.kinds.base import json_text
from challenges.models import Challenge, ChallengeVersion
from challenges.services import (
    PublishRefused,
    challenge_publish,
    challenge_version_validation_request,
)
from frontend.history import time_label
from markup import render_markdown_checked
from organisations.models import Organisation
from studio.cases import case_editor_spec
from studio.files import (
    CASES,
    MANIFEST,
    FilesRefused,
    file_order,
    problems_by_file,
    template_files,
    version_files,
)
from studio.queries import files_diff, latest_version, studio_challenges, version_state
from studio.services import SaveRefused, studio_challenge_create, studio_challenge_save
from studio.zips import MAX_ZIP_BYTES, files_from_zip, zip_from_files

MAX_PREVIEW_CHARS = 200_000
# Larger files (an SQL dataset) are kept as they are, not put in the page: the whole form must
# stay under Django's DATA_UPLOAD_MAX_MEMORY_SIZE. They change through a zip import.
MAX_INLINE_BYTES = 256 * 1024
CATALOGUE = ""


def _may_author(user) -> bool:
    return user.is_staff or authorable_organisations(user).exists()


def _author(request: HttpRequest) -> None:
    if not _may_author(request.user):
        raise PermissionDenied("Only authors use the studio.")


def _challenge(request: HttpRequest, slug: str) -> Challenge:
    _author(request)
    try:
        return (
            access_challenges_for_authoring(request.user)
            .select_related("organisation")
            .get(slug=slug)
        )
    except Challenge.DoesNotExist:
        raise Http404 from None


def _template_kinds() -> list[tuple[str, str]]:
    """The registered kinds that ship a template package (a kind added by settings may not)."""
    return [
        (name, label) for name, label in kind_choices() if kind_for(name).template_folder.is_dir()
    ]


class NoVersion(Exception):
    """A challenge made elsewhere (the admin) with no version yet: its files are saved first."""


def _latest(challenge: Challenge) -> ChallengeVersion:
    version = challenge.versions.order_by("-number").first()
    if version is None:
        raise NoVersion
    return version


def _versioned(view):
    """A page about the latest version sends a version-less challenge to its files first."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, slug, *args, **kwargs)
        except NoVersion:
            messages.info(request, "No version yet: save the challenge's files first.")
            return redirect("studio:edit", slug=slug)

    return wrapper


def _starting_files(challenge: Challenge) -> dict[str, str]:
    """A version-less challenge starts from its kind's template (or just its manifest)."""
    if kind_for(challenge.kind).template_folder.is_dir():
        return template_files(challenge.kind, slug=challenge.slug, title=challenge.title)
    manifest = {"slug": challenge.slug, "title": challenge.title, "kind": challenge.kind}
    return {MANIFEST: tomli_w.dumps(manifest), "statement.md": "", "cases.json": '{"cases": []}\n'}


def _owners(user) -> list[tuple[str, str]]:
    owners = [(CATALOGUE, "Public catalogue")] if access_can_author_in(user, None) else []
    return owners + [
        (org.slug, org.name) for org in authorable_organisations(user).order_by("name")
    ]


def _owner(request: HttpRequest, value: str) -> Organisation | None:
    """The organisation a form chose (None: the catalogue); 403 unless the user authors there."""
    organisation = None
    if value:
        organisation = Organisation.objects.filter(slug=value).first()
        if organisation is None:
            raise PermissionDenied("No such organisation.")
    if not access_can_author_in(request.user, organisation):
        raise PermissionDenied("You may not author challenges there.")
    return organisation


def _home_context(request: HttpRequest, **extra) -> dict:
    rows = []
    for challenge in studio_challenges(user=request.user):
        latest = latest_version(challenge)
        rows.append(
            {
                "challenge": challenge,
                "latest": latest,
                "state": version_state(challenge, latest),
                "kind_label": kind_for(challenge.kind).label,
            }
        )
    return {
        "rows": rows,
        "kinds": _template_kinds(),
        "owners": _owners(request.user),
        "max_zip_mb": MAX_ZIP_BYTES // (1024 * 1024),
        "form": {},
        **extra,
    }


@login_required
@require_GET
def studio_home(request: HttpRequest) -> HttpResponse:
    _author(request)
    return render(request, "studio/home.html", _home_context(request))


def _created(request: HttpRequest, files: dict[str, str], organisation, form: dict):
    try:
        outcome = studio_challenge_create(files=files, organisation=organisation)
    except SaveRefused as exc:
        context = _home_context(request, problems=exc.problems, form=form)
        return render(request, "studio/home.html", context, status=400)
    messages.success(request, f"Created {outcome.challenge.title} (version 1, a draft).")
    return redirect("studio:edit", slug=outcome.challenge.slug)


@login_required
@require_POST
def studio_create(request: HttpRequest) -> HttpResponse:
    _author(request)
    form = {key: request.POST.get(key, "")[:200] for key in ("kind", "name", "title", "owner")}
    organisation = _owner(request, form["owner"])
    kinds = dict(_template_kinds())
    problems = []
    if form["kind"] not in kinds:
        problems.append("Choose a kind.")
    if not form["title"].strip():
        problems.append("Give the challenge a title.")
    if problems:
        context = _home_context(request, problems=problems, form=form)
        return render(request, "studio/home.html", context, status=400)
    name = form["name"].strip()
    slug = f"{organisation.slug}_{name}" if organisation else name
    files = template_files(form["kind"], slug=slug, title=form["title"].strip())
    return _created(request, files, organisation, form)


def _uploaded_files(request: HttpRequest) -> dict[str, str]:
    upload = request.FILES.get("package")
    if upload is None:
        raise FilesRefused(["choose a zip file to import"])
    if upload.size > MAX_ZIP_BYTES:
        raise FilesRefused([f"the zip is {upload.size} bytes; at most {MAX_ZIP_BYTES}"])
    return files_from_zip(upload.read(MAX_ZIP_BYTES + 1))


@login_required
@require_POST
def studio_import(request: HttpRequest) -> HttpResponse:
    _author(request)
    form = {"owner": request.POST.get("owner", "")[:200]}
    organisation = _owner(request, form["owner"])
    try:
        files = _uploaded_files(request)
    except FilesRefused as exc:
        context = _home_context(request, problems=exc.problems, form=form)
        return render(request, "studio/home.html", context, status=400)
    return _created(request, files, organisation, form)


def _posted_files(request: HttpRequest, challenge: Challenge) -> tuple[dict[str, str], list[str]]:
    """The files the edit form posted, and the problems of the form itself (a name taken twice).

    Files too large to edit in the page are posted as "keep": they are taken from the latest
    version as they are.
    """
    paths = request.POST.getlist("path")
    contents = request.POST.getlist("content")
    if len(paths) != len(contents):
        raise FilesRefused(["the form was incomplete; reload the page"])
    removed = set(request.POST.getlist("remove"))
    files = {}
    for path, content in zip(paths, contents, strict=True):
        if path not in removed:
            # Browsers send CRLF line ends from a textarea; packages on disk use LF.
            files[path] = content.replace("\r\n", "\n")
    kept = [path for path in request.POST.getlist("keep") if path not in removed]
    if kept:
        latest = challenge.versions.order_by("-number").first()
        stored = version_files(latest) if latest else {}
        files.update({path: stored[path] for path in kept if path in stored})
    problems = []
    new_path = request.POST.get("new_path", "").strip()
    if new_path in files:
        problems.append(f"New file: {new_path!r} exists already; choose another name")
    elif new_path:
        files[new_path] = request.POST.get("new_content", "").replace("\r\n", "\n")
    return dict(sorted(files.items(), key=lambda item: file_order(item[0]))), problems


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _edit_context(
    challenge: Challenge,
    files: dict[str, str],
    problems: list[str],
    new_file: dict[str, str] | None = None,
    kept: set[str] | None = None,
) -> dict:
    """`kept`: the files shown without their text (None: every file above MAX_INLINE_BYTES)."""
    if kept is None:
        kept = {path for path, text in files.items() if _size(text) > MAX_INLINE_BYTES}
    latest = challenge.versions.order_by("-number").first()
    grouped = problems_by_file(problems, files)
    kind = kind_for(challenge.kind)
    editable_cases = CASES in files and CASES not in kept
    return {
        "challenge": challenge,
        "latest": latest,
        "state": version_state(challenge, latest),
        "kind_label": kind.label,
        "files": [
            {
                "path": path,
                "text": text,
                "problems": grouped.get(path, []),
                "size": _size(text),
                "kept": path in kept,
            }
            for path, text in files.items()
        ],
        "package_problems": [
            problem for path, found in grouped.items() if path not in files for problem in found
        ],
        "problem_count": len(problems),
        "new_file": new_file or {},
        "case_editor": case_editor_spec(challenge.kind, files) if editable_cases else None,
        "package_help": kind.package_help,
    }


@login_required
def studio_edit(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = _challenge(request, slug)
    if request.method == "POST":
        try:
            files, problems = _posted_files(request, challenge)
        except FilesRefused as exc:
            messages.error(request, "; ".join(exc.problems))
            return redirect("studio:edit", slug=slug)
        new_file = {
            "path": request.POST.get("new_path", "")[:300],
            "content": request.POST.get("new_content", ""),
        }
        # Refused, nothing is lost: the page shows what the author typed, with the problems
        # (a file kept from the stored version stays kept; a typed one stays in its text area).
        kept = set(request.POST.getlist("keep")) & set(files)
        if problems:
            context = _edit_context(challenge, files, problems, new_file, kept)
            return render(request, "studio/edit.html", context, status=400)
        try:
            outcome = studio_challenge_save(challenge=challenge, files=files)
        except SaveRefused as exc:
            context = _edit_context(challenge, files, exc.problems, new_file, kept)
            return render(request, "studio/edit.html", context, status=400)
        if outcome.created_version:
            messages.success(request, f"Saved as version {outcome.version.number}.")
        else:
            messages.info(request, "Nothing changed: no new version.")
        return redirect("studio:edit", slug=slug)
    try:
        files = version_files(_latest(challenge))
    except NoVersion:
        messages.info(request, "No version yet: these files are the kind's template; save them.")
        files = _starting_files(challenge)
    return render(request, "studio/edit.html", _edit_context(challenge, files, []))


@login_required
@require_POST
def studio_import_version(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = _challenge(request, slug)
    try:
        files = _uploaded_files(request)
        outcome = studio_challenge_save(challenge=challenge, files=files)
    except (FilesRefused, SaveRefused) as exc:
        messages.error(request, "The zip was not imported: " + "; ".join(exc.problems[:10]))
        return redirect("studio:edit", slug=slug)
    messages.success(request, f"Imported as version {outcome.version.number}.")
    return redirect("studio:edit", slug=slug)


@login_required
@require_POST
@_versioned
def studio_validate(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = _challenge(request, slug)
    # The API's budget, shared: each validation runs many sandboxes.
    throttle = AuthoringValidateThrottle()
    if not throttle.allow_request(request, None):
        wait = math.ceil(throttle.wait() or 1)
        messages.error(request, f"Too many validations; try again in {wait} s.")
        return redirect("studio:validation", slug=slug)
    version = _latest(challenge)
    challenge_version_validation_request(version=version)
    return redirect("studio:validation", slug=slug)


def _report_checks(version: ChallengeVersion) -> dict:
    """The report's problems sorted under the check that found them (validation.py's wording)."""
    report = version.validation_report or {}
    problems = report.get("problems", [])
    reference = [
        p for p in problems if p.startswith(("reference", "case ")) or "the reference:" in p
    ]
    starter = [p for p in problems if p not in reference and "starter" in p]
    mutants = [p for p in problems if p.startswith("mutant ")]
    limits = [p for p in problems if p.startswith("time limit")]
    sorted_out = reference + starter + mutants + limits
    timings = report.get("reference_case_ms", {})
    return {
        "report": report,
        "runs_code": kind_for(version.challenge.kind).runs_code,
        "reference_problems": reference,
        "starter_problems": starter,
        "limit_problems": limits,
        "other_problems": [p for p in problems if p not in sorted_out],
        "mutants": report.get("mutants", []),
        "cases": [
            {
                "case": case,
                "input": _shown_json(case.input),
                "expected": _shown_json(case.expected),
                "time": time_label(timings.get(case.name)),
            }
            for case in version.cases.order_by("ordinal")
        ],
    }


# A case's value on the validation page is cut here: one huge expected value must not make the
# page megabytes long (the export has it whole).
SHOWN_JSON_CHARS = 4000


def _shown_json(value: object) -> str:
    """A case's input or expected value as the author wrote it (JSON: a short one on one line),
    cut at SHOWN_JSON_CHARS."""
    text = json_text(value)
    if len(text) <= SHOWN_JSON_CHARS:
        return text
    return f"{text[:SHOWN_JSON_CHARS]}\n… ({len(text) - SHOWN_JSON_CHARS:,} more characters)"


@login_required
@require_GET
@_versioned
def studio_validation(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = _challenge(request, slug)
    version = _latest(challenge)
    context = {
        "challenge": challenge,
        "version": version,
        "state": version_state(challenge, version),
        "running": version.validation_state
        in (ChallengeVersion.ValidationState.QUEUED, ChallengeVersion.ValidationState.RUNNING),
        **_report_checks(version),
    }
    return render(request, "studio/validation.html", context)


@login_required
@require_GET
def studio_validation_status(request: HttpRequest, slug: str) -> JsonResponse:
    challenge = _challenge(request, slug)
    version = challenge.versions.order_by("-number").first()
    if version is None:
        raise Http404
    return JsonResponse(
        {
            "version": version.number,
            "validation_state": version.validation_state,
            "validation_ok": version.validation_ok,
            "state": version_state(challenge, version),
        }
    )


@login_required
@require_POST
@_versioned
def studio_publish(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = _challenge(request, slug)
    version = _latest(challenge)
    try:
        challenge_publish(challenge=challenge, version=version)
    except PublishRefused as exc:
        messages.error(request, f"Not published: {exc}.")
        return redirect("studio:validation", slug=slug)
    messages.success(request, f"Published version {version.number}.")
    return redirect("studio:edit", slug=slug)


def _version(challenge: Challenge, value: str | None, default: ChallengeVersion | None):
    if value is None or value == "":
        return default
    try:
        return challenge.versions.get(number=int(value))
    except (ValueError, ChallengeVersion.DoesNotExist):
        raise Http404 from None


@login_required
@require_GET
@_versioned
def studio_history(request: HttpRequest, slug: str) -> HttpResponse:
    challenge = _challenge(request, slug)
    versions = list(challenge.versions.order_by("-number"))
    if not versions:
        raise NoVersion
    newer = _version(challenge, request.GET.get("b"), versions[0])
    older = _version(challenge, request.GET.get("a"), versions[1] if len(versions) > 1 else newer)
    diffs = files_diff(version_files(older), version_files(newer)) if older and newer else []
    return render(
        request,
        "studio/history.html",
        {
            "challenge": challenge,
            "versions": [(v, version_state(challenge, v)) for v in versions],
            "older": older,
            "newer": newer,
            "diffs": diffs,
        },
    )


@login_required
@require_GET
def studio_export(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    challenge = _challenge(request, slug)
    version = _version(challenge, str(number), None)
    data = zip_from_files(version_files(version), folder=challenge.slug)
    response = HttpResponse(data, content_type="application/zip")
    filename = f"{challenge.slug}-v{version.number}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def studio_preview(request: HttpRequest) -> JsonResponse:
    _author(request)
    markdown = request.POST.get("markdown", "")
    if len(markdown) > MAX_PREVIEW_CHARS:
        return JsonResponse(
            {"error": f"at most {MAX_PREVIEW_CHARS} characters can be previewed"}, status=400
        )
    if "\x00" in markdown:
        return JsonResponse({"error": "the text contains a NUL character"}, status=400)
    rendered = render_markdown_checked(markdown)
    return JsonResponse({"html": rendered.html, "warnings": list(rendered.warnings)})
