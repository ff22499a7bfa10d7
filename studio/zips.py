"""A package folder as a zip, both ways: export a version, import an upload (hostile input)."""

from __future__ import annotations

import io
import stat
import zipfile
import zlib

from studio.files import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_PATH_SEGMENTS,
    MAX_TOTAL_BYTES,
    FilesRefused,
    path_problem,
)

MAX_ZIP_BYTES = 8 * 1024 * 1024
MAX_MEMBERS = MAX_FILES * 2
# A member expanding more than this many times its compressed size is a bomb, not a package.
MAX_RATIO = 200


def zip_from_files(files: dict[str, str], *, folder: str) -> bytes:
    """`files` under `folder/` in a zip, in a fixed order with a fixed date (same in, same out)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, text in files.items():
            info = zipfile.ZipInfo(f"{folder}/{path}", date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def files_from_zip(data: bytes) -> dict[str, str]:
    """The package files of an uploaded zip: one folder (or the files at the top), UTF-8 text.

    Refused with FilesRefused, before anything is extracted or written: more than the size
    caps (compressed, declared and actually read), absolute or '..' paths, links, encrypted
    members, duplicates, and compression ratios only a bomb has. Nothing touches the disk.
    """
    if len(data) > MAX_ZIP_BYTES:
        raise FilesRefused([f"the zip is {len(data)} bytes; at most {MAX_ZIP_BYTES}"])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise FilesRefused(["not a readable zip file"]) from None
    if len(members) > MAX_MEMBERS:
        raise FilesRefused([f"the zip holds {len(members)} entries; at most {MAX_MEMBERS}"])
    problems: list[str] = []
    entries: list[tuple[zipfile.ZipInfo, str]] = []
    declared = 0
    for info in members:
        name = info.filename
        if info.is_dir():
            continue
        if _is_symlink(info):
            problems.append(f"{name[:80]!r}: a symbolic link; a package holds plain files only")
            continue
        if info.flag_bits & 0x1:
            problems.append(f"{name[:80]!r}: encrypted; upload a plain zip")
            continue
        # One more level than a package: the folder the package sits in.
        problem = path_problem(name, max_segments=MAX_PATH_SEGMENTS + 1)
        if problem:
            problems.append(problem)
            continue
        declared += info.file_size
        if info.file_size > MAX_FILE_BYTES or declared > MAX_TOTAL_BYTES:
            problems.append(f"{name[:80]!r}: larger than the package size limits")
            break
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            problems.append(f"{name[:80]!r}: compressed {MAX_RATIO}x or more; refused as a bomb")
            continue
        entries.append((info, name))
    if problems:
        raise FilesRefused(problems[:20])
    tops = {name.split("/", 1)[0] for _, name in entries}
    prefix = ""
    if len(tops) == 1 and all("/" in name for _, name in entries):
        prefix = tops.pop() + "/"
    files: dict[str, str] = {}
    read_total = 0
    for info, name in entries:
        # Read at most one byte past the declared size: a header that lies is caught here.
        try:
            with archive.open(info) as member:
                raw = member.read(min(info.file_size, MAX_FILE_BYTES) + 1)
        except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError):
            # A bad CRC (a header that lies about the size), an unknown compression, a password.
            raise FilesRefused([f"{name[:80]!r}: unreadable or corrupt"]) from None
        read_total += len(raw)
        if len(raw) > info.file_size or read_total > MAX_TOTAL_BYTES:
            raise FilesRefused([f"{name[:80]!r}: larger than it says; refused"])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{name[:80]!r}: not UTF-8 text")
            continue
        relative = name[len(prefix) :]
        if relative in files:
            problems.append(f"{relative!r}: twice in the zip")
        files[relative] = text
    if problems:
        raise FilesRefused(problems[:20])
    if not files:
        raise FilesRefused(["the zip holds no files"])
    return files
