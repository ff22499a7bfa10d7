"""HTTP API for accounts: tokens for scripts and the signed-in user."""
