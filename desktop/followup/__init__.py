"""Followup (see docs)."""
