"""Employer take-home assessments: attempts, integrity signals and similarity between answers."""
