"""Reports (see docs)."""
