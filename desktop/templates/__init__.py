"""Templates (see docs)."""
