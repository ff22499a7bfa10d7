"""Writes on jobs and applications: posting, closing, applying (frozen snapshot), stage moves."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from jobs.access import ApplyRefused, access_check_can_apply
from jobs.emails import send_stage_change
from jobs.models import (
    DESCRIPTION_MAX,
    LOCATION_MAX,
    NOTE_MAX,
    STAGE_TRANSITIONS,
    TITLE_MAX,
    Application,
    Job,
    Stage,
    StageChange,
)
from jobs.snapshot import freeze
from markup.rendering import render_markdown
from organisations.models import Organisation
from readiness.models import RoleProfile
from readiness.queries import readiness_snapshot

JOB_FIELDS = (
    "title",
    "description_md",
    "location",
    "workplace",
    "role_profile",
    "minimum_readiness",
)


class JobRejected(Exception):
    """A job's fields are invalid: `errors` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class ApplicationRejected(Exception):
    """An application can't be made: `field` (or None for the whole request) and why."""

    def __init__(self, detail: str, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field


class StageMoveRefused(Exception):
    """The stage can't move: not an allowed transition, or someone moved it first."""

    def __init__(self, detail: str, *, conflict: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        self.conflict = conflict


def _has_control_characters(text: str) -> bool:
    return any(ord(c) < 32 and c not in "\n\r\t" for c in text)


def job_problems(values: dict) -> dict[str, list[str]]:
    """Field problems of a job's values (the API and the forms validate first; this is the
    last line, for any caller)."""
    problems: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        problems.setdefault(field, []).append(message)

    title = values.get("title", "")
    if not isinstance(title, str) or not title.strip():
        add("title", "A job needs a title.")
    elif len(title) > TITLE_MAX:
        add("title", f"At most {TITLE_MAX} characters.")
    description = values.get("description_md", "")
    if not isinstance(description, str) or not description.strip():
        add("description_md", "A job needs a description.")
    elif len(description) > DESCRIPTION_MAX:
        add("description_md", f"At most {DESCRIPTION_MAX:,} characters.")
    location = values.get("location", "")
    if not isinstance(location, str) or len(location) > LOCATION_MAX:
        add("location", f"At most {LOCATION_MAX} characters.")
    for field in ("title", "location"):
        text = values.get(field, "")
        if isinstance(text, str) and _has_control_characters(text):
            add(field, "Control characters aren't allowed.")
    if values.get("workplace") not in Job.Workplace.values:
        add("workplace", "Choose on-site, hybrid or remote.")
    if not isinstance(values.get("role_profile"), RoleProfile):
        add("role_profile", "Choose a role profile.")
    minimum = values.get("minimum_readiness")
    if isinstance(minimum, bool) or not isinstance(minimum, int) or not 0 <= minimum <= 100:
        add("minimum_readiness", "A whole number from 0 to 100.")
    return problems


@transaction.atomic
def job_create(*, organisation: Organisation, created_by: User, **values) -> Job:
    """Post a job (open) for `organisation`; the description is rendered once, here."""
    values = {field: values.get(field) for field in JOB_FIELDS}
    values["location"] = values["location"] or ""
    problems = job_problems(values)
    if problems:
        raise JobRejected(problems)
    values["title"] = values["title"].strip()
    values["location"] = values["location"].strip()
    return Job.objects.create(
        organisation=organisation,
        created_by=created_by,
        description_html=render_markdown(values["description_md"]),
        **values,
    )


@transaction.atomic
def job_update(*, job: Job, **changes) -> Job:
    """Change a job's fields (any of JOB_FIELDS); its status moves only by close/reopen."""
    unknown = set(changes) - set(JOB_FIELDS)
    if unknown:
        raise JobRejected({field: ["This field can't be changed."] for field in sorted(unknown)})
    values = {field: changes.get(field, getattr(job, field)) for field in JOB_FIELDS}
    values["location"] = values["location"] or ""
    problems = job_problems(values)
    if problems:
        raise JobRejected(problems)
    values["title"] = values["title"].strip()
    values["location"] = values["location"].strip()
    values["description_html"] = render_markdown(values["description_md"])
    Job.objects.filter(pk=job.pk).update(**values, updated_at=timezone.now())
    job.refresh_from_db()
    return job


def _set_status(*, job: Job, to: str) -> bool:
    changed = (
        Job.objects.filter(pk=job.pk)
        .exclude(status=to)
        .update(status=to, updated_at=timezone.now())
    )
    job.refresh_from_db(fields=["status", "updated_at"])
    return bool(changed)


@transaction.atomic
def job_close(*, job: Job) -> bool:
    """Close a job to new applications; False if it was already closed. One guarded UPDATE."""
    return _set_status(job=job, to=Job.Status.CLOSED)


@transaction.atomic
def job_reopen(*, job: Job) -> bool:
    """Open a closed job again; False if it was already open."""
    return _set_status(job=job, to=Job.Status.OPEN)


@transaction.atomic
def job_delete(*, job: Job) -> bool:
    """Delete a job nobody applied to; False (and nothing deleted) once someone has.

    The job's row is locked first: application_create locks it too, so an application can't
    arrive between the check and the delete (and be deleted with it).
    """
    locked = Job.objects.select_for_update().filter(pk=job.pk).first()
    if locked is None:
        return True
    if locked.applications.exists():
        return False
    locked.delete()
    return True


def note_problem(note: object) -> str | None:
    if not isinstance(note, str):
        return "A note is text."
    if len(note) > NOTE_MAX:
        return f"A note is at most {NOTE_MAX:,} characters (this one has {len(note):,})."
    if "\x00" in note or _has_control_characters(note):
        return "Control characters aren't allowed in a note."
    return None


@transaction.atomic
def application_create(*, job: Job, candidate: User, note: str = "") -> Application:
    """Apply: freeze the candidate's readiness for the job's role now, for good.

    Checked again inside the transaction with the job's row locked, so a job closed meanwhile
    refuses the application.
    """
    problem = note_problem(note)
    if problem:
        raise ApplicationRejected(problem, field="note")
    job = (
        Job.objects.select_for_update()
        .select_related("organisation", "role_profile")
        .get(pk=job.pk)
    )
    try:
        access_check_can_apply(candidate, job)
    except ApplyRefused as exc:
        raise ApplicationRejected(str(exc)) from None
    if Application.objects.filter(job=job, candidate=candidate).exists():
        raise ApplicationRejected("You have already applied to this job.")
    frozen = freeze(readiness_snapshot(user=candidate, role=job.role_profile))
    try:
        with transaction.atomic():
            return Application.objects.create(
                job=job,
                candidate=candidate,
                note=note.strip(),
                snapshot_json=frozen.text,
                snapshot_sha256=frozen.sha256,
                role_score=frozen.role_score,
                role_low=frozen.role_low,
            )
    except IntegrityError:
        raise ApplicationRejected("You have already applied to this job.") from None


@dataclass(frozen=True)
class StageMove:
    application: Application
    change: StageChange


@transaction.atomic
def application_move_stage(*, application: Application, to: str, by: User) -> StageMove:
    """Move an application to `to` if that is an allowed transition from where it is now.

    One guarded UPDATE (WHERE stage = the stage read): of two hirers moving it at once, one
    wins and the other gets a conflict. The candidate is emailed once the move commits.
    """
    if to not in Stage.values:
        raise StageMoveRefused(f"Unknown stage {to!r}: use one of {', '.join(Stage.values)}.")
    current = application.stage
    if to not in STAGE_TRANSITIONS[current]:
        allowed = ", ".join(sorted(STAGE_TRANSITIONS[current])) or "none (it is final)"
        raise StageMoveRefused(
            f"An application can't move from {current} to {to}. From {current}: {allowed}."
        )
    now = timezone.now()
    moved = Application.objects.filter(pk=application.pk, stage=current).update(
        stage=to, stage_changed_at=now
    )
    if not moved:
        raise StageMoveRefused(
            "Someone moved this application meanwhile; reload to see its stage.", conflict=True
        )
    change = StageChange.objects.create(
        application=application, from_stage=current, to_stage=to, changed_by=by
    )
    application.refresh_from_db(fields=["stage", "stage_changed_at"])
    # robust: a mail server that is down is logged, never turns the committed move into a 500.
    transaction.on_commit(lambda: send_stage_change(application=application, stage=to), robust=True)
    return StageMove(application=application, change=change)
