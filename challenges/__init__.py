"""Challenges: the catalogue, its file-based package format, versions and cases."""
