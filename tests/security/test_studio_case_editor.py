"""Attack: what an author types into the studio reaches the case table's description (json_script)
only escaped, and a hostile manifest neither breaks the page nor points the SQL kind's dataset
choice outside challenges/datasets."""

import re

import pytest
from django.test import Client

from studio.cases import case_editor_spec, kind_config
from studio.files import template_files, version_files
from tests.factories import UserFactory
from tests.studio.helpers import created, form_data


@pytest.fixture
def staff(db) -> Client:
    client = Client()
    client.force_login(UserFactory(username="editor", is_staff=True))
    return client


def test_a_file_name_cannot_close_the_description_script(staff):
    challenge = created(staff, kind="sql", name="sneaky", title="Sneaky")
    files = version_files(challenge.versions.get())
    hostile = "dataset/</script><script>alert(1)</script>.sql"
    response = staff.post(
        f"/studio/c/{challenge.slug}/", form_data(files, new_path=hostile, new_content="SELECT 1;")
    )
    assert response.status_code == 400
    page = response.content.decode()
    script = re.search(
        r'<script id="case-editor-spec" type="application/json">(.*?)</script>', page, re.S
    ).group(1)
    assert "<" not in script
    assert ">" not in script
    assert "\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)" in script
    assert "<script>alert(1)</script>" not in page


def test_a_hostile_manifest_gives_the_default_columns_without_failing():
    # Without dataset files of its own, the manifest's dataset names where choices come from.
    files = {
        path: text
        for path, text in template_files("sql", slug="t", title="T").items()
        if not path.startswith("dataset/")
    }
    for manifest in (
        "kind = " + "[" * 100_000,  # deeply nested TOML
        'kind = "sql"\n[sql]\ndataset = "../../../../etc"\n',
        'kind = "sql"\n[sql]\ndataset = "/etc"\n',
        'kind = "sql"\nsql = 5\n',
        "\x00",
    ):
        spec = case_editor_spec("sql", {**files, "challenge.toml": manifest})
        data = next(column for column in spec["columns"] if column["key"] == "input.data")
        assert data["widget"] == "text", manifest[:40]
    assert kind_config("sql", 'kind = "sql"\nsql = [1, 2]\n') == {}


def test_a_hostile_manifest_never_widens_a_packages_own_dataset_choices():
    files = template_files("sql", slug="t", title="T")
    for manifest in ('kind = "sql"\n[sql]\ndataset = "../../../../etc"\n', "kind = " + "[" * 1000):
        spec = case_editor_spec("sql", {**files, "challenge.toml": manifest})
        data = next(column for column in spec["columns"] if column["key"] == "input.data")
        assert (data["widget"], data["options"]) == ("select", ["hidden/quiet-customers", "seed"])
