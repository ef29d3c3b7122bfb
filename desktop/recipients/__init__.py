"""Recipients (see docs)."""
