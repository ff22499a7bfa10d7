"""Attack: a package that reaches outside the folder being loaded (a dataset path with '..', a
symbolic link to a file or folder elsewhere) is refused with a problem, never read."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from challenges.models import Challenge
from challenges.packages import SHARED_DATASETS, PackageError, read_package
from tests.conftest import CATALOGUE

SQL = "customers-who-never-bought"
SECRET = "CREATE TABLE secret (x); INSERT INTO secret VALUES ('the operator''s secret');\n"


@pytest.fixture
def secret_dataset(tmp_path) -> Path:
    """A dataset-shaped folder outside the load root, holding something nobody may read."""
    folder = tmp_path / "elsewhere" / "shop"
    shutil.copytree(SHARED_DATASETS / "ecommerce", folder)
    (folder / "schema.sql").write_text(SECRET)
    return folder


def sql_package(root: Path, dataset: str | None = None) -> Path:
    folder = root / SQL
    shutil.copytree(CATALOGUE / SQL, folder)
    if dataset is not None:
        manifest = folder / "challenge.toml"
        manifest.write_text(
            manifest.read_text().replace('dataset = "ecommerce"', f"dataset = '{dataset}'")
        )
    return folder


def refused(folder: Path, root: Path) -> list[str]:
    with pytest.raises(PackageError) as info:
        read_package(folder, root=root)
    assert not any("secret" in problem for problem in info.value.problems)
    return info.value.problems


OUTSIDE = (
    "resolves outside the folder being loaded and challenges/datasets; load a folder that "
    "holds both the package and the dataset"
)


@pytest.mark.parametrize(
    "dataset",
    [
        "../../elsewhere/shop",
        "../elsewhere/../../elsewhere/shop",
        "../../../../../../../../etc",
        "../../../../../../../../proc/self/root/etc",
        "../" * 40 + "tmp",
    ],
)
def test_a_dataset_path_out_of_the_load_root_is_refused(tmp_path, secret_dataset, dataset):
    root = tmp_path / "repo"
    folder = sql_package(root, dataset)
    assert refused(folder, root) == [f"challenge.toml: [sql] dataset {dataset!r} {OUTSIDE}"]


@pytest.mark.parametrize("dataset", ["/etc", "C:/x", "shop\\..\\..", "./../x", "a//b", ".hidden"])
def test_a_dataset_that_is_not_a_relative_path_is_refused(tmp_path, dataset):
    folder = sql_package(tmp_path, dataset)
    problems = refused(folder, tmp_path)
    assert problems[0].startswith("challenge.toml: [sql] dataset must name a shared dataset")


def test_a_symlinked_dataset_folder_inside_the_root_that_points_out_is_refused(
    tmp_path, secret_dataset
):
    root = tmp_path / "repo"
    folder = sql_package(root, "../datasets/shop")
    (root / "datasets").mkdir()
    (root / "datasets" / "shop").symlink_to(secret_dataset, target_is_directory=True)
    assert refused(folder, root) == [f"challenge.toml: [sql] dataset '../datasets/shop' {OUTSIDE}"]


def test_a_packages_own_dataset_as_a_symlink_is_refused(tmp_path, secret_dataset):
    folder = sql_package(tmp_path)
    (folder / "dataset").symlink_to(secret_dataset, target_is_directory=True)
    assert refused(folder, tmp_path) == [
        "dataset: a symbolic link; a package holds plain files only"
    ]


def test_a_symlinked_file_in_a_dataset_is_refused(tmp_path, secret_dataset):
    folder = sql_package(tmp_path)
    shutil.copytree(SHARED_DATASETS / "ecommerce", folder / "dataset")
    (folder / "dataset" / "schema.sql").unlink()
    (folder / "dataset" / "schema.sql").symlink_to(secret_dataset / "schema.sql")
    problems = refused(folder, tmp_path)
    assert "dataset: schema.sql: a symbolic link; datasets hold plain files" in problems


def test_a_symlinked_package_file_is_refused(tmp_path):
    folder = sql_package(tmp_path)
    (tmp_path / "passwd").write_text("root:x:0:0\n")
    (folder / "statement.md").unlink()
    (folder / "statement.md").symlink_to(tmp_path / "passwd")
    (folder / "mutants" / "count-star.sql").unlink()
    (folder / "mutants" / "count-star.sql").symlink_to(tmp_path / "passwd")
    problems = refused(folder, tmp_path)
    assert "statement.md: a symbolic link; a package holds plain files only" in problems
    assert "mutants/count-star.sql: a mutant of a sql challenge is a plain .sql file" in problems


def test_loadchallenges_refuses_the_escape_and_loads_the_others(db, tmp_path, secret_dataset):
    root = tmp_path / "repo"
    sql_package(root, "../../elsewhere/shop")
    shutil.copytree(CATALOGUE / "order-total", root / "order-total")
    err = StringIO()
    with pytest.raises(CommandError, match=r"1 package\(s\) are invalid"):
        call_command("loadchallenges", str(root), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines()[1] == (
        f"  - challenge.toml: [sql] dataset '../../elsewhere/shop' {OUTSIDE}"
    )
    assert list(Challenge.objects.values_list("slug", flat=True)) == ["order-total"]


@pytest.mark.parametrize("name", ["statement.md", "cases.json", "solution.sql"])
def test_a_package_file_linked_to_an_endless_device_is_never_read(tmp_path, name):
    folder = sql_package(tmp_path)
    (folder / name).unlink()
    (folder / name).symlink_to("/dev/zero")
    assert refused(folder, tmp_path) == [
        f"{name}: a symbolic link; a package holds plain files only"
    ]


def test_a_package_file_that_is_a_fifo_is_never_opened(tmp_path):
    import os

    folder = sql_package(tmp_path)
    (folder / "editorial.md").unlink()
    os.mkfifo(folder / "editorial.md")
    assert refused(folder, tmp_path) == ["editorial.md: not a plain file"]
