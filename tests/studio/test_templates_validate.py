"""Every kind's studio template passes validation in the real sandbox as is: an author starts
from something that works."""

import pytest

from challenges.kinds import kind_names
from challenges.services import challenge_import_package
from challenges.validation import validate_version
from studio.files import package_from_files, template_files

pytestmark = pytest.mark.docker


@pytest.mark.parametrize("kind", kind_names())
def test_the_template_validates(db, kind):
    files = template_files(kind, slug=f"template-{kind}", title="Template")
    package = package_from_files(files, slug=f"template-{kind}", organisation=None)
    version = challenge_import_package(package=package, publish=False).version
    report = validate_version(version)
    assert report.problems == []
    assert all(mutant.killed for mutant in report.mutants)
