"""The bounded JSON parsers on their own: streams of unknown length, the authoring limit."""

from __future__ import annotations

import io

import pytest
from rest_framework.exceptions import ParseError
from rest_framework.test import APIRequestFactory

from config.parsers import AuthoringJSONParser, BoundedJSONParser, RequestTooLarge, json_depth_over


class CountingStream(io.BytesIO):
    """Remembers how many bytes were asked for: a parser must never ask for the whole stream."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int] = []

    def read(self, size: int | None = -1) -> bytes:
        self.asked.append(size)
        return super().read(size)


def context(content_length: str | None) -> dict:
    request = APIRequestFactory().post("/api/x/")
    request.META.pop("CONTENT_LENGTH", None)
    if content_length is not None:
        request.META["CONTENT_LENGTH"] = content_length
    return {"request": request}


@pytest.mark.parametrize("declared", [None, "", "chunked"])
def test_a_body_of_unknown_length_is_read_to_the_limit_plus_one(settings, declared):
    settings.API_JSON_MAX_BYTES = 100
    stream = CountingStream(b"[" + b"1," * 10_000 + b"1]")
    with pytest.raises(RequestTooLarge):
        BoundedJSONParser().parse(stream, parser_context=context(declared))
    assert stream.asked == [101]


def test_a_body_of_unknown_length_within_the_limit_parses(settings):
    settings.API_JSON_MAX_BYTES = 100
    assert BoundedJSONParser().parse(io.BytesIO(b'{"a": [1]}'), parser_context=context(None)) == {
        "a": [1]
    }


def test_the_authoring_parser_has_its_own_larger_limit(settings):
    settings.API_JSON_MAX_BYTES = 100
    settings.AUTHORING_JSON_MAX_BYTES = 1000
    body = b'{"cases": "' + b"x" * 500 + b'"}'
    with pytest.raises(RequestTooLarge):
        BoundedJSONParser().parse(io.BytesIO(body), parser_context=context(str(len(body))))
    parsed = AuthoringJSONParser().parse(io.BytesIO(body), parser_context=context(str(len(body))))
    assert parsed == {"cases": "x" * 500}
    with pytest.raises(RequestTooLarge, match="larger than 1000 bytes"):
        AuthoringJSONParser().parse(io.BytesIO(b"[]"), parser_context=context("1001"))


def test_the_default_limits_fit_the_largest_shipped_package(settings):
    # The largest catalogue package is ~3.5 MB as JSON; authoring must take it, the rest needn't.
    assert settings.AUTHORING_JSON_MAX_BYTES >= 4 * 3_500_000
    assert settings.API_JSON_MAX_BYTES == 2**20


def test_depth_is_measured_without_recursion():
    deep: list = []
    for _ in range(50_000):
        deep = [deep]
    assert json_depth_over(deep, 64)
    assert not json_depth_over({"a": [{"b": [1, 2, {"c": None}]}]}, 5)
    assert json_depth_over({"a": [{"b": [1, 2, {"c": []}]}]}, 5)
    assert not json_depth_over("[[[[[[", 1)


def test_a_parse_error_is_a_parse_error_not_a_crash(settings):
    with pytest.raises(ParseError, match="nests deeper than 64 levels"):
        BoundedJSONParser().parse(
            io.BytesIO(b"[" * 3000 + b"]" * 3000), parser_context=context("6000")
        )
