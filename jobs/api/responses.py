"""A JSON response that carries an application's stored snapshot text verbatim."""

from __future__ import annotations

from django.http import HttpResponse
from rest_framework.renderers import JSONRenderer


def with_verbatim_snapshot(data: dict, snapshot_text: str, *, status: int = 200) -> HttpResponse:
    """`data` rendered as DRF does, plus `"snapshot": <the stored text>` spliced in unchanged.

    Re-encoding the parsed snapshot could change its bytes (escaping, key order, number
    spelling); splicing the stored text can't, so a client can hash what it receives.
    """
    head = JSONRenderer().render({k: v for k, v in data.items() if k != "snapshot"})
    body = head[:-1] + (b"," if len(head) > 2 else b"") + b'"snapshot":'
    body += snapshot_text.encode("utf-8") + b"}"
    return HttpResponse(body, status=status, content_type="application/json")
