"""A challenge kind's name in API input: any kind the registry (CHALLENGE_KINDS) holds now."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from challenges.kinds import is_kind_name


class KindField(serializers.CharField):
    """A kind's name; a choice list built at import time would miss kinds added by settings."""

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("max_length", 16)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> str:
        # A string only: CharField would turn 7 into "7" and report a confusing choice.
        if not isinstance(data, str):
            raise serializers.ValidationError("Not a valid string.")
        value = super().to_internal_value(data)
        if not is_kind_name(value):
            raise serializers.ValidationError(f'"{value}" is not a valid choice.')
        return value
