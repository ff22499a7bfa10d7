"""Attacks on the studio's package upload (zip) and file editor: paths that escape the package,
links, bombs, lying headers, floods, and sizes beyond the caps. Nothing is written or created."""

import io
import stat
import struct
import zipfile

import pytest
from django.test import Client

from challenges.models import Challenge
from studio import zips
from studio.files import FilesRefused, files_problems, version_files
from tests.factories import UserFactory
from tests.studio.helpers import created, form_data


@pytest.fixture
def staff(db) -> Client:
    client = Client()
    client.force_login(UserFactory(username="editor", is_staff=True))
    return client


def archive(entries: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as out:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compression
            out.writestr(info, data)
    return buffer.getvalue()


def upload(client: Client, data: bytes):
    file = io.BytesIO(data)
    file.name = "package.zip"
    return client.post("/studio/import/", {"owner": "", "package": file})


def refused(data: bytes) -> list[str]:
    with pytest.raises(FilesRefused) as caught:
        zips.files_from_zip(data)
    return caught.value.problems


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../evil.py", "'../evil.py': each part is letters, digits"),
        ("pkg/../../evil.py", "'pkg/../../evil.py': each part is letters, digits"),
        ("/etc/cron.d/evil", "'/etc/cron.d/evil': a relative path with '/' between folders"),
        ("C:/Windows/evil.py", "'C:/Windows/evil.py': a relative path with '/' between folders"),
        ("pkg\\..\\evil.py", "a relative path with '/' between folders"),
        ("pkg/.hidden", "'pkg/.hidden': each part is letters, digits"),
        ("a/b/c/d/e/f/g.sql", "'a/b/c/d/e/f/g.sql': at most 6 levels of folders"),
    ],
)
def test_paths_out_of_the_package_are_refused(name, problem):
    problems = refused(archive({name: "x", "pkg/challenge.toml": "x"}))
    assert len(problems) == 1
    assert problem in problems[0]


def test_a_slip_through_the_page_creates_nothing(staff):
    response = upload(staff, archive({"../../evil.py": "import os"}))
    assert response.status_code == 400
    assert "each part is letters, digits" in response.content.decode()
    assert not Challenge.objects.exists()


def test_a_symbolic_link_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        info = zipfile.ZipInfo("pkg/statement.md")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(info, "/etc/passwd")
    assert refused(buffer.getvalue()) == [
        "'pkg/statement.md': a symbolic link; a package holds plain files only"
    ]


def test_a_zip_bomb_is_refused_before_it_is_expanded():
    bomb = archive({"pkg/cases.json": b"0" * (4 * 1024 * 1024)})
    assert len(bomb) < 20_000
    assert refused(bomb) == ["'pkg/cases.json': compressed 200x or more; refused as a bomb"]


def test_declared_sizes_beyond_the_caps_are_refused():
    data = bytearray(archive({"pkg/cases.json": b"x" * 10}, compression=zipfile.ZIP_STORED))
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 20 * 1024 * 1024)
    assert refused(bytes(data)) == ["'pkg/cases.json': larger than the package size limits"]


def test_an_upload_beyond_the_zip_cap_is_refused(staff):
    data = b"PK" + b"\0" * (zips.MAX_ZIP_BYTES + 1)
    response = upload(staff, data)
    assert response.status_code == 400
    assert f"the zip is {len(data)} bytes; at most {zips.MAX_ZIP_BYTES}" in (
        response.content.decode()
    )


def test_a_header_that_understates_the_size_is_caught():
    data = bytearray(archive({"pkg/statement.md": b"y" * 1000}, compression=zipfile.ZIP_STORED))
    # Patch the uncompressed size to 10 in both the local header and the central directory.
    local = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, local + 22, 10)
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 10)
    assert refused(bytes(data)) == ["'pkg/statement.md': unreadable or corrupt"]


def test_a_flood_of_entries_is_refused():
    entries = {f"pkg/mutants/m{i}.py": "x" for i in range(zips.MAX_MEMBERS + 1)}
    assert refused(archive(entries)) == [
        f"the zip holds {zips.MAX_MEMBERS + 1} entries; at most {zips.MAX_MEMBERS}"
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"not a zip at all", "not a readable zip file"),
        (archive({"pkg/statement.md": b"\xff\xfe\x00bad"}), "'pkg/statement.md': not UTF-8 text"),
        (archive({}), "the zip holds no files"),
    ],
)
def test_garbage_is_refused(data, problem):
    assert refused(data) == [problem]


def test_an_encrypted_member_is_refused():
    data = bytearray(archive({"pkg/statement.md": "x"}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        flags = struct.unpack_from("<H", data, at + offset)[0]
        struct.pack_into("<H", data, at + offset, flags | 0x1)
    assert refused(bytes(data)) == ["'pkg/statement.md': encrypted; upload a plain zip"]


def test_the_same_file_twice_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("pkg/statement.md", "one")
        with pytest.warns(UserWarning, match="Duplicate name"):
            out.writestr("pkg/statement.md", "two")
    assert refused(buffer.getvalue()) == ["'statement.md': twice in the zip"]


@pytest.mark.parametrize(
    "path",
    ["../outside.py", "/tmp/evil.py", "mutants/../../x.py", "mutants/.evil.py", "a\\b.py", ""],
)
def test_the_editor_refuses_paths_out_of_the_package(staff, path):
    challenge = created(staff)
    files = version_files(challenge.versions.get())
    response = staff.post(
        f"/studio/c/{challenge.slug}/",
        form_data({**files, path: "print('escaped')"}),
        follow=True,
    )
    page = response.content.decode()
    assert "Not saved" in page or "a file needs a name" in page
    assert challenge.versions.count() == 1


def test_the_editor_refuses_a_file_beyond_the_cap(staff):
    challenge = created(staff)
    files = version_files(challenge.versions.get())
    files["dataset/huge.sql"] = "x" * (16 * 1024 * 1024 + 1)
    response = staff.post(f"/studio/c/{challenge.slug}/", form_data(files))
    # Django's request body cap refuses it before the view reads a byte.
    assert response.status_code == 400
    assert challenge.versions.count() == 1
    # Below that cap (the zip's path, a larger site cap), the studio's own caps refuse it.
    assert files_problems(files) == ["dataset/huge.sql: 16777217 bytes; a file is at most 16777216"]


def test_the_editor_refuses_names_differing_only_in_case(staff):
    challenge = created(staff)
    files = version_files(challenge.versions.get())
    response = staff.post(
        f"/studio/c/{challenge.slug}/",
        form_data({**files, "mutants/A.py": "x", "mutants/a.py": "y"}),
    )
    assert response.status_code == 400
    assert "differs from another file only in letter case" in response.content.decode()
