"""Writes of the studio: a package's files saved as a version through the import service."""

from __future__ import annotations

from django.db import transaction

from challenges.models import Challenge
from challenges.packages import PackageError, slug_problem
from challenges.services import ImportOutcome, ImportRefused, challenge_import_package
from organisations.models import Organisation
from studio.files import FilesRefused, package_from_files


class SaveRefused(ValueError):
    """The files don't load as a package of this challenge; `problems` name their files."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


def _load(files: dict[str, str], *, slug: str, organisation: Organisation | None):
    try:
        return package_from_files(
            files, slug=slug, organisation=organisation.slug if organisation else None
        )
    except (FilesRefused, PackageError) as exc:
        raise SaveRefused(list(exc.problems)) from None


@transaction.atomic
def studio_challenge_create(
    *, files: dict[str, str], organisation: Organisation | None
) -> ImportOutcome:
    """A new unpublished challenge from `files` (the manifest's slug names it); raises
    SaveRefused when the slug is taken or the package doesn't load."""
    import tomllib

    try:
        slug = tomllib.loads(files.get("challenge.toml", "")).get("slug", "")
    except tomllib.TOMLDecodeError as exc:
        raise SaveRefused([f"challenge.toml: invalid TOML: {exc}"]) from None
    problem = slug_problem(slug, organisation.slug if organisation else None)
    if problem:
        raise SaveRefused([f"challenge.toml: {problem}"])
    if Challenge.objects.filter(slug=slug).exists():
        raise SaveRefused([f"challenge.toml: a challenge with the slug {slug!r} exists"])
    package = _load(files, slug=slug, organisation=organisation)
    try:
        return challenge_import_package(package=package, publish=False, organisation=organisation)
    except ImportRefused as exc:
        raise SaveRefused([str(exc)]) from None


@transaction.atomic
def studio_challenge_save(*, challenge: Challenge, files: dict[str, str]) -> ImportOutcome:
    """`files` as the challenge's next version (none if nothing changed); the published version
    stays until a validated one is published. Raises SaveRefused."""
    package = _load(files, slug=challenge.slug, organisation=challenge.organisation)
    if package.kind != challenge.kind:
        raise SaveRefused([f"challenge.toml: the kind can't change ({challenge.kind})"])
    try:
        return challenge_import_package(
            package=package, publish=False, organisation=challenge.organisation
        )
    except ImportRefused as exc:
        raise SaveRefused([str(exc)]) from None
