"""Benchmarks: measured side by side in one run, results written to docs/performance.md."""
