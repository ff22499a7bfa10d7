"""Submissions: runs and graded submits, their queue, status machine and results."""
