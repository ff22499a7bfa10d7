"""JSON request parsers with a size limit and a nesting limit (DRF's own reads any body)."""

from __future__ import annotations

from django.conf import settings
from rest_framework import renderers, status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import BaseParser, FormParser, MultiPartParser
from rest_framework.settings import api_settings
from rest_framework.utils import json

from config.json_nesting import json_depth_over

__all__ = ["AuthoringJSONParser", "BoundedJSONParser", "RequestTooLarge", "json_depth_over"]


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"


def _too_large(limit: int) -> RequestTooLarge:
    return RequestTooLarge(
        f"The request body is larger than {limit} bytes ({limit / 2**20:.1f} MiB), "
        "the limit for this endpoint."
    )


def _reject_constant(name: str):
    # NaN and the infinities are not JSON (DRF's STRICT_JSON).
    raise ValueError(f"{name} is not valid JSON")


class BoundedJSONParser(BaseParser):
    """The API's JSON parser: at most API_JSON_MAX_BYTES, nested at most API_JSON_MAX_DEPTH.

    A declared length over the limit is refused before reading; any other body is read to at most
    limit + 1 bytes. Not a subclass of DRF's JSONParser on purpose: DRF hands those
    `request.body`, whose only bound is the site-wide DATA_UPLOAD_MAX_MEMORY_SIZE (a bare HTML
    400 past it), so no endpoint could have a limit of its own, larger or smaller.
    """

    media_type = "application/json"
    renderer_class = renderers.JSONRenderer
    limit_setting = "API_JSON_MAX_BYTES"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = getattr(settings, self.limit_setting)
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        try:
            if declared is not None and int(declared) > limit:
                raise _too_large(limit)
        except ValueError:
            pass  # an unreadable length: the read below is capped anyway
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise _too_large(limit)
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = body.decode(encoding)
            data = json.loads(
                text, parse_constant=_reject_constant if api_settings.STRICT_JSON else None
            )
        except RecursionError:
            raise ParseError(self._too_deep()) from None
        except ValueError as exc:  # also UnicodeDecodeError and over-long integers
            raise ParseError(f"JSON parse error - {exc}") from None
        if json_depth_over(data, settings.API_JSON_MAX_DEPTH):
            raise ParseError(self._too_deep())
        return data

    @staticmethod
    def _too_deep() -> str:
        limit = settings.API_JSON_MAX_DEPTH
        return f"JSON parse error - the body nests deeper than {limit} levels."


class AuthoringJSONParser(BoundedJSONParser):
    """For the authoring endpoints: packages carry datasets (AUTHORING_JSON_MAX_BYTES)."""

    limit_setting = "AUTHORING_JSON_MAX_BYTES"


# What an authoring view sets as `parser_classes` (the form parsers as DRF's defaults have them).
AUTHORING_PARSER_CLASSES = [AuthoringJSONParser, FormParser, MultiPartParser]
