"""The shipped catalogue: every package reads, round-trips through export, and the mix is
what the product promises (validation in the sandbox runs in CI as `make validate`)."""

from collections import Counter

import pytest

from challenges.packages import discover, read_package, write_package
from challenges.queries import package_for_version
from challenges.services import challenge_import_package
from tests.conftest import CATALOGUE

PACKAGES = discover([CATALOGUE])


@pytest.mark.parametrize("folder", PACKAGES, ids=[p.name for p in PACKAGES])
def test_package_reads_and_round_trips(db, folder, tmp_path):
    package = read_package(folder)
    version = challenge_import_package(package=package).version
    exported = write_package(package_for_version(version), tmp_path)
    again = read_package(exported)
    assert again.content() == package.content()
    assert again.digest == package.digest == version.content_digest


def test_catalogue_mix():
    packages = [read_package(folder) for folder in PACKAGES]
    kinds = Counter(package.kind for package in packages)
    assert len(packages) >= 60
    assert kinds["python"] >= 16
    assert kinds["sql"] >= 14
    assert kinds["api"] >= 12
    assert kinds["design"] >= 18
    for kind in kinds:
        difficulties = {p.difficulty for p in packages if p.kind == kind}
        assert difficulties == {"easy", "medium", "hard"}, kind
    contexts = Counter(package.context for package in packages)
    assert {"e-commerce", "fintech", "healthtech"} <= set(contexts)


def test_hidden_cases_explain_themselves():
    for folder in PACKAGES:
        package = read_package(folder)
        for case in package.cases:
            if case.visibility == "hidden":
                assert case.category, f"{package.slug}: {case.name} has no category"
                assert case.hint, f"{package.slug}: {case.name} has no hint"
