"""Employer organisations and their members (private challenges now; assessments next)."""
