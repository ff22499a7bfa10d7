"""Source that can't be a program is refused before any container starts."""

import pytest
from django.test import override_settings

from runner.facade import InvalidSource, validate_source, validate_source_bytes


def test_nul_bytes_are_refused():
    with pytest.raises(InvalidSource, match="the source contains a NUL byte"):
        validate_source("print(1)\x00")


def test_invalid_utf8_is_refused_with_the_offset():
    with pytest.raises(InvalidSource, match=r"the source is not valid UTF-8 \(byte 6\)"):
        validate_source_bytes(b"print(\xff)")


def test_lone_surrogates_are_refused():
    with pytest.raises(InvalidSource, match="not valid UTF-8"):
        validate_source("print('\ud800')")


@override_settings(RUNNER={"MAX_SOURCE_BYTES": 100})
def test_huge_source_is_refused_with_the_sizes():
    with pytest.raises(InvalidSource, match="the source is 101 bytes; the limit is 100 bytes"):
        validate_source("#" * 101)
