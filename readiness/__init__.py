"""Readiness: per-skill ability estimates with credible bands, role profiles and public reports."""
