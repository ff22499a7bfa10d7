"""HTTP API for challenges: the catalogue and a challenge's candidate-facing detail."""
