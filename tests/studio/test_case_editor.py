"""The studio's edit page carries the case table's description (json_script) for cases.json: the
kind's own columns for the package as it stands, and nothing when cases.json isn't in the page."""

import json
import re

import pytest

from challenges.kinds import kind_for, kind_names
from studio.cases import MAX_TABLE_BYTES, MAX_TABLE_CASES, case_editor_spec
from studio.files import version_files
from tests.studio.helpers import created, form_data


def page_spec(page: str) -> dict:
    match = re.search(
        r'<script id="case-editor-spec" type="application/json">(.*?)</script>', page, re.S
    )
    assert match, "no case editor description in the page"
    return json.loads(match.group(1))


@pytest.mark.parametrize("kind_name", kind_names())
def test_the_edit_page_describes_the_kinds_case_columns(staff, kind_name):
    challenge = created(staff, kind=kind_name, name=f"cases-{kind_name}", title="Cases")
    page = staff.get(f"/studio/c/{challenge.slug}/").content.decode()
    spec = page_spec(page)
    files = version_files(challenge.versions.get())
    assert spec == case_editor_spec(kind_name, files)
    kind = kind_for(kind_name)
    columns = kind.case_columns(config=challenge.versions.get().config, paths=list(files))
    assert [column["key"] for column in spec["columns"]] == [column.key for column in columns]
    assert spec["key_order"] == [
        "name",
        "visibility",
        "input",
        "expected",
        "category",
        "hint",
        "weight",
    ]
    assert (spec["max_bytes"], spec["max_cases"]) == (MAX_TABLE_BYTES, MAX_TABLE_CASES)
    # Only cases.json's text area gets the table.
    assert page.count('data-case-editor="case-editor-spec"') == 1
    assert re.search(
        r'<textarea name="content" id="file-\d+" aria-label="cases.json"[^>]*'
        r'data-case-editor="case-editor-spec"',
        page,
    )


def test_a_program_modes_columns_follow_the_manifest_being_edited(staff):
    challenge = created(staff)
    files = version_files(challenge.versions.get())
    # A refused save shows the posted files: the columns follow the manifest as typed.
    files["challenge.toml"] = files["challenge.toml"].replace(
        'entrypoint = "add"', 'mode = "program"'
    )
    files["cases.json"] = '{"cases": 1}\n'
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert response.status_code == 400
    keys = [column["key"] for column in page_spec(response.content.decode())["columns"]]
    assert keys[2:4] == ["input.stdin", "expected.stdout"]


def test_a_cases_file_kept_out_of_the_page_has_no_table(staff):
    challenge = created(staff)
    files = version_files(challenge.versions.get())
    cases = json.loads(files["cases.json"])
    # Each case's expected value is a long text: a valid package too large for the page.
    cases["cases"] += [
        {**cases["cases"][1], "name": f"case {number}", "expected": "x" * 1000}
        for number in range(300)
    ]
    files["cases.json"] = json.dumps(cases, indent=1)
    assert len(files["cases.json"].encode()) > 256 * 1024
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = staff.get(f"/studio/c/{challenge.slug}/").content.decode()
    assert '<input type="hidden" name="keep" value="cases.json">' in page
    assert "case-editor-spec" not in page
