"""Settings modules: `base` (every deployment, driven by the environment) and `test`."""
