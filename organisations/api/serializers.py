"""Input and output shapes of the organisations API."""

from rest_framework import serializers


class OrganisationInput(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    slug = serializers.CharField(max_length=64, help_text="Letters, digits and hyphens; no '_'.")


class OrganisationOutput(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    role = serializers.CharField(help_text="Your role in it.")
